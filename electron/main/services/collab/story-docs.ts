import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { ArticleId, type Article } from '../../../../shared/model/article';
import type { StoryOpened } from '../../../../shared/model/desk';
import { StoryPart } from '../../../../shared/model/desk';
import { UserFacingError } from '../../../../shared/model/errors';
import { STORY_META_MAP } from '../../../../shared/desk/desk-protocol';
import { isMetaEmpty, writeMeta } from '../../../../shared/desk/story-meta';
import { shareOldCaptions } from '../../../../shared/desk/lexical-yjs';
import type { QuarantinedFile } from '../../../../shared/model/library';
import { Quarantine } from '../drafts/quarantine';
import { ioFailure } from '../fs/io-errors';
import { openStoryFile, type StoryFile } from './story-file';

/**
 * The story documents main holds: one Y.Doc per story part, shared by every editor attached to it,
 * so two windows of one app are two views of one document. Editors reach it through the story:*
 * channels; each change is passed on to the other editors through `onUpdate`.
 *
 * With `dir`, every document lives on disk too (library/shared-docs/<id>/<part>.ylog|.ysnap, see
 * story-file.ts): it is loaded on first use, and a window's change is acknowledged only once it is
 * on disk. Holders other than editors (the desk connection) keep a document open with hold().
 */

export type UpdateSource = string | 'main' | 'desk';

export interface StoryDocKey {
  id: string;
  part: string;
}

export interface StoryDocsOptions {
  /** A document changed: tell every editor attached to it (the one named by `from` ignores it). */
  onUpdate?: (key: StoryDocKey, update: Uint8Array, from: UpdateSource) => void;
  /**
   * The library: documents live in its shared-docs/ folder and unreadable ones go to its
   * quarantine/ with their reason. Without it they live in memory only.
   */
  libraryDir?: string;
  /** Null while the library may be written; otherwise why not. */
  readOnlyReason?: () => string | null;
  /** The log is compacted into a snapshot past this many bytes (default 1 MB). */
  compactAfterBytes?: number;
  /** The article whose metadata seeds a story document with no `meta` yet (null: not a stored article). */
  articleOf?: (id: string) => Promise<Article | null>;
  /** A change that did not come from a window could not be saved (the disk refused it). */
  onSaveFailed?: (key: StoryDocKey, message: string) => void;
  /** Names an update's non-string origin (the desk's provider → 'desk'); 'main' when absent. */
  originOf?: (origin: unknown) => 'main' | 'desk';
  /**
   * Whether this app alone writes the story (it is not on a desk), so that its photos' old captions
   * may be given shared texts as it loads (shareOldCaptions). Absent: never.
   */
  ownsStory?: (id: string) => boolean;
}

export interface StoryDocs {
  open(key: StoryDocKey, session: string): Promise<StoryOpened>;
  /** Applies a window's change; resolves once it is on disk ("acknowledged"). */
  apply(key: StoryDocKey, update: Uint8Array, from: UpdateSource): Promise<void>;
  close(key: StoryDocKey, session: string): Promise<void>;
  /** The live document, or undefined while nobody holds it. */
  get(key: StoryDocKey): Y.Doc | undefined;
  /** Keeps a document open (loaded from disk) for a holder that is not an editor, until release(). */
  hold(key: StoryDocKey, holder: string): Promise<Y.Doc>;
  release(key: StoryDocKey, holder: string): Promise<void>;
  /** The document as it is now: the live one if held, else a copy read from disk (changes to it are not kept). */
  load(key: StoryDocKey): Promise<Y.Doc>;
  /** The editor sessions attached to a document (holders from hold() are not editors). */
  editorsOf(key: StoryDocKey): ReadonlySet<string>;
  /** Document files found unreadable since start, moved aside. */
  quarantined(): QuarantinedFile[];
  /** Closes every document (their files flushed); for shutdown. */
  closeAll(): Promise<void>;
}

interface HeldDoc {
  doc: Y.Doc;
  file: StoryFile | null;
  ready: Promise<void>;
  editors: Set<string>;
  holders: Set<string>;
  /** The session that was told to bootstrap the empty document, until its first update arrives. */
  bootstrapper: string | null;
  /** Set while a window's update is applied: apply() saves those bytes itself and awaits them. */
  applyingFromWindow: boolean;
  /** Windows' updates being applied and saved: the document is not let go under them. */
  applying: number;
}

