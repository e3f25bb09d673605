import * as Y from 'yjs';
import { STORY_BODY_ROOT } from '../../../../shared/desk/desk-protocol';
import { readLexicalBody } from '../../../../shared/desk/lexical-yjs';
import type { Article } from '../../../../shared/model/article';
import { newArticle } from '../drafts/factory';
import { withMeta } from './story-meta';

/**
 * An article made from a desk story that this machine does not hold yet: its metadata from `meta`,
 * its body read from the document by the Lexical ↔ Yjs converter. Photo captions are documents of
 * their own that the desk does not carry yet, so a photo arrives with the caption its use holds.
 */
export function createArticleFromStory(articleId: string, doc: Y.Doc, at: string): Article {
  const article = withMeta({ ...newArticle('', at), id: articleId }, doc);
  if (doc.get(STORY_BODY_ROOT, Y.XmlText).length === 0) return article;
  return { ...article, body: readLexicalBody(doc, () => undefined) };
}
