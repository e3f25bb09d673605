import { Redis } from '@hocuspocus/extension-redis';
import { Server, type Connection, type Extension } from '@hocuspocus/server';
import IORedis from 'ioredis';
import { join } from 'node:path';
import * as Y from 'yjs';
import { parseDeskIndexDocumentName, parseStoryDocumentName } from '../shared/desk/desk-protocol';
import { parseDeskMediaDocumentName, type DeskPhoto } from '../shared/desk/photos';
import { messageOf } from '../shared/model/errors';
import { hasRole, type DeskRole } from '../shared/desk/roles';
import { isMember, rolesOfUser } from './accounts';
import { handleBudgetRequest } from './budget-api';
import { loadBudgetDocument, moveLegacyPhotoRequests, publishStoryProgress } from './budget-index';
import { parseBudgetDocumentName } from '../shared/desk/budget';
import { parseDeskBoardDocumentName } from '../shared/desk/desk-board';
import { openDeskDatabase, type DeskDatabase } from './db/database';
import { checkBoardUpdate, storeBoard } from './desk-board-guard';
import { KeptDocumentsDatabase } from './desk-persistence';
import { retimingRefusal, undoRetimings, type Retiming } from './desk-board-timing';
import { loadDeskIndex, publishToIndex } from './desk-index';
import { handleApiRequest } from './http-api';
import { handleMediaRequest } from './media-api';
import { loadMediaIndex, publishPhoto } from './media-records';
import { openFolderMediaStore } from './media-store';
import { checkClientMessage, closeReason, MALFORMED, RefusedMessage } from './message-guard';
import { keepOldCaptionEdits, loadSharingOldCaptions } from './old-captions';
import { LoginRateLimit } from './rate-limit';
import { storyFields } from './story-fields';
import { StoryStore } from './story-store';
import { loadTokenKey, verifyToken, type SessionClaims } from './tokens';
import { handleWorkflowRequest, WorkflowRegistry } from './workflow-api';

export interface DeskServerOptions {
  /** 0 picks a free port. */
  port: number;
  host: string;
  /** postgres://… for PostgreSQL; absent for the embedded PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** redis://host:port, or unix:///path/to/redis.sock, to run several instances of one desk. */
  redisUrl?: string | undefined;
  tokenSecret?: string | undefined;
  tokenLifetimeSeconds: number;
  /** The largest single Yjs update accepted; a bigger one is refused and its sender disconnected. */
  maxUpdateBytes: number;
  loginMaxFailures: number;
  loginWindowMs: number;
  /** How long after the last change a document is compacted into its stored state. */
  storeDebounceMs: number;
  /** Where shared photos' bytes are kept; `<dataDir>/media` when absent. */
  mediaDir?: string | undefined;
  /** The largest photo file (original or thumbnail) the desk accepts. */
  maxMediaBytes: number;
}

export const DEFAULT_DESK_OPTIONS: DeskServerOptions = {
  port: 4610,
  host: '127.0.0.1',
  dataDir: 'desk-data',
  tokenLifetimeSeconds: 12 * 60 * 60,
  maxUpdateBytes: 2 * 1024 * 1024,
  loginMaxFailures: 5,
  loginWindowMs: 15 * 60 * 1000,
  storeDebounceMs: 2000,
  maxMediaBytes: 1024 ** 3,
};

export interface RunningDeskServer {
  /** http://host:port: the address the desktops are given; the websocket is ws:// on the same port. */
  url: string;
  webSocketUrl: string;
  port: number;
  db: DeskDatabase;
  /** Documents loaded now (for the memory figure of the benchmark). */
  openDocuments(): number;
  stop(): Promise<void>;
}

interface ConnectionContext {
  user: SessionClaims;
  /** Read from the database when the connection is made (a role given or taken applies from the next one). */
  roles: DeskRole[];
}