const nameOf = (key: StoryDocKey): string => `${key.id}/${key.part}`;
const DEFAULT_COMPACT_AFTER = 1024 * 1024;

/** Lexical's binding keeps the body under the root Y.XmlText; empty means no editor has written it yet. */
function isEmpty(doc: Y.Doc): boolean {
  return doc.get('root', Y.XmlText).length === 0;
}

/** Keys reach the disk as folder and file names: only ids and parts the contract allows. */
function checkKey(key: StoryDocKey): void {
  if (!ArticleId.safeParse(key.id).success || !StoryPart.safeParse(key.part).success) {
    throw new UserFacingError('invalid-request', 'Not a valid story document.');
  }
}

function refuseUnreadable(update: Uint8Array): void {
  // Read the whole update before touching the document: a malformed one (a hostile window, a
  // damaged file) is refused as a whole and the document stays as it was.
  try {
    Y.decodeUpdate(update);
  } catch {
    throw new UserFacingError('invalid-request', 'The change to the story could not be read, so it was refused; the story is unchanged.');
  }
}

export function createStoryDocs(options: StoryDocsOptions = {}): StoryDocs {
  const held = new Map<string, HeldDoc>();
  /**
   * Documents let go whose file is still being written and closed. A document held again meanwhile
   * (an editor that reconnects: its old session closes as the new one opens) loads only once that
   * is done. Read earlier, the file lacks the last changes, the metadata seeded from the article
   * file at the first load among them: it would be seeded a second time, concurrently with what the
   * editor typed since, and a tie between the two can replace the typed headline with the file's.
   */
  const closing = new Map<string, Promise<void>>();
  let loads = 0;
  const readOnlyReason = options.readOnlyReason ?? (() => null);
  const { libraryDir } = options;
  const quarantineDir = libraryDir ? join(libraryDir, 'quarantine') : '';
  const quarantine = libraryDir ? new Quarantine(libraryDir, quarantineDir, { leaveInPlace: readOnlyReason() !== null }) : null;
  const moveAside = async (path: string, reason: string): Promise<void> => {
    await mkdir(quarantineDir, { recursive: true }).catch(() => undefined);
    await quarantine?.move(path, reason);
  };

  function fileFor(key: StoryDocKey, doc: Y.Doc): StoryFile | null {
    if (!libraryDir) return null;
    return openStoryFile(join(libraryDir, 'shared-docs', key.id), key.part, () => Y.encodeStateAsUpdate(doc), {
      readOnlyReason,
      quarantine: moveAside,
      compactAfterBytes: options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER,
    });
  }

  async function loadInto(key: StoryDocKey, doc: Y.Doc, file: StoryFile | null): Promise<void> {
    if (file) {
      const updates = await file.load().catch((error: unknown) => {
        throw ioFailure('The story could not be opened', error);
      });
      for (const update of updates) {
        try {
          Y.applyUpdate(doc, update, 'disk');
        } catch {
          // The checksum held but Yjs cannot read it (written by a broken build): skip that one.
        }
      }
    }
    if (key.part === 'body' && options.articleOf) {
      const meta = doc.getMap<unknown>(STORY_META_MAP);
      if (isMetaEmpty(meta)) {
        const article = await options.articleOf(key.id).catch(() => null);
        if (article && isMetaEmpty(meta)) doc.transact(() => writeMeta(meta, article), 'main');
      }
    }
    // Before any editor shows it: an editor binds a caption to its shared text only when the photo has one.
    if (key.part === 'body' && readOnlyReason() === null && options.ownsStory?.(key.id)) shareOldCaptions(doc, 'main');
  }

  function hold(key: StoryDocKey): HeldDoc {
    checkKey(key);
    const name = nameOf(key);
    let entry = held.get(name);
    if (!entry) {
      const doc = new Y.Doc();
      const file = fileFor(key, doc);
      const created: HeldDoc = { doc, file, ready: Promise.resolve(), editors: new Set(), holders: new Set(), bootstrapper: null, applyingFromWindow: false, applying: 0 };
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === 'disk') return;
        const from = typeof origin === 'string' ? origin : (options.originOf?.(origin) ?? 'main');
        // Changes from main or the desk are saved here; a window's are saved (and awaited) by apply().
        if (file && !created.applyingFromWindow && readOnlyReason() === null) {
          file.append(update).catch((error: unknown) => options.onSaveFailed?.(key, error instanceof UserFacingError ? error.message : String(error)));
        }
        options.onUpdate?.(key, update, from);
      });
      const previous = closing.get(name);
      created.ready = previous ? previous.then(() => loadInto(key, doc, file)) : loadInto(key, doc, file);
      held.set(name, created);
      entry = created;
    }
    return entry;
  }

  async function letGoIfUnused(key: StoryDocKey, entry: HeldDoc): Promise<void> {
    if (entry.editors.size > 0 || entry.holders.size > 0 || entry.applying > 0) return;
    const name = nameOf(key);
    if (held.get(name) !== entry) return; // let go already
    held.delete(name);
    const closed = (async () => {
      // A document that never loaded has nothing of its own to write; its file closes all the same.
      await entry.ready.catch(() => undefined);
      await entry.file?.close();
      entry.doc.destroy();
    })();
    const done = closed.catch(() => undefined);
    closing.set(name, done);
    void done.then(() => {
      if (closing.get(name) === done) closing.delete(name);
    });
    await closed;
  }

  return {
    async open(key, session) {
      const entry = hold(key);
      entry.editors.add(session);
      try {
        await entry.ready;
      } catch (error) {
        entry.editors.delete(session);
        await letGoIfUnused(key, entry);
        throw error;
      }
      let bootstrap = false;
      if (isEmpty(entry.doc) && (entry.bootstrapper === null || !entry.editors.has(entry.bootstrapper))) {
        entry.bootstrapper = session;
        bootstrap = true;
      }
      return { state: Buffer.from(Y.encodeStateAsUpdate(entry.doc)).toString('base64'), bootstrap, shared: null };
    },
    async apply(key, update, from) {
      refuseUnreadable(update);
      const reason = readOnlyReason();
      if (reason !== null) throw new UserFacingError('conflict', `${reason} The change was not saved.`);
      const entry = hold(key);
      // A session closing right after it sent its last change (an editor disconnecting) lets go of
      // the document only once that change is in it and on disk.
      entry.applying += 1;
      try {
        await entry.ready;
        entry.applyingFromWindow = true;
        try {
          Y.applyUpdate(entry.doc, update, from);
        } finally {
          entry.applyingFromWindow = false;
        }
        if (!isEmpty(entry.doc)) entry.bootstrapper = null;
        // The bytes as the window sent them: also an update Yjs keeps pending (a missing earlier one)
        // is on disk before it is acknowledged.
        await entry.file?.append(update);
      } finally {
        entry.applying -= 1;
      }
      await letGoIfUnused(key, entry);
    },
    async close(key, session) {
      const entry = held.get(nameOf(key));
      if (!entry) return;
      entry.editors.delete(session);
      if (entry.bootstrapper === session) entry.bootstrapper = null;
      await letGoIfUnused(key, entry);
    },
    get: (key) => held.get(nameOf(key))?.doc,
    async hold(key, holder) {
      const entry = hold(key);
      entry.holders.add(holder);
      try {
        await entry.ready;
      } catch (error) {
        entry.holders.delete(holder);
        await letGoIfUnused(key, entry);
        throw error;
      }
      return entry.doc;
    },
    async release(key, holder) {
      const entry = held.get(nameOf(key));
      if (!entry) return;
      entry.holders.delete(holder);
      await letGoIfUnused(key, entry);
    },
    async load(key) {
      const live = held.get(nameOf(key));
      if (live) {
        await live.ready;
        return live.doc;
      }
      // Through hold() so one loader reads (and, if damaged, quarantines) the files, never two at once.
      const holder = `load-${(loads += 1)}`;
      const doc = await this.hold(key, holder);
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
      await this.release(key, holder);
      return copy;
    },
    quarantined: () => quarantine?.list() ?? [],
    editorsOf: (key) => held.get(nameOf(key))?.editors ?? new Set<string>(),
    async closeAll() {
      const entries = [...held.values()];
      held.clear();
      await Promise.all(entries.map(async (entry) => {
        await entry.file?.close();
        entry.doc.destroy();
      }));
      // Documents let go just before: their files finish closing too.
      await Promise.all([...closing.values()]);
    },
  };
}
