import * as Y from 'yjs';
import type { Article } from '../../../../shared/model/article';
import { messageOf } from '../../../../shared/model/errors';
import { STORY_BODY_ROOT, STORY_META_MAP } from '../../../../shared/desk/desk-protocol';
import { writeLexicalBody } from '../../../../shared/desk/lexical-yjs';
import { writeMeta } from '../../../../shared/desk/story-meta';
import type { DraftStore } from '../drafts/types';
import type { StoryDocs } from './story-docs';

/**
 * When the article file is replaced from outside its story document (a revision restored, the
 * site's version taken, a correction appended), the document must follow: otherwise every editor
 * bound to it keeps showing the old text and its next autosave writes that text back over the
 * restored one. The body and metadata are replaced as ONE change from 'main', so each window
 * receives it as a whole and a window's undo does not take the restored text back piece by piece.
 */

const HOLDER = 'replace-from-file';

/**
 * Puts `article` into its story document, whether held by a window or only on disk. True when the
 * document now holds it; false for a body nobody has written yet, which the first window seeds from
 * the article file (left as it is).
 */
export async function replaceStoryContent(docs: StoryDocs, article: Article): Promise<boolean> {
  const key = { id: article.id, part: 'body' };
  const doc = await docs.hold(key, HOLDER);
  try {
    const root = doc.get(STORY_BODY_ROOT, Y.XmlText);
    if (root.length === 0) return false;
    doc.transact(() => {
      root.delete(0, root.length);
      writeLexicalBody(doc, article.body);
      writeMeta(doc.getMap<unknown>(STORY_META_MAP), article);
    }, 'main');
    return true;
  } finally {
    await docs.release(key, HOLDER);
  }
}

/** How a replacement from outside is run (FileVersions.replacing): the file version the document took is the document's. */
export type RunReplacing = <T>(id: string, work: () => Promise<{ value: T; inDocument: string | null }>) => Promise<T>;

/**
 * The draft store as the services that change an article from outside its document see it: each
 * save and restore also replaces the story document. Window autosaves and the article follower use
 * the plain store (their text comes from the document already).
 */
export function replacingStoryDocs<T extends Pick<DraftStore, 'save' | 'restoreRevision'>>(drafts: T, docs: StoryDocs, replacing: RunReplacing): T {
  // The article is saved by then: a document that cannot be read is not a failed save. Such a
  // document is set aside by story-docs, and the next window seeds a new one from the file.
  const follow = (article: Article): Promise<boolean> =>
    replaceStoryContent(docs, article).catch((error: unknown) => {
      console.warn(`The story document of ${article.id} could not follow the article: ${messageOf(error)}`);
      return false;
    });
  const save: DraftStore['save'] = (article, reason) =>
    replacing(article.id, async () => {
      const saved = await drafts.save(article, reason);
      return { value: saved, inDocument: (await follow(article)) ? saved.updatedAt : null };
    });
  const restoreRevision: DraftStore['restoreRevision'] = (id, revisionId) =>
    replacing(id, async () => {
      const restored = await drafts.restoreRevision(id, revisionId);
      return { value: restored, inDocument: (await follow(restored)) ? restored.updatedAt : null };
    });
  // Every other method is the store's own, called on the store itself (it keeps state in fields).
  return new Proxy(drafts, {
    get(target, property) {
      if (property === 'save') return save;
      if (property === 'restoreRevision') return restoreRevision;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
