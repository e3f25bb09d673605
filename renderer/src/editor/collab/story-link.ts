import type { Provider } from '@lexical/yjs';
import type * as Y from 'yjs';
import { ipcStoryTransport, type StoryTransport } from '../../api/story-docs';
import { IpcStoryProvider } from './ipc-provider';
import { colorFor, machineName, peopleOf, windowIndex, windowName, type Person } from './presence';
import { metaMapOf, missingMeta, readMeta, writeMeta, type SharedMeta } from './story-meta';

/** The origin of this window's metadata writes, so the map's observer does not apply them twice. */
const LOCAL_META = Symbol('local-meta');

/**
 * One open story's attachment to main's document: the provider the body editor binds to, its
 * metadata map, and this editor's presence. Made when the article is opened, ended when it is let go.
 */
export interface StoryLink {
  readonly provider: IpcStoryProvider;
  /** What CollaborationPlugin asks for: always this link's provider and document. */
  readonly providerFactory: (id: string, docMap: Map<string, Doc>) => Provider;
  readonly name: string;
  readonly color: string;
  /** A field changed here: written to the shared map, one key per field. */
  setMeta(patch: Partial<SharedMeta>): void;
  /** Fields another editor changed (or that main's document held when it was opened). */
  onRemoteMeta(listener: (patch: Partial<SharedMeta>) => void): () => void;
  /** The field this editor is in, for everyone's presence bar; null when none. */
  setField(field: string | null): void;
  /** The version this editor last saved to the article file, so other windows know it is theirs too. */
  setSavedAt(updatedAt: string): void;
  /** Versions of the article file other editors of this document say they saved. */
  savedByOthers(): Set<string>;
  people(): Person[];
  onPeople(listener: () => void): () => void;
  dispose(): void;
}

type Doc = Y.Doc;

function sessionKey(): string {
  return crypto.randomUUID().toLowerCase();
}

