import type { Article } from '../../../../shared/model/article';
import type { StoryDocs } from './story-docs';
import { replaceStoryContent } from './story-replace';

/**
 * An article file and its story document part when the file is written by something other than an
 * editor of the document (another program, a script, a synced library folder) while no window holds
 * the story: the next window would show the document's older text, and its autosave would write that
 * text over the file. Main remembers which file version each document last matched (a window's save,
 * main's own replacements) and, when a window opens a story whose file has moved on since, puts the
 * file's version into the document first.
 *
 * Kept in memory: after a restart the document is trusted as it is (a record on disk would close
 * that gap). Desk stories are left to the desk's merge: replacing a shared body wholesale would
 * undo other people's concurrent edits.
 */
export interface FileVersions {
  /** The document and the article file hold the same story as of this file version. */
  matched(id: string, updatedAt: string): void;
  /** Called before an editor attaches to a story: brings the document up to the file if it moved on. */
  beforeOpen(id: string, part: string): Promise<void>;
  /** Main wrote this file version from the document (article-follower): it is the document's state. */
  writtenFromDocument(id: string, updatedAt: string): void;
  /** Whether main wrote this file version from the document (see writtenFromDocument). */
  isFromDocument(id: string, updatedAt: string): boolean;
}

/**
 * How many versions written from a document are remembered per story. A window asks about the
 * version it was just told of; a few more cover a burst of writes before it asks.
 */
const REMEMBERED_WRITES = 16;

export interface FileVersionsDeps {
  getArticle(id: string): Promise<Article>;
  docs: StoryDocs;
  isShared(id: string): boolean;
}

export function createFileVersions({ getArticle, docs, isShared }: FileVersionsDeps): FileVersions {
  const matched = new Map<string, string>();
  const fromDocument = new Map<string, string[]>();
  return {
    matched: (id, updatedAt) => void matched.set(id, updatedAt),
    writtenFromDocument(id, updatedAt) {
      matched.set(id, updatedAt);
      const versions = [...(fromDocument.get(id) ?? []), updatedAt].slice(-REMEMBERED_WRITES);
      fromDocument.set(id, versions);
    },
    isFromDocument: (id, updatedAt) => fromDocument.get(id)?.includes(updatedAt) ?? false,
    async beforeOpen(id, part) {
      const known = matched.get(id);
      if (part !== 'body' || known === undefined || isShared(id) || docs.editorsOf({ id, part }).size > 0) return;
      const article = await getArticle(id).catch(() => null);
      if (!article || article.updatedAt === known) return;
      await replaceStoryContent(docs, article);
      matched.set(id, article.updatedAt);
    },
  };
}
