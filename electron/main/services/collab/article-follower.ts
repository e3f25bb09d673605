import * as Y from 'yjs';
import type { Article } from '../../../../shared/model/article';
import { messageOf } from '../../../../shared/model/errors';
import { STORY_BODY_ROOT, STORY_META_MAP } from '../../../../shared/desk/desk-protocol';
import { captionGuidsOf, readLexicalBody } from '../../../../shared/desk/lexical-yjs';
import { articleWithMeta } from '../../../../shared/desk/story-meta';
import type { DraftStore } from '../drafts/types';
import type { StoryDocKey, StoryDocs, UpdateSource } from './story-docs';

/**
 * The article file follows its story document: when the desk (or main) changes a story no editor
 * shows, main writes the article through the draft store, so the draft list, search, revisions and
 * exports keep working from the shared document. While an editor is attached its own autosave
 * writes the file, as without a desk. Writes are debounced per story: a burst of remote typing
 * costs one save.
 */

export interface ArticleFollowerOptions {
  docs: StoryDocs;
  drafts: Pick<DraftStore, 'get' | 'save'>;
  /** Quiet time after the last change before the article is written (default 500 ms). */
  delayMs?: number;
  /** A write failed (disk full, read-only library): the document keeps the change, the file will follow later. */
  onError?: (id: string, message: string) => void;
  /** The article file was written from the document, as this version. */
  onWritten?: (id: string, updatedAt: string) => void;
}

export interface ArticleFollower {
  /** Call for every document change (story-docs' onUpdate). */
  changed(key: StoryDocKey, from: UpdateSource): void;
  /** Writes every story whose write is waiting now. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

const BODY = 'body';

export function followArticles(options: ArticleFollowerOptions): ArticleFollower {
  const { docs, drafts } = options;
  const delayMs = options.delayMs ?? 500;
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Map<string, Promise<void>>();
  let closed = false;

  const editorShows = (id: string): boolean => docs.editorsOf({ id, part: BODY }).size > 0;

  async function articleOf(id: string): Promise<Article | null> {
    try {
      return await drafts.get(id);
    } catch {
      // Not a local article (yet): whoever brings a desk story in creates its file.
      return null;
    }
  }

  async function write(id: string): Promise<void> {
    if (editorShows(id)) return;
    const article = await articleOf(id);
    if (!article) return;
    const doc = await docs.load({ id, part: BODY });
    const captions = new Map<string, Y.Doc>();
    for (const guid of captionGuidsOf(doc)) captions.set(guid, await docs.load({ id, part: guid }));
    const withMeta = articleWithMeta(article, doc.getMap<unknown>(STORY_META_MAP));
    // A body nobody has written yet (only metadata shared so far) leaves the article's body alone.
    const hasBody = doc.get(STORY_BODY_ROOT, Y.XmlText).length > 0;
    const next: Article = hasBody ? { ...withMeta, body: readLexicalBody(doc, (guid) => captions.get(guid)) } : withMeta;
    if (JSON.stringify(next) === JSON.stringify(article)) return;
    // An editor may have attached while the document was read: its autosave owns the file then.
    if (editorShows(id)) return;
    const saved = await drafts.save(next, 'auto');
    options.onWritten?.(id, saved.updatedAt);
  }

  function run(id: string): Promise<void> {
    timers.delete(id);
    const previous = running.get(id) ?? Promise.resolve();
    const next = previous
      .then(() => write(id))
      .catch((error: unknown) => options.onError?.(id, messageOf(error)));
    running.set(id, next);
    void next.then(() => {
      if (running.get(id) === next) running.delete(id);
    });
    return next;
  }

  return {
    changed(key, from) {
      // A window's change is written by that window's autosave; only main's and the desk's are followed.
      if (closed || (from !== 'desk' && from !== 'main')) return;
      if (editorShows(key.id)) return;
      clearTimeout(timers.get(key.id));
      timers.set(key.id, setTimeout(() => void run(key.id), delayMs));
    },
    async flush() {
      const waiting = [...timers.keys()];
      for (const id of waiting) clearTimeout(timers.get(id));
      await Promise.all([...waiting.map((id) => run(id)), ...running.values()]);
    },
    async close() {
      await this.flush();
      closed = true;
    },
  };
}
