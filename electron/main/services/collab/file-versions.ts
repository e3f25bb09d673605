import { mkdir, readFile, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ArticleId, IsoTime, type Article } from '../../../../shared/model/article';
import { messageOf } from '../../../../shared/model/errors';
import { fsyncDir, writeFileAtomic } from '../fs/atomic-write';
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
 * The record is kept beside the document (library/shared-docs/<id>/file-version.json, written
 * atomically), so a file changed while the app was closed is noticed after a restart too. Without a
 * record (a story whose document predates it, an unreadable record) the document is trusted as it is.
 * Desk stories are left to the desk's merge: replacing a shared body wholesale would undo other
 * people's concurrent edits.
 */
export interface FileVersions {
  /**
   * A window is about to write the document's text to the file: the record is removed first, so a
   * crash before the new version is recorded leaves no record (the document, which may already hold
   * newer keystrokes, is trusted) rather than an older one that would have the file replace it.
   */
  beforeSave(id: string): Promise<void>;
  /** The document and the article file hold the same story as of this file version; resolves once recorded. */
  matched(id: string, updatedAt: string): Promise<void>;
  /** Called before an editor attaches to a story: brings the document up to the file if it moved on. */
  beforeOpen(id: string, part: string): Promise<void>;
  /** Main wrote this file version from the document (article-follower): it is the document's state. */
  writtenFromDocument(id: string, updatedAt: string): void;
  /**
   * Whether the document holds this file version as it is: main wrote it from the document, or put
   * it into the document (see replacing). A replacement still under way is waited for first.
   */
  isFromDocument(id: string, updatedAt: string): Promise<boolean>;
  /**
   * Runs `work`, which writes the article file from outside the document and then puts that version
   * into the document (a restore, a correction, the site's version). The version it resolves with is
   * then the document's too. A window told of the new file before the document took it asks in the
   * meantime: the answer waits for the work, instead of calling it a change in another window.
   */
  replacing<T>(id: string, work: () => Promise<{ value: T; inDocument: string | null }>): Promise<T>;
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
  /** The library whose shared-docs/ folder keeps the records; without it they live in memory only. */
  libraryDir?: string;
  /** Null while the library may be written; otherwise why not (records are then kept in memory only). */
  readOnlyReason?: () => string | null;
}

const FILE_VERSION_NAME = 'file-version.json';
const recordSchema = z.object({ updatedAt: IsoTime });

export function createFileVersions({ getArticle, docs, isShared, libraryDir, readOnlyReason = () => null }: FileVersionsDeps): FileVersions {
  const known = new Map<string, string>();
  const fromDocument = new Map<string, string[]>();
  /** Each story's record writes, one after another, so the last version matched is the one on disk. */
  const writes = new Map<string, Promise<void>>();
  /** Replacements from outside under way, per story (see replacing). */
  const replacements = new Map<string, Promise<unknown>>();

  const recordPath = (id: string): string | null =>
    libraryDir && ArticleId.safeParse(id).success ? join(libraryDir, 'shared-docs', id, FILE_VERSION_NAME) : null;

  async function readRecord(id: string): Promise<string | undefined> {
    const path = recordPath(id);
    if (!path) return undefined;
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') console.warn(`The file version of story ${id} could not be read (${messageOf(error)}); its document is trusted as it is.`);
      return undefined;
    }
    try {
      const parsed = recordSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data.updatedAt;
    } catch {
      // Not JSON: said below, like a record of the wrong shape.
    }
    // Only a hint: the next save writes it anew. Until then the document is trusted, as before records existed.
    console.warn(`The file version of story ${id} is not readable; its document is trusted as it is.`);
    return undefined;
  }

  async function writeRecord(id: string): Promise<void> {
    const path = recordPath(id);
    const updatedAt = known.get(id);
    if (!path || updatedAt === undefined || readOnlyReason() !== null) return;
    try {
      await mkdir(join(path, '..'), { recursive: true });
      await writeFileAtomic(path, `${JSON.stringify({ updatedAt })}\n`);
    } catch (error) {
      // The article itself is saved. An older record left behind would, after a restart, replace a
      // document that may hold newer keystrokes with the file: without a record it is trusted instead
      // (for a window's save, beforeSave removed it already).
      console.warn(`The file version of story ${id} could not be recorded (${messageOf(error)}); after a restart its document is trusted as it is.`);
      await rm(path, { force: true }).catch(() => undefined);
    }
  }

  async function removeRecord(id: string): Promise<void> {
    const path = recordPath(id);
    if (!path || readOnlyReason() !== null) return;
    try {
      await unlink(path);
      // Flushed, so the removal is on disk before the save's rename of the article file.
      await fsyncDir(join(path, '..'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') console.warn(`The file version of story ${id} could not be removed before a save (${messageOf(error)}).`);
    }
  }

  /** Runs a story's record writes one after another, so the last one asked for is what is on disk. */
  function queue(id: string, write: () => Promise<void>): Promise<void> {
    const next = (writes.get(id) ?? Promise.resolve()).then(write);
    writes.set(id, next);
    void next.finally(() => {
      if (writes.get(id) === next) writes.delete(id);
    });
    return next;
  }

  function record(id: string, updatedAt: string): Promise<void> {
    known.set(id, updatedAt);
    return queue(id, () => writeRecord(id));
  }

  function writtenFromDocument(id: string, updatedAt: string): void {
    // Never rejects: a record that cannot be written is said in the log (writeRecord).
    void record(id, updatedAt);
    const versions = [...(fromDocument.get(id) ?? []), updatedAt].slice(-REMEMBERED_WRITES);
    fromDocument.set(id, versions);
  }

  return {
    beforeSave: (id) => queue(id, () => removeRecord(id)),
    matched: record,
    writtenFromDocument,
    async isFromDocument(id, updatedAt) {
      // Every replacement under way, also one started while the previous was awaited.
      for (let pending = replacements.get(id); pending; pending = replacements.get(id)) await pending.catch(() => undefined);
      return fromDocument.get(id)?.includes(updatedAt) ?? false;
    },
    async replacing(id, work) {
      const running = (replacements.get(id) ?? Promise.resolve()).catch(() => undefined).then(work);
      replacements.set(id, running);
      try {
        const { value, inDocument } = await running;
        if (inDocument !== null) writtenFromDocument(id, inDocument);
        return value;
      } finally {
        if (replacements.get(id) === running) replacements.delete(id);
      }
    },
    async beforeOpen(id, part) {
      if (part !== 'body' || isShared(id) || docs.editorsOf({ id, part }).size > 0) return;
      await writes.get(id);
      if (!known.has(id)) {
        const stored = await readRecord(id);
        // A save that came in while the record was read is newer than the record.
        if (stored !== undefined && !known.has(id)) known.set(id, stored);
      }
      const version = known.get(id);
      if (version === undefined) return;
      const article = await getArticle(id).catch(() => null);
      if (!article || article.updatedAt === version) return;
      await replaceStoryContent(docs, article);
      await record(id, article.updatedAt);
    },
  };
}
