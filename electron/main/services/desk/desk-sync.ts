import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { DESK_INDEX_MAP, deskIndexDocumentName, storyDocumentName, storySummarySchema, type StorySummary } from '../../../../shared/desk/desk-protocol';
import type { StoryPresence } from '../../../../shared/model/desk';
import { messageOf, UserFacingError } from '../../../../shared/model/errors';
import { watchCaptions } from './caption-notes';
import type { DeskNetwork } from './desk-network';
import { DeskStoryProvider } from './desk-story-provider';
import type { SharedStory } from './shared-stories';
import { metaOf, shown } from './story-meta';
import type { StoryDocHost } from './story-doc-host';

/**
 * One desk connection: a websocket to the desk server shared by every provider on it, the desk's
 * index document (its live story list) and one HocuspocusProvider per shared story, bound to the very
 * Y.Doc main holds for that story. Updates the provider applies carry the provider as their origin
 * (isDeskOrigin), so story-docs passes them to windows as from 'desk'. While the desk is unreachable
 * edits keep going into the local document; on reconnect the provider's sync merges both ways, in
 * one message each way (desk-story-provider.ts: nothing is queued while offline).
 */
export interface DeskSyncOptions {
  serverUrl: string;
  token: string;
  deskId: string;
  userName: string;
  host: StoryDocHost;
  /** How connections reach the desk (the system's proxy settings). */
  network: DeskNetwork;
  /** The socket connected, is connecting, or lost the desk (`reason`: why its last try failed, if it said). */
  onConnection(state: 'connecting' | 'connected' | 'offline', reason?: string): void;
  /** The number of shared stories with local changes the desk has not confirmed changed. */
  onUnsynced(): void;
  /** The desk refused the session (expired, not valid, not on that desk). */
  onRefused(reason: string): void;
  /** The desk's story list changed. */
  onIndex(stories: StorySummary[]): void;
  /** A story's first sync with the desk is done (its document holds what the desk has). */
  onStorySynced(story: SharedStory, doc: Y.Doc): void;
  /** A local field edit lost to another editor's concurrent edit of the same field. */
  onSuperseded(note: string, story: SharedStory): void;
  onPresence(stories: StoryPresence[]): void;
  /** Others' presence in a story, as a y-protocols awareness update for the windows. */
  onAwareness(articleId: string, update: Uint8Array): void;
}

export interface DeskSync {
  sync(story: SharedStory): void;
  /** The document a shared story syncs, while it does. */
  docOf(articleId: string): Y.Doc | undefined;
  unsyncedStories(): number;
  isSynced(articleId: string): boolean;
  /** A window's presence in a story, passed on to the desk. */
  relayWindowAwareness(articleId: string, update: Uint8Array): void;
  /** The desk's one websocket, for other documents of the desk (the budget) to ride on. */
  readonly socket: HocuspocusProviderWebsocket;
  stop(): void;
}

/** The holder name main's story documents are kept open under while they sync. */
export const DESK_HOLDER = 'desk-sync';
const WINDOW_ORIGIN = 'window';
const FIELD_NAMES: Record<string, string> = { headline: 'headline', dek: 'dek', slug: 'slug', byline: 'byline', section: 'section', status: 'status', tags: 'tags' };

export function isDeskOrigin(origin: unknown): boolean {
  return origin instanceof HocuspocusProvider;
}

