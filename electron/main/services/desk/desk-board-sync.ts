import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { deskBoardDocumentName, readDeskBoard, writeDeskBoard, type DeskBoardState } from '../../../../shared/desk/desk-board';
import { ArticleId } from '../../../../shared/model/article';
import { messageOf } from '../../../../shared/model/errors';
import { refOfKey, type Board, type ItemKey } from '../../../../shared/model/placement';
import { writeFileAtomic } from '../fs/atomic-write';
import type { BoardStore } from '../feeds/board-store';
import { deskPartOf, withDeskPart } from './desk-board-merge';
import type { DeskNetwork } from './desk-network';
import { webSocketUrlOf } from './desk-sync';

/**
 * Keeps this desktop's placement board in step with its desk's board (`desk/<deskId>/board`).
 * The local board stays what the windows talk to, with its undo and keyboard moves: every change to
 * it is written at once into the desk board's Y.Doc (only the desk stories' part), and every change
 * from the desk is merged into it. The Y.Doc is kept on disk too, so moves made offline — even
 * across a restart — go to the desk at the next connection and merge with what others did.
 */
export interface DeskBoardSession {
  serverUrl: string;
  token: string;
  deskId: string;
}

export interface DeskBoardSync {
  /** The board store the app uses: the local one, whose changes also go to the desk. */
  store: BoardStore;
  /** Starts (or moves) the desk board's sync for a session; null stops it. */
  setSession(session: DeskBoardSession | null): void;
  /** The desk board as this desktop has it now (null while not on a desk). */
  deskState(): DeskBoardState | null;
  /** Puts local desk stories the desk board lacks onto it (a story just shared while placed here). */
  refresh(): void;
  /** The local board's cards that are desk stories of the current desk. */
  deskKeys(): ItemKey[];
  /** True while the desk has every local change of the board. */
  isSynced(): boolean;
}

export interface DeskBoardSyncOptions {
  board: BoardStore;
  /** <library>/desk: where the board document of each desk is kept. */
  deskDir: string;
  /** The desk and story a local article is shared as, or null while it is local. */
  sharedOf(articleId: string): { deskId: string; storyId: string } | null;
  readOnly: boolean;
  /** How the desk is reached (the system's proxy settings). */
  network: DeskNetwork;
  /** The board changed because of the desk: the windows read it again. */
  onChanged(): void;
}

const LOCAL = Symbol('local board');
const MERGE_RETRY_MS = 2000;

interface Link {
  session: DeskBoardSession;
  doc: Y.Doc;
  socket: HocuspocusProviderWebsocket;
  provider: HocuspocusProvider;
  /** Story ids the desk board held at the last merge: a story gone from it was removed on the desk. */
  known: Set<string>;
  file: string;
  /** The last merge could not be saved here, so the local board is behind the desk's: nothing is pushed until a merge is. */
  behind: boolean;
  saving: Promise<void>;
  dirty: boolean;
}

/** A desk story's article on this desktop: the same id (share and adopt both keep it). */
const articleOf = (storyId: string): string | null => (ArticleId.safeParse(storyId).success ? storyId : null);

function storiesOf(state: DeskBoardState): Set<string> {
  return new Set([...Object.values(state.feeds).flatMap((entries) => entries.map((entry) => entry.storyId)), ...Object.keys(state.placements)]);
}

