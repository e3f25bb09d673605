import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type * as Y from 'yjs';
import type { SearchResponse, StorySummary } from '../../../../shared/desk/desk-protocol';
import { ArticleId, type Article } from '../../../../shared/model/article';
import type { DeskEventName, DeskEvents, DeskStatus } from '../../../../shared/model/desk';
import { messageOf, UserFacingError } from '../../../../shared/model/errors';
import { Quarantine } from '../drafts/quarantine';
import type { DraftStore } from '../drafts/types';
import type { SecretBox } from '../publishing/targets/secret-box';
import { createDeskApi, DeskSessionRefused } from './desk-api';
import { deskToSignInTo, deskToSwitchTo } from './desk-choice';
import type { DeskNetwork } from './desk-network';
import { NO_KEYCHAIN_FOR_DESK, openDeskSessionStore, type DeskSession } from './desk-session-store';
import { watchMentions, type DeskMention, type MentionWatch } from './comment-mentions';
import { isDeskOrigin, startDeskSync, type DeskSync } from './desk-sync';
import { openSharedStories, type SharedStory } from './shared-stories';
import type { StoryDocHost } from './story-doc-host';
import type { BudgetLink } from './budget-service';
import { createArticleFromStory } from './story-article';

/**
 * The desktop's connection to a desk: sign-in and the session (kept with the keychain, restored at
 * start, ended before the token expires), which stories are shared, their sync, and the desk's HTTP
 * API. Every change of what the status line shows is told through 'desk:statusChanged'.
 */
export interface DeskService {
  status(): DeskStatus;
  /** Signs in on the desk `deskId` (one of the user's), or on the first of the user's desks. */
  signIn(input: { serverUrl: string; email: string; password: string; deskId?: string | undefined }): Promise<DeskStatus>;
  signOut(): Promise<DeskStatus>;
  /** Works on another of the user's desks: the sync restarts there; stories of the other desk stay its own. */
  chooseDesk(deskId: string): Promise<DeskStatus>;
  share(articleId: string): Promise<{ deskId: string; storyId: string }>;
  stories(): Promise<StorySummary[]>;
  search(query: string): Promise<SearchResponse>;
  /** The desk story a local article is, or null while it lives on this machine only. */
  sharedOf(articleId: string): { deskId: string; storyId: string } | null;
  /** A window's presence in a story, passed on to the desk when the story is shared. */
  relayWindowAwareness(articleId: string, update: Uint8Array): void;
  /** A signed-in call to the desk (its address, the session's token, the desk); a refused session ends it. */
  withSession<T>(work: (active: { serverUrl: string; token: string; deskId: string; fetch: typeof fetch }) => Promise<T>): Promise<T>;
  /** Notes of local field edits another editor's concurrent edit replaced, newest last. */
  notices(): string[];
  /** The signed-in session (address, token, desk, who), for the desk's other services; null when signed out. */
  session(): DeskSession | null;
  close(): Promise<void>;
}

export interface DeskServiceOptions {
  libraryDir: string;
  secretBox: SecretBox;
  drafts: DraftStore;
  host: StoryDocHost;
  readOnly: boolean;
  /** How the desk is reached (the system's proxy settings): its websocket and its HTTP calls. */
  network: DeskNetwork;
  /** Writes a story's body into its document when nobody has yet (a story shared before any window opened it). */
  seedBody?: (article: Article) => Promise<unknown>;
  emit?: <E extends DeskEventName>(event: E, payload: DeskEvents[E]) => void;
  /** Someone on the desk mentioned the signed-in person in a comment (an OS notification in the app). */
  onMention?: (mention: DeskMention) => void;
  /** The clock (tests move it to test expiry). */
  now?: () => number;
  /** Told when a session's sync starts (its socket, for the budget's document) and when it stops (null). */
  onLink?: (link: BudgetLink | null) => void;
  /** The session the desk's shared board syncs with (null when there is none), told when it changes. */
  onSession?: (session: { serverUrl: string; token: string; deskId: string } | null) => void;
}