function redisExtension(url: string): Extension {
  const connect = (): IORedis => (url.startsWith('unix://')
    ? new IORedis({ path: url.slice('unix://'.length), maxRetriesPerRequest: null })
    : new IORedis(url, { maxRetriesPerRequest: null }));
  return new Redis({ createClient: connect, prefix: 'newsdesk' });
}

export async function startDeskServer(partial: Partial<DeskServerOptions> = {}): Promise<RunningDeskServer> {
  const options = { ...DEFAULT_DESK_OPTIONS, ...partial };
  const db = await openDeskDatabase({ url: options.databaseUrl, dataDir: options.dataDir });
  const tokenKey = await loadTokenKey(db, options.tokenSecret);
  const store = new StoryStore(db, (error) => {
    console.error(`desk-server: an update could not be written ahead (${messageOf(error)}); trying again, and its sender is not acknowledged until it is in.`);
  });
  const mediaStore = await openFolderMediaStore(options.mediaDir ?? join(options.dataDir, 'media'));
  const rateLimit = new LoginRateLimit(options.loginMaxFailures, options.loginWindowMs);
  // Who changed each document since it was last stored: the archive's "edited by".
  const editors = new Map<string, Set<string>>();
  const noteEditors = (documentName: string, names: Iterable<string>): void => {
    const noted = editors.get(documentName) ?? new Set<string>();
    for (const name of names) noted.add(name);
    if (noted.size > 0) editors.set(documentName, noted);
  };

  // Stories this instance has put in their desk's index since it started.
  const listed = new Set<string>();
  const workflows = new WorkflowRegistry(db);
  // Set once the server exists: the persistence hooks below are created before it.
  const started: { server?: Server } = {};
  const publish = (documentName: string, document: Y.Doc, names: readonly string[]): void => {
    const story = parseStoryDocumentName(documentName);
    const server = started.server;
    if (!story || !server) return;
    listed.add(documentName);
    // The index is a convenience view of the archive: failing to update it must not fail a store.
    publishToIndex(server.hocuspocus, story, storyFields(document), names).catch((error: unknown) => {
      console.error(`desk-server: the story list of ${story.deskId} was not updated: ${messageOf(error)}`);
    });
    // The budget's words and photo state, like the index: a view that must not fail the store.
    publishStoryProgress(db, server.hocuspocus, story, document).catch((error: unknown) => {
      console.error(`desk-server: the budget of ${story.deskId} was not updated: ${messageOf(error)}`);
    });
  };

  /**
   * Undoes a board re-timing by someone who may not time stories, written ahead like any update,
   * and logs each story undone on the desk (only this instance saw who sent it).
   */
  const undoBoardRetimings = (documentName: string, document: Y.Doc, retimed: Retiming[], user: SessionClaims | undefined): void => {
    const undo = undoRetimings(document, retimed);
    if (!undo) return;
    // Appends are tried again until they are in: one fails only when the desk stops first. The undo
    // is in the live board then, whose pending store Hocuspocus runs as it closes the connections.
    store.append(documentName, undo.update).catch((error: unknown) => {
      console.error(`desk-server: the desk stopped before the undone timing on ${documentName} was written ahead (${messageOf(error)}); it is stored with the board as the desk closes it.`);
    });
    const deskId = parseDeskBoardDocumentName(documentName);
    if (deskId && user) for (const retiming of undo.undone) workflows.audit(retimingRefusal(deskId, user, retiming));
  };

  /**
   * Sends a story update on to the other editors before it is written ahead; the sender's
   * acknowledgement (Hocuspocus's SyncStatus, sent once beforeHandleMessage resolves) still waits for
   * the write. Applied with the connection as origin, it is exactly what Hocuspocus would apply:
   * broadcast to everyone, seen by the workflow as that user's change, and it schedules the store;
   * Hocuspocus's own apply afterwards finds nothing new. A server lost in between loses nothing
   * acknowledged: the sender still counts the change as unsynced and sends it again on reconnect.
   * Returns the server's own write an old-style caption edit in it called for (old-captions.ts).
   */
  const forwardStoryUpdate = (document: Y.Doc, connection: Connection, update: Uint8Array): Uint8Array | null => {
    // Hocuspocus refuses a read-only connection's update.
    if (connection.readOnly) return null;
    try {
      return keepOldCaptionEdits(document, () => Y.applyUpdate(document, update, connection));
    } catch {
      // Refused before it is written, so the stored story never holds what cannot be applied.
      throw new RefusedMessage(MALFORMED, 'Update refused: it could not be applied to the story.');
    }
  };

  const persistence = new KeptDocumentsDatabase({
    fetch: ({ documentName }) => {
      const indexOf = parseDeskIndexDocumentName(documentName);
      const mediaOf = parseDeskMediaDocumentName(documentName);
      if (mediaOf) return loadMediaIndex(db, mediaOf);
      const budgetOf = parseBudgetDocumentName(documentName);
      if (budgetOf) return loadBudgetDocument(db, budgetOf);
      if (indexOf) return loadDeskIndex(db, indexOf);
      return parseStoryDocumentName(documentName) ? loadSharingOldCaptions(db, store, documentName) : store.load(documentName);
    },
    store: async ({ documentName, document }) => {
      // Never thrown to Hocuspocus: it schedules stores without waiting for them, so a failed one
      // (the database down for a moment) would end the server with an unhandled rejection. Every
      // update is already in the write-ahead rows, which the next store or load folds in.
      try {
        if (parseDeskBoardDocumentName(documentName)) return await storeBoard(db, documentName, document);
        const story = parseStoryDocumentName(documentName);
        if (!story) return;
        const names = [...(editors.get(documentName) ?? [])];
        editors.delete(documentName);
        await store.store({ ...story, name: documentName }, document, names).catch((error: unknown) => {
          // Named again at the next store, which folds the same rows.
          noteEditors(documentName, names);
          throw error;
        });
        workflows.stored(documentName);
        publish(documentName, document, names);
      } catch (error) {
        console.error(`desk-server: ${documentName} was not stored (${messageOf(error)}); its updates are kept in the write-ahead rows and the next store folds them in.`);
      }
    },
  }, (documentName) => parseDeskBoardDocumentName(documentName) !== null || parseStoryDocumentName(documentName) !== null);

  const deskServer = new Server({
    name: 'newsdesk-desk',
    port: options.port,
    address: options.host,
    quiet: true,
    stopOnSignals: false,
    debounce: options.storeDebounceMs,
    maxDebounce: options.storeDebounceMs * 5,
    extensions: [persistence, ...(options.redisUrl ? [redisExtension(options.redisUrl)] : [])],

    async onAuthenticate({ token, documentName, connectionConfig }): Promise<ConnectionContext> {
      const deskId =
        parseStoryDocumentName(documentName)?.deskId ??
        parseDeskIndexDocumentName(documentName) ??
        parseDeskMediaDocumentName(documentName) ??
        parseBudgetDocumentName(documentName) ??
        parseDeskBoardDocumentName(documentName);
      if (!deskId) throw new Error('No such document on this desk.');
      let user: SessionClaims;
      try {
        user = await verifyToken(tokenKey, token);
      } catch {
        throw new Error('Sign in to the desk again: the session is missing, expired or not valid.');
      }
      if (!(await isMember(db, user.userId, deskId))) throw new Error('You are not on that desk.');
      // The story list is the server's to write.
      if (parseDeskIndexDocumentName(documentName) || parseDeskMediaDocumentName(documentName) || parseBudgetDocumentName(documentName)) connectionConfig.readOnly = true;
      return { user, roles: await rolesOfUser(db, user.userId) };
    },

    async afterLoadDocument({ documentName, document }) {
      const story = parseStoryDocumentName(documentName);
      if (story) workflows.attach(documentName, story, document);
    },

    async afterUnloadDocument({ documentName }) {
      workflows.detach(documentName);
    },

    async beforeHandleMessage({ update: data, documentName, document, connection, context }) {
      let update: Uint8Array | null;
      let retimed: Retiming[] = [];
      let captionWrite: Uint8Array | null = null;
      try {
        update = checkClientMessage(data, options.maxUpdateBytes);
        if (update && parseDeskBoardDocumentName(documentName)) retimed = checkBoardUpdate(document, update, hasRole({ roles: (context as Partial<ConnectionContext>).roles ?? [] }, 'publisher'));
        if (update && parseStoryDocumentName(documentName)) captionWrite = forwardStoryUpdate(document, connection, update);
      } catch (error) {
        if (error instanceof RefusedMessage) {
          // Hocuspocus closes the document with this reason; the socket goes too, once the close
          // message is out, so a client sending garbage is cut off while the others carry on.
          setTimeout(() => connection.webSocket.close(error.code, closeReason(error.reason)), 50);
        }
        throw error;
      }
      // Stories and boards are written ahead (a story's update already sent on to the other editors);
      // the index is read-only and Hocuspocus refuses its updates.
      if (!update) return;
      if (parseDeskBoardDocumentName(documentName)) {
        await store.append(documentName, update);
        // Hocuspocus applies the update once this hook is done: the undo goes in right after it.
        if (retimed.length > 0) setTimeout(() => undoBoardRetimings(documentName, document, retimed, (context as Partial<ConnectionContext>).user), 0);
        return;
      }
      if (!parseStoryDocumentName(documentName)) return;
      const name = (context as Partial<ConnectionContext>).user?.name;
      if (name) noteEditors(documentName, [name]);
      // The caption the server wrote for this update is acknowledged with it.
      await Promise.all([store.append(documentName, update), ...(captionWrite ? [store.append(documentName, captionWrite)] : [])]);
    },

    async onChange({ documentName, document }) {
      // A story new to this instance is listed at once, not only when it is first stored.
      if (!listed.has(documentName)) publish(documentName, document, [...(editors.get(documentName) ?? [])]);
    },

    async onRequest({ request, response }) {
      const media = {
        db, tokenKey, store: mediaStore, maxBytes: options.maxMediaBytes,
        onShared: (deskId: string, photo: DeskPhoto) => {
          const server = started.server;
          if (!server) return;
          // The live list is a view of the records: a failed update must not fail the share.
          publishPhoto(server.hocuspocus, deskId, photo).catch((error: unknown) => {
            console.error(`desk-server: the photo list of ${deskId} was not updated: ${messageOf(error)}`);
          });
        },
      };
      const signedInRoutes = handleWorkflowRequest.bind(null, { db, registry: workflows, hocuspocus: () => started.server?.hocuspocus });
      const handled = await handleMediaRequest(media, request, response)
        .then((done) => done || handleBudgetRequest({ db, tokenKey, hocuspocus: () => started.server?.hocuspocus }, request, response))
        .then((done) => done || handleApiRequest({ db, tokenKey, tokenLifetimeSeconds: options.tokenLifetimeSeconds, rateLimit, signedInRoutes }, request, response))
        .catch((error: unknown) => {
          if (!response.headersSent) response.writeHead(500).end(messageOf(error));
          return true;
        });
      // Hocuspocus's way to say "answered": reject with nothing.
      if (handled) throw null;
    },
  }, { maxPayload: options.maxUpdateBytes + 64 * 1024 });
  started.server = deskServer;

  await deskServer.listen();
  // Once per desk from before the photo request lived in the story: a failure is retried at the next start.
  await moveLegacyPhotoRequests(db, deskServer.hocuspocus).catch((error: unknown) => {
    console.error(`desk-server: older photo requests were not moved into their stories yet: ${messageOf(error)}`);
  });
  const port = deskServer.address.port;
  const url = `http://${options.host}:${port}`;
  return {
    url,
    webSocketUrl: `ws://${options.host}:${port}`,
    port,
    db,
    openDocuments: () => deskServer.hocuspocus.getDocumentsCount(),
    async stop() {
      store.close();
      await deskServer.destroy();
      await db.close();
    },
  };
}