export function createStoryLink(
  id: string,
  article: SharedMeta,
  options: { transport?: StoryTransport; userAgent?: string; userName?: string | null } = {},
): StoryLink {
  const transport = options.transport ?? ipcStoryTransport;
  const provider = new IpcStoryProvider(transport, { id, part: 'body' }, sessionKey);
  const { doc, awareness } = provider;
  const map = metaMapOf(doc);
  const machine = machineName(options.userAgent ?? navigator.userAgent);
  const color = colorFor(doc.clientID);
  let name = options.userName ?? windowName(machine, 1);
  let signedIn = Boolean(options.userName);
  const joinedAt = Date.now();
  const metaListeners = new Set<(patch: Partial<SharedMeta>) => void>();
  const peopleListeners = new Set<() => void>();

  // Fields typed here before main's document arrived (e.g. a headline right after "New article"):
  // main's copy of them is older, so it must not replace them, and they are written again once the
  // document is in, after main's values, so they win over them everywhere.
  let synced = false;
  const typedBeforeSync: Partial<SharedMeta> = {};

  const observer = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
    if (transaction.origin === LOCAL_META) return;
    const patch = readMeta(map, event.keysChanged);
    if (!synced) for (const key of Object.keys(typedBeforeSync)) delete (patch as Record<string, unknown>)[key];
    if (Object.keys(patch).length === 0) return;
    for (const listener of metaListeners) listener(patch);
  };
  map.observe(observer);

  // The first editor of a story brings the fields main's document does not hold yet.
  const seed = (isSynced: boolean) => {
    if (!isSynced) return;
    synced = true;
    if (provider.bootstrapped) writeMeta(map, missingMeta(map, article), LOCAL_META);
    const typed = { ...typedBeforeSync };
    for (const key of Object.keys(typedBeforeSync)) delete (typedBeforeSync as Record<string, unknown>)[key];
    if (Object.keys(typed).length > 0) writeMeta(map, typed, LOCAL_META);
  };
  provider.on('sync', seed);

  const others = () => [...awareness.getStates()].filter(([clientId]) => clientId !== doc.clientID).map(([clientId, state]) => ({ clientId, state }));
  const onAwareness = () => {
    // Without a desk name, windows tell themselves apart by number ("This Mac – window 2").
    if (!signedIn) {
      const arrivals = others().map(({ clientId, state }) => ({ clientId, name: state.name, joinedAt: typeof state.joinedAt === 'number' ? state.joinedAt : 0 }));
      const index = windowIndex(machine, { joinedAt, clientId: doc.clientID }, arrivals);
      const next = windowName(machine, index);
      if (next !== name && awareness.getLocalState() !== null) {
        name = next;
        awareness.setLocalStateField('name', name);
      }
    }
    for (const listener of peopleListeners) listener();
  };
  awareness.on('change', onAwareness);
  // Signed in to a desk: the person's name rather than the window's.
  void transport.deskUserName?.().then((deskName) => {
    if (!deskName) return;
    signedIn = true;
    name = deskName;
    if (awareness.getLocalState() !== null) awareness.setLocalStateField('name', name);
    for (const listener of peopleListeners) listener();
  });
  // A window reloaded or closed lets go of the document, so main does not keep it for nobody.
  const onPageHide = () => provider.disconnect();
  window.addEventListener('pagehide', onPageHide);
  // Changes wait a moment before they are sent (SEND_DELAY_MS); leaving the window sends them now.
  const onLeave = () => provider.sendNow();
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') provider.sendNow();
  };
  window.addEventListener('blur', onLeave);
  document.addEventListener('visibilitychange', onVisibility);
  // Lexical replaces the local state when it connects, with the name the editor was first rendered
  // with (ArticleEditor keeps it, so the desk's later answer does not reconnect): the arrival time
  // and the current name are put back each time.
  provider.on('status', ({ status }: { status: string }) => {
    const local = awareness.getLocalState();
    if (status === 'connected' && local !== null) awareness.setLocalState({ ...local, joinedAt, name });
  });

  return {
    provider,
    providerFactory: (docId, docMap) => {
      docMap.set(docId, doc);
      return provider as unknown as Provider;
    },
    get name() {
      return name;
    },
    color,
    setMeta: (patch) => {
      if (!synced) Object.assign(typedBeforeSync, patch);
      writeMeta(map, patch, LOCAL_META);
    },
    onRemoteMeta(listener) {
      metaListeners.add(listener);
      return () => metaListeners.delete(listener);
    },
    setField(field) {
      if (awareness.getLocalState() !== null) awareness.setLocalStateField('field', field);
    },
    setSavedAt(updatedAt) {
      if (awareness.getLocalState() !== null) awareness.setLocalStateField('savedAt', updatedAt);
    },
    savedByOthers: () => new Set(others().flatMap(({ state }) => (typeof state.savedAt === 'string' ? [state.savedAt] : []))),
    people: () => peopleOf(awareness.getStates() as Map<number, Record<string, unknown>>, doc.clientID),
    onPeople(listener) {
      peopleListeners.add(listener);
      return () => peopleListeners.delete(listener);
    },
    dispose() {
      map.unobserve(observer);
      provider.off('sync', seed);
      awareness.off('change', onAwareness);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('blur', onLeave);
      document.removeEventListener('visibilitychange', onVisibility);
      provider.destroy();
    },
  };
}

/**
 * How long a version on disk may wait for the editor who wrote it to say so (presence travels after
 * the save's event). Generous: a busy machine delays the announcement by seconds, and a window that
 * gives up too early holds its saves although nothing changed elsewhere; a true outside change is
 * only told that much later.
 */
const SAVED_BY_OTHERS_WAIT_MS = 10_000;

/**
 * Whether `updatedAt` is a version of the article file another editor of the same shared document
 * wrote: such a save holds nothing this window lacks (both are views of one document), so it is no
 * change "elsewhere". Its presence announces it just after main's 'drafts:changed', hence the wait.
 */
export function savedByOtherEditor(link: StoryLink, updatedAt: string, waitMs = SAVED_BY_OTHERS_WAIT_MS): Promise<boolean> {
  if (link.savedByOthers().has(updatedAt)) return Promise.resolve(true);
  if (link.people().every((person) => person.self)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (explained: boolean) => {
      clearTimeout(timer);
      stop();
      resolve(explained);
    };
    const stop = link.onPeople(() => {
      if (link.savedByOthers().has(updatedAt)) done(true);
    });
    const timer = setTimeout(() => done(false), waitMs);
  });
}