export const SESSION_EXPIRED = 'Signed out — your session expired. Sign in again under Preferences › Desk; your changes stay on this computer and sync once you are back.';
/** The session ends this long before the token does, so no request goes out with a dying token. */
const EXPIRY_MARGIN_MS = 60_000;
const MAX_NOTES = 50;
const NOT_SIGNED_IN = 'Newsdesk is not connected to a desk: sign in under Preferences › Desk.';
/** Added to "offline" (which already says changes are kept and sync later): why the last try failed. */
const unreachableText = (serverUrl: string, reason: string): string => `The last try to reach ${serverUrl} failed (${reason}).`;

export async function openDeskService(options: DeskServiceOptions): Promise<DeskService> {
  const deskDir = join(options.libraryDir, 'desk');
  if (!options.readOnly) await mkdir(deskDir, { recursive: true });
  const quarantine = new Quarantine(options.libraryDir, join(options.libraryDir, 'quarantine'), { leaveInPlace: options.readOnly });
  const sessions = openDeskSessionStore(deskDir, options.secretBox, quarantine);
  const shared = await openSharedStories(deskDir, quarantine);
  const { network } = options;
  const api = createDeskApi(network.fetch);
  const now = options.now ?? Date.now;
  const emit = options.emit ?? (() => undefined);

  const restored = await sessions.load();
  let serverUrl = restored.serverUrl;
  /** The desk last worked on at serverUrl: signing in there again goes back to it. */
  let lastDeskId = restored.lastDeskId;
  let session: DeskSession | null = null;
  let sync: DeskSync | null = null;
  let mentions: MentionWatch | null = null;
  let connection: 'connecting' | 'connected' | 'offline' = 'connecting';
  let message: string | null = restored.problem;
  /** The message saying why the desk cannot be reached, while it is the one shown. */
  let unreachable: string | null = null;
  let expiryTimer: NodeJS.Timeout | null = null;
  const notes: string[] = [];
  /** The notes of the merge being applied now (one Yjs update), shown together. */
  let mergeNotes: string[] = [];
  const adopting = new Set<string>();
  /** Session writes under way, which close waits for. */
  let writes: Promise<void> = Promise.resolve();

  function status(): DeskStatus {
    return {
      state: session ? connection : 'signed-out',
      serverUrl,
      user: session ? { ...session.user } : null,
      desk: session ? { ...session.desk } : null,
      desks: session ? session.desks.map((desk) => ({ ...desk })) : [],
      unsyncedStories: sync?.unsyncedStories() ?? 0,
      message,
    };
  }
  // Told only when it differs from what was last told: the unsynced count moves with every keystroke.
  let lastTold = '';
  const changed = (): void => {
    const current = status();
    const text = JSON.stringify(current);
    if (text === lastTold) return;
    lastTold = text;
    emit('desk:statusChanged', current);
  };

  function stopSync(): void {
    if (expiryTimer) clearTimeout(expiryTimer);
    expiryTimer = null;
    if (sync) options.onLink?.(null);
    sync?.stop();
    sync = null;
    mentions?.stop();
    mentions = null;
    options.onSession?.(null);
  }

  async function end(reason: string | null): Promise<void> {
    stopSync();
    session = null;
    message = reason;
    changed();
    // A read-only library (another Newsdesk holds it) is never written; that one keeps its own session.
    if (options.readOnly) return;
    const forgetting = sessions.forget(serverUrl, lastDeskId).catch(() => undefined);
    writes = writes.then(() => forgetting);
    await forgetting;
  }

  /** A story on the desk this library does not have yet: record it as shared, sync it, then write its article. */
  async function adopt(summary: StorySummary, deskId: string): Promise<void> {
    const id = ArticleId.safeParse(summary.storyId);
    if (!id.success || options.readOnly || adopting.has(id.data) || shared.byStory(deskId, summary.storyId)) return;
    if (options.drafts.summaryById(id.data)) return;
    adopting.add(id.data);
    try {
      const story = { articleId: id.data, deskId, storyId: summary.storyId };
      await shared.add(story);
      syncIfActive(story);
    } catch (error) {
      message = `The desk story “${summary.headline}” could not be added to this library: ${messageOf(error)}`;
      changed();
    } finally {
      adopting.delete(id.data);
    }
  }

  async function storySynced(story: SharedStory, doc: Y.Doc): Promise<void> {
    if (options.readOnly || options.drafts.summaryById(story.articleId)) return;
    try {
      await options.drafts.save(createArticleFromStory(story.articleId, doc, new Date(now()).toISOString()), 'manual');
    } catch (error) {
      message = `The desk story ${story.storyId} could not be written to this library: ${messageOf(error)}`;
      changed();
    }
  }

  function start(active: DeskSession): void {
    session = active;
    connection = 'connecting';
    const left = Date.parse(active.expiresAt) - EXPIRY_MARGIN_MS - now();
    if (!(left > 0)) {
      void end(SESSION_EXPIRED);
      return;
    }
    // Timers hold at most ~24.8 days; a longer session is checked again then.
    expiryTimer = setTimeout(() => void end(SESSION_EXPIRED), Math.min(left, 2 ** 31 - 1));
    expiryTimer.unref();
    const deskId = active.desk.id;
    mentions?.stop();
    mentions = watchMentions(active.user.name, isDeskOrigin, (mention) => options.onMention?.(mention));
    sync = startDeskSync({
      serverUrl: active.serverUrl,
      token: active.token,
      deskId,
      userName: active.user.name,
      host: options.host,
      network,
      onConnection: (state, reason) => {
        connection = state;
        // Why the desk cannot be reached (a proxy down, a refused tunnel) until it can again.
        if (state === 'offline' && reason !== undefined && (message === null || message === unreachable)) message = unreachable = unreachableText(active.serverUrl, reason);
        if (state === 'connected' && message !== null && message === unreachable) message = null;
        changed();
      },
      onUnsynced: changed,
      onRefused: (reason) => void end(`The desk refused the session (${reason}). Sign in again under Preferences › Desk; your changes stay on this computer.`),
      onIndex: (list) => {
        for (const summary of list) void adopt(summary, deskId);
      },
      onStorySynced: (story, doc) => {
        mentions?.follow(story.articleId, doc);
        void storySynced(story, doc);
      },
      onSuperseded: (note) => {
        // The latest few are enough for the status line and a look back; older ones were shown.
        if (notes.push(note) > MAX_NOTES) notes.shift();
        // One merge can replace several fields at once (a headline and the slug that follows it):
        // its notes are shown together, so the last one does not hide the others.
        if (mergeNotes.length === 0) queueMicrotask(() => (mergeNotes = []));
        mergeNotes.push(note);
        message = mergeNotes.join(' ');
        changed();
      },
      onPresence: (stories) => emit('desk:presence', { stories }),
      onAwareness: (id, update) => emit('story:awarenessChanged', { id, part: 'body', from: 'desk', update: Buffer.from(update).toString('base64') }),
    });
    for (const story of shared.list()) if (story.deskId === deskId) sync.sync(story);
    options.onLink?.({ serverUrl: active.serverUrl, token: active.token, deskId, user: active.user, socket: sync.socket });
    options.onSession?.({ serverUrl: active.serverUrl, token: active.token, deskId });
  }

  /** A story syncs only while its desk is the active one (the desk may have been switched meanwhile). */
  function syncIfActive(story: SharedStory): void {
    if (session?.desk.id === story.deskId) sync?.sync(story);
  }

  /** Makes `next` the session: kept on disk first, then the sync restarts on its desk. */
  async function switchTo(next: DeskSession): Promise<DeskStatus> {
    await sessions.save(next);
    stopSync();
    serverUrl = next.serverUrl;
    lastDeskId = next.desk.id;
    message = null;
    start(next);
    changed();
    return status();
  }

  /** Desk switches one after another, so two quick choices end on the last one. */
  let choosing: Promise<unknown> = Promise.resolve();

  function signedIn(): DeskSession {
    if (!session) throw new UserFacingError('forbidden', NOT_SIGNED_IN);
    return session;
  }

  /** A signed-in call to the desk's HTTP API; a refused session ends it. */
  async function withSession<T>(work: (active: DeskSession) => Promise<T>): Promise<T> {
    try {
      return await work(signedIn());
    } catch (error) {
      if (error instanceof DeskSessionRefused) await end(SESSION_EXPIRED);
      throw error;
    }
  }

  if (restored.session) start(restored.session);

  return {
    status,
    async signIn({ serverUrl: address, email, password, deskId }) {
      // The keychain is asked first: no password goes out for a session that could not be kept.
      if (!(await options.secretBox.isAsyncEncryptionAvailable())) throw new UserFacingError('forbidden', NO_KEYCHAIN_FOR_DESK);
      const answer = await api.login(address, email, password);
      const desk = deskToSignInTo(answer.desks, answer.user.name, deskId, address === serverUrl ? lastDeskId : null);
      return switchTo({ serverUrl: address, token: answer.token, expiresAt: answer.expiresAt, user: answer.user, desk, desks: answer.desks });
    },
    chooseDesk(deskId) {
      const choice = choosing.then(async () => {
        const before = signedIn();
        if (before.desk.id === deskId) return status();
        // Asked of the desk now: the list kept from sign-in may be out of date.
        const desks = await withSession((active) => api.desks(active.serverUrl, active.token));
        const current = signedIn();
        if (current.token !== before.token) throw new UserFacingError('forbidden', 'The desk session changed meanwhile; choose the desk again.');
        let desk;
        try {
          desk = deskToSwitchTo(desks, deskId, current.desks, current.desk);
        } catch (error) {
          // The chooser offers only the desks the user is still on.
          session = { ...current, desks };
          await sessions.save(session).catch(() => undefined);
          changed();
          throw error;
        }
        return switchTo({ ...current, desk, desks });
      });
      choosing = choice.catch(() => undefined);
      return choice;
    },
    async signOut() {
      await end(null);
      return status();
    },
    async share(articleId) {
      const active = signedIn();
      const known = shared.byArticle(articleId);
      if (known) return { deskId: known.deskId, storyId: known.storyId };
      const article = await options.drafts.get(articleId);
      const story = { articleId, deskId: active.desk.id, storyId: articleId };
      try {
        await shared.add(story);
      } catch (error) {
        throw new UserFacingError('io', `The story could not be marked as shared (${messageOf(error)}); it stays on this computer only.`);
      }
      if (!sync) throw new UserFacingError('forbidden', NOT_SIGNED_IN);
      // The body goes into the document before the desk sees it (metadata is seeded as the document loads).
      await options.seedBody?.(article);
      syncIfActive(story);
      changed();
      return { deskId: story.deskId, storyId: story.storyId };
    },
    stories: () => withSession((active) => api.stories(active.serverUrl, active.token, active.desk.id)),
    search: (query) => withSession((active) => api.search(active.serverUrl, active.token, active.desk.id, query)),
    sharedOf(articleId) {
      const story = shared.byArticle(articleId);
      return story ? { deskId: story.deskId, storyId: story.storyId } : null;
    },
    relayWindowAwareness: (articleId, update) => sync?.relayWindowAwareness(articleId, update),
    withSession: (work) => withSession((active) => work({ serverUrl: active.serverUrl, token: active.token, deskId: active.desk.id, fetch: network.fetch })),
    notices: () => [...notes],
    session: () => (session ? structuredClone(session) : null),
    async close() {
      stopSync();
      await writes;
    },
  };
}