export function createDeskBoardSync(options: DeskBoardSyncOptions): DeskBoardSync {
  const { board } = options;
  let link: Link | null = null;
  /** The last copy of a board being written to disk, which close waits for (the link may be gone by then). */
  let lastSaving: Promise<void> = Promise.resolve();

  const articleIdOf = (key: ItemKey): string | null => {
    const ref = refOfKey(key);
    return ref.kind === 'article' ? ref.id : null;
  };

  /** The desk story a local item is on the current desk, or null for an item that stays local. */
  const storyOf = (active: Link, key: ItemKey, alsoKnown: ReadonlySet<string> = active.known): string | null => {
    const id = articleIdOf(key);
    if (!id) return null;
    const shared = options.sharedOf(id);
    if (shared) return shared.deskId === active.session.deskId ? shared.storyId : null;
    return alsoKnown.has(id) ? id : null;
  };

  /** Writes the desk stories' part of the local board into the desk board (only what differs). */
  function push(): void {
    const active = link;
    if (!active || active.behind) return;
    // Stories this desktop cannot show (an id no article here can have) stay as the desk has them.
    writeDeskBoard(active.doc, deskPartOf(board.get(), (key) => storyOf(active, key)), LOCAL, (storyId) => articleOf(storyId) === null);
  }

  /** Takes the desk board into the local board, then adds local desk stories the desk lacks. */
  function merge(active: Link): void {
    const desk = readDeskBoard(active.doc);
    const now = storiesOf(desk);
    const wasOrIs = new Set([...active.known, ...now]);
    active.known = now;
    const before = board.get();
    // Only a story the desk board holds or held is the desk's to place: a story shared after it was
    // placed here, and not yet on the desk board, keeps its place (and joins the desk board below).
    const isDesk = (key: ItemKey): boolean => {
      const storyId = storyOf(active, key, wasOrIs);
      return storyId !== null && wasOrIs.has(storyId);
    };
    const written = board.update((current) => withDeskPart(current, desk, articleOf, isDesk));
    if (board.get() !== before) options.onChanged();
    written.then(
      () => (active.behind = false),
      (error: unknown) => {
        // The local board went back to what the disk holds, behind the desk's: pushing it now would
        // take the desk's changes back. Nothing is pushed until the merge is saved; it is tried again.
        active.behind = true;
        // The retry must still know which stories the desk took off (they are gone from the desk board now).
        for (const storyId of wasOrIs) active.known.add(storyId);
        console.warn(`The desk's board could not be saved on this computer (tried again shortly): ${messageOf(error)}`);
        options.onChanged();
        setTimeout(() => {
          if (link === active) merge(active);
        }, MERGE_RETRY_MS).unref();
      },
    );
    push();
  }

  function save(active: Link): void {
    if (options.readOnly) return;
    active.dirty = true;
    active.saving = active.saving.then(async () => {
      if (!active.dirty) return;
      active.dirty = false;
      // The desk has what was sent; this copy is for moves made while the desk cannot be reached.
      await writeFileAtomic(active.file, Buffer.from(Y.encodeStateAsUpdate(active.doc))).catch((error: unknown) => {
        console.warn(`The desk board could not be kept on this computer: ${messageOf(error)}`);
      });
    });
  }

  async function restore(active: Link): Promise<void> {
    let saved: Buffer;
    try {
      saved = await readFile(active.file);
    } catch {
      return; // First time on this desk: the desk sends its board.
    }
    try {
      Y.applyUpdate(active.doc, new Uint8Array(saved), 'file');
    } catch (error) {
      console.warn(`The kept copy of the desk board is unreadable (${messageOf(error)}); the desk's copy is used.`);
    }
  }

  function connect(session: DeskBoardSession): void {
    const doc = new Y.Doc();
    const socket = new HocuspocusProviderWebsocket({
      url: webSocketUrlOf(session.serverUrl), WebSocketPolyfill: options.network.webSocket(), delay: 500, factor: 1.5, minDelay: 200, maxDelay: 10_000, maxAttempts: 0,
    });
    const active: Link = {
      session, doc, socket, known: new Set(), file: join(options.deskDir, `board-${session.deskId}.ydoc`), behind: false, saving: Promise.resolve(), dirty: false,
      provider: null as unknown as HocuspocusProvider,
    };
    link = active;
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      save(active);
      if (origin !== LOCAL && link === active) merge(active);
    });
    void restore(active).then(() => {
      if (link !== active) return;
      // Local desk stories placed before this desk board existed here join it.
      merge(active);
      active.provider = new HocuspocusProvider({ websocketProvider: socket, name: deskBoardDocumentName(session.deskId), document: doc, token: session.token });
      active.provider.attach();
    });
  }

  function disconnect(): void {
    const active = link;
    link = null;
    if (!active) return;
    lastSaving = active.saving;
    (active.provider as HocuspocusProvider | null)?.destroy();
    active.socket.destroy();
  }

  const store: BoardStore = {
    get: () => board.get(),
    update(change: (current: Board) => Board) {
      const written = board.update(change);
      push();
      // A change the disk refused is undone locally; the desk gets the board as it stands again.
      written.catch(() => push());
      return written;
    },
    setArticleDelivery(articleId, delivery, publishedAt, kind) {
      const written = board.setArticleDelivery(articleId, delivery, publishedAt, kind);
      push();
      written.catch(() => push());
      return written;
    },
    quarantined: () => board.quarantined(),
    flush: () => board.flush(),
    async close() {
      disconnect();
      await lastSaving;
      await board.close();
    },
  };

  return {
    store,
    setSession(session) {
      // A library another Newsdesk holds is not written, and merging the desk's board would write it.
      if (options.readOnly) return;
      const current = link?.session;
      if (current && session && current.deskId === session.deskId && current.serverUrl === session.serverUrl && current.token === session.token) return;
      disconnect();
      if (session) connect(session);
    },
    refresh: push,
    deskState: () => (link ? readDeskBoard(link.doc) : null),
    deskKeys: () => {
      const active = link;
      return active ? Object.keys(board.get().placements).filter((key) => storyOf(active, key) !== null) : [];
    },
    isSynced: () => {
      const provider = link?.provider as HocuspocusProvider | null | undefined;
      return provider !== null && provider !== undefined && provider.isSynced && !provider.hasUnsyncedChanges;
    },
  };
}
