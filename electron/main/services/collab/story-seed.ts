import * as Y from 'yjs';
import type { Article } from '../../../../shared/model/article';
import { STORY_BODY_ROOT } from '../../../../shared/desk/desk-protocol';
import { writeLexicalBody } from '../../../../shared/desk/lexical-yjs';
import type { StoryDocs } from './story-docs';

/**
 * Writes an article's body into its story document when nobody has yet: for a story shared from
 * this machine that no window has open (the desk connection calls it before syncing). Metadata is
 * seeded by story-docs itself when the document loads. Returns false when the body was already
 * there, or an editor is attached (its bootstrap writes the body then).
 */
export async function seedStoryBody(docs: StoryDocs, article: Article): Promise<boolean> {
  const key = { id: article.id, part: 'body' };
  const holder = 'seed';
  const doc = await docs.hold(key, holder);
  try {
    if (doc.get(STORY_BODY_ROOT, Y.XmlText).length > 0 || docs.editorsOf(key).size > 0) return false;
    // Captions travel inside the body (each photo node's JSON mirror of its caption editor).
    writeLexicalBody(doc, article.body, 'main');
    return true;
  } finally {
    await docs.release(key, holder);
  }
}