export function webSocketUrlOf(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/** A stable colour per name, so the same person has the same colour on every desktop. */
export function colorOf(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360} 65% 45%)`;
}

interface StoryLink {
  story: SharedStory;
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** The last value written here of each field, until another editor's edit replaces it. */
  ownFields: Map<string, { item: Y.ID; value: string }>;
  /** Awareness client ids of this app's own windows (not "others" in the presence list). */
  windowClients: Set<number>;
  synced: boolean;
  stopWatching(): void;
}

export function startDeskSync(options: DeskSyncOptions): DeskSync {
  const { host } = options;
  /** Why the socket's last connection failed (ws's error comes before the provider's 'disconnected'). */
  let lastFailure: string | undefined;
  const socket = new HocuspocusProviderWebsocket({
    url: webSocketUrlOf(options.serverUrl),
    WebSocketPolyfill: options.network.webSocket((error) => (lastFailure = messageOf(error))),
    // Back off to at most 10 s between attempts, so a desk that comes back is found quickly.
    delay: 500,
    factor: 1.5,
    minDelay: 200,
    maxDelay: 10_000,
    maxAttempts: 0,
  });
  let everConnected = false;
  socket.on('status', ({ status }: { status: string }) => {
    if (status === 'connected') {
      everConnected = true;
      lastFailure = undefined;
    }
    const state = status === 'connected' ? 'connected' : everConnected || status === 'disconnected' ? 'offline' : 'connecting';
    options.onConnection(state, state === 'offline' ? lastFailure : undefined);
  });

  const links = new Map<string, StoryLink>();
  const indexDoc = new Y.Doc();
  const index = new HocuspocusProvider({
    websocketProvider: socket,
    name: deskIndexDocumentName(options.deskId),
    document: indexDoc,
    token: options.token,
    onAuthenticationFailed: ({ reason }) => options.onRefused(reason),
  });
  const stories = indexDoc.getMap(DESK_INDEX_MAP);
  stories.observe(() => {
    const list: StorySummary[] = [];
    for (const value of stories.values()) {
      const parsed = storySummarySchema.safeParse(value);
      if (parsed.success) list.push(parsed.data);
    }
    options.onIndex(list);
  });
  index.attach();

  // Stories whose document is loading (sync called again meanwhile must not link them twice).
  const linking = new Set<string>();
  let stopped = false;

  function presence(): StoryPresence[] {
    return [...links.values()].map(({ story, provider, doc, windowClients }) => ({
      id: story.articleId,
      people: [...provider.awareness!.getStates().entries()]
        .filter(([client]) => client !== doc.clientID && !windowClients.has(client))
        .map(([, state]) => personOf(state))
        .filter((person): person is StoryPresence['people'][number] => person !== null),
    }));
  }

  async function link(story: SharedStory): Promise<void> {
    const doc = await host.hold({ id: story.articleId, part: 'body' }, DESK_HOLDER);
    if (stopped) {
      await host.release({ id: story.articleId, part: 'body' }, DESK_HOLDER);
      return;
    }
    const entry: StoryLink = { story, doc, provider: null as unknown as HocuspocusProvider, ownFields: new Map(), windowClients: new Set(), synced: false, stopWatching: () => undefined };
    entry.provider = new DeskStoryProvider({
      websocketProvider: socket,
      name: storyDocumentName(story.deskId, story.storyId),
      document: doc,
      token: options.token,
      onAuthenticationFailed: ({ reason }) => options.onRefused(reason),
      onSynced: () => {
        if (entry.synced) return;
        entry.synced = true;
        options.onStorySynced(story, doc);
      },
      onUnsyncedChanges: () => options.onUnsynced(),
    });
    const fields = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction): void => watchFields(entry, event, transaction);
    metaOf(doc).observe(fields);
    const stopCaptions = watchCaptions(doc, (origin) => origin === entry.provider, (note) => options.onSuperseded(note, story));
    // The document outlives this link (main holds it for its windows): stop watching it with the link.
    entry.stopWatching = () => {
      metaOf(doc).unobserve(fields);
      stopCaptions();
    };
    const awareness = entry.provider.awareness!;
    awareness.setLocalStateField('user', { name: options.userName, color: colorOf(options.userName) });
    awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin === WINDOW_ORIGIN) {
        for (const client of added.concat(updated)) entry.windowClients.add(client);
        for (const client of removed) entry.windowClients.delete(client);
      } else {
        const changed = added.concat(updated, removed).filter((client) => client !== doc.clientID && !entry.windowClients.has(client));
        if (changed.length > 0) options.onAwareness(story.articleId, encodeAwarenessUpdate(awareness, changed));
      }
      options.onPresence(presence());
    });
    links.set(story.articleId, entry);
    entry.provider.attach();
  }

  /**
   * Last-writer-wins per field, with a note when it was not this desktop: a field edit from the desk
   * that was made without seeing ours (its Yjs item does not follow our item, so the two were
   * concurrent, e.g. both offline) replaced ours. A later edit by someone who saw ours is no loss.
   */
  function watchFields(entry: StoryLink, event: Y.YMapEvent<unknown>, transaction: Y.Transaction): void {
    const meta = metaOf(entry.doc);
    for (const field of event.keysChanged) {
      const current = meta._map.get(field);
      if (transaction.origin !== entry.provider) {
        if (current && !current.deleted) entry.ownFields.set(field, { item: current.id, value: JSON.stringify(meta.get(field) ?? null) });
        continue;
      }
      const mine = entry.ownFields.get(field);
      if (!mine || (current && Y.compareIDs(current.id, mine.item))) continue;
      entry.ownFields.delete(field);
      if (current?.origin && Y.compareIDs(current.origin, mine.item)) continue;
      options.onSuperseded(
        `Your change to the ${FIELD_NAMES[field] ?? field} of “${String(meta.get('headline') ?? '')}” (${shown(JSON.parse(mine.value))}) was replaced by another editor’s change made at the same time (${shown(meta.get(field))}).`,
        entry.story,
      );
    }
  }

  return {
    socket,
    sync(story) {
      if (links.has(story.articleId) || linking.has(story.articleId)) return;
      linking.add(story.articleId);
      // The document loads from disk first; a story that cannot be loaded stays unsynced and says why in the log.
      void link(story)
        .catch((error: unknown) => console.warn(`The shared story ${story.articleId} could not be opened for the desk: ${messageOf(error)}`))
        .finally(() => linking.delete(story.articleId));
    },
    docOf: (articleId) => links.get(articleId)?.doc,
    unsyncedStories: () => [...links.values()].filter((entry) => entry.provider.hasUnsyncedChanges).length,
    isSynced: (articleId) => {
      const entry = links.get(articleId);
      return entry !== undefined && entry.provider.isSynced && !entry.provider.hasUnsyncedChanges;
    },
    relayWindowAwareness(articleId, update) {
      const entry = links.get(articleId);
      if (!entry) return;
      try {
        applyAwarenessUpdate(entry.provider.awareness!, update, WINDOW_ORIGIN);
      } catch {
        throw new UserFacingError('invalid-request', 'The presence update could not be read, so it was not passed on to the desk.');
      }
    },
    stop() {
      stopped = true;
      for (const entry of links.values()) {
        entry.stopWatching();
        entry.provider.destroy();
        void host.release({ id: entry.story.articleId, part: 'body' }, DESK_HOLDER);
      }
      links.clear();
      index.destroy();
      indexDoc.destroy();
      socket.destroy();
    },
  };
}

function personOf(state: Record<string, unknown>): StoryPresence['people'][number] | null {
  const user = state.user as { name?: unknown; color?: unknown } | undefined;
  if (!user || typeof user.name !== 'string') return null;
  return { name: user.name, color: typeof user.color === 'string' ? user.color : colorOf(user.name), field: typeof state.field === 'string' ? state.field : null };
}
