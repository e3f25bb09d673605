import type { Handlers } from '../../../electron/main/ipc/dispatcher';
import type { SecretBox } from '../../../electron/main/services/publishing/targets/secret-box';
import { NO_KEYCHAIN_MESSAGE } from '../../../electron/main/services/publishing/targets/targets-store';
import type { SearchScope, StorySummary } from '../../../shared/desk/desk-protocol';
import { collabChannels } from '../../../shared/ipc/collab-contract';
import type { ResponseOf } from '../../../shared/ipc/contract';
import type { DeskPresence, DeskStatus } from '../../../shared/model/desk';
import { UserFacingError } from '../../../shared/model/errors';

/**
 * Scripted answers for the desk:* channels, for UI specs of states main cannot produce in the
 * browser harness (no desk server runs there): signed in, offline with changes waiting, people in
 * stories. It fails the way main's desk session does, so the UI's failure paths are exercised:
 * - a server address other than the script's is unreachable (what fetch's "connection refused" becomes);
 * - a wrong email or password is refused by "the desk";
 * - the session token goes through the harness's real secret box, so with `keychain: 'unavailable'`
 *   signing in is refused with the same sentence as a publish password;
 * - every answer is checked against the contract's response schema, so a script cannot hand the
 *   page something main never could.
 * Sign-in can be held open (holdSignIn) to see the progress the window shows while it waits.
 */

type DeskChannel = 'desk:status' | 'desk:signIn' | 'desk:signOut' | 'desk:chooseDesk' | 'desk:share' | 'desk:stories' | 'desk:search';
export type DeskHandlers = Pick<Handlers, DeskChannel>;

export interface DeskScript {
  /** The only address that answers; default http://desk.test:1234. */
  serverUrl?: string;
  account?: { email: string; password: string; name: string };
  desk?: { id: string; name: string };
  /** Every desk of the account (the chooser shows them); default the one desk. */
  desks?: { id: string; name: string }[];
  /** The desk's stories (for desk:stories and desk:search), with the snippet the search shows; one with `deskId` is on that desk only. */
  stories?: ScriptedStory[];
  /** What the search says it ranked (e.g. only the newest stories, for words in very many); default every match found. */
  searchScope?: SearchScope;
}

export type ScriptedStory = StorySummary & { text: string; deskId?: string };

export interface ScriptedDesk {
  handlers: DeskHandlers;
  /** The desk can no longer be reached; `unsynced` stories have changes it has not confirmed. */
  goOffline(unsynced: number): Promise<void>;
  reconnect(): Promise<void>;
  /** Who is in which story now, as main sends it. */
  setPresence(presence: DeskPresence): Promise<void>;
  /** The next sign-in waits until the returned function is called. */
  holdSignIn(): () => void;
  /** A story that is on the desk from now on (e.g. one whose local id the spec only now knows). */
  addStory(story: ScriptedStory): void;
  /** The account is taken off a desk on the server: choosing it is refused from now on. */
  takeOffDesk(deskId: string): void;
  /** The ids shared so far through desk:share. */
  shared(): string[];
}

const SIGNED_OUT: DeskStatus = { state: 'signed-out', serverUrl: null, user: null, desk: null, desks: [], unsyncedStories: 0, message: null };

export function createScriptedDesk(
  script: DeskScript,
  secretBox: SecretBox,
  emit: (event: 'desk:statusChanged' | 'desk:presence', payload: unknown) => Promise<void>,
): ScriptedDesk {
  const serverUrl = new URL(script.serverUrl ?? 'http://desk.test:1234').origin;
  const account = script.account ?? { email: 'ana@desk.test', password: 'correct horse', name: 'Ana López' };
  let desk = script.desk ?? { id: 'metro', name: 'Metro desk' };
  /** The account's desks as the server holds them now (sign-in tells the desktop what they were then). */
  let onServer = script.desks ?? [desk];
  const stories = [...(script.stories ?? [])];
  let status: DeskStatus = SIGNED_OUT;
  let token: Buffer | null = null;
  let hold: Promise<void> | null = null;
  const sharedIds: string[] = [];
  const sharedTo = new Map<string, string>();

  const answer = <C extends DeskChannel>(channel: C, value: unknown): ResponseOf<C> => collabChannels[channel].response.parse(value) as ResponseOf<C>;
  const setStatus = async (next: DeskStatus) => {
    status = answer('desk:status', next);
    await emit('desk:statusChanged', status);
  };
  const requireConnected = (what: string) => {
    if (status.state === 'signed-out') throw new UserFacingError('forbidden', 'Newsdesk is not connected to a desk: sign in under Preferences › Desk.');
    if (status.state !== 'connected') throw new UserFacingError('io', `${desk.name} cannot be reached right now, so ${what} has to wait until it is back.`);
  };
  const summary = ({ text: _text, deskId: _deskId, ...story }: ScriptedStory): StorySummary => story;
  const onActiveDesk = (): ScriptedStory[] => stories.filter((story) => story.deskId === undefined || story.deskId === desk.id);

  const handlers: DeskHandlers = {
    'desk:status': () => answer('desk:status', status),
    'desk:signIn': async (request) => {
      if (hold) await hold;
      if (new URL(request.serverUrl).origin !== serverUrl) {
        throw new UserFacingError('io', `The desk server at ${new URL(request.serverUrl).host} could not be reached (connection refused). Check the address and the network.`);
      }
      if (request.email.toLowerCase() !== account.email || request.password !== account.password) {
        throw new UserFacingError('forbidden', 'The desk refused this email and password. Check them and try again.');
      }
      if (!(await secretBox.isAsyncEncryptionAvailable())) throw new UserFacingError('io', NO_KEYCHAIN_MESSAGE);
      token = await secretBox.encryptStringAsync(`session-for-${account.email}`);
      const chosen = request.deskId === undefined ? onServer[0] : onServer.find((candidate) => candidate.id === request.deskId);
      if (!chosen) throw new UserFacingError('forbidden', `${account.name} is not on the desk “${request.deskId}”, so Newsdesk did not sign in.`);
      desk = chosen;
      await setStatus({
        state: 'connected',
        serverUrl,
        user: { id: 'u1', name: account.name, email: account.email, role: 'editor' },
        desk,
        desks: onServer,
        unsyncedStories: 0,
        message: null,
      });
      return status;
    },
    'desk:signOut': async () => {
      token = null;
      await setStatus({ ...SIGNED_OUT, serverUrl: status.serverUrl });
      return status;
    },
    'desk:chooseDesk': async ({ deskId }) => {
      if (!token || status.state === 'signed-out') throw new UserFacingError('forbidden', 'Newsdesk is not connected to a desk: sign in under Preferences › Desk.');
      const chosen = onServer.find((candidate) => candidate.id === deskId);
      if (!chosen) {
        const name = status.desks?.find((candidate) => candidate.id === deskId)?.name ?? deskId;
        // As main does: the chooser is told the desks the account is still on.
        await setStatus({ ...status, desks: onServer });
        throw new UserFacingError('forbidden', `You are no longer on the desk “${name}”, so Newsdesk stays on “${desk.name}”. Ask the desk’s administrator if you should be on it.`);
      }
      desk = chosen;
      await setStatus({ ...status, state: 'connected', desk, desks: onServer, message: null });
      return status;
    },
    'desk:share': ({ id }) => {
      requireConnected('sharing');
      if (!token) throw new UserFacingError('forbidden', 'Your desk session ended: sign in again under Preferences › Desk.');
      // As main does: a story shared before stays on the desk it was shared to.
      const before = sharedTo.get(id);
      if (before) return answer('desk:share', { deskId: before, storyId: id });
      sharedIds.push(id);
      sharedTo.set(id, desk.id);
      return answer('desk:share', { deskId: desk.id, storyId: id });
    },
    'desk:stories': () => {
      requireConnected('its story list');
      return answer('desk:stories', { stories: onActiveDesk().map(summary) });
    },
    'desk:search': ({ query }) => {
      requireConnected('the archive search');
      const words = query.toLowerCase();
      const found = onActiveDesk()
        .filter((story) => `${story.headline} ${story.text}`.toLowerCase().includes(words))
        .map((story) => ({ ...summary(story), snippet: story.text.replace(new RegExp(`(${escape(query)})`, 'i'), '<b>$1</b>') }));
      return answer('desk:search', { stories: found, scope: script.searchScope ?? { ranked: found.length } });
    },
  };

  return {
    handlers,
    async goOffline(unsynced) {
      await setStatus({ ...status, state: 'offline', unsyncedStories: unsynced });
    },
    async reconnect() {
      await setStatus({ ...status, state: 'connected', unsyncedStories: 0 });
    },
    async setPresence(presence) {
      await emit('desk:presence', presence);
    },
    holdSignIn() {
      let release = () => undefined as void;
      hold = new Promise<void>((resolve) => {
        release = () => {
          hold = null;
          resolve();
        };
      });
      return release;
    },
    addStory(story) {
      stories.push(story);
    },
    takeOffDesk(deskId) {
      onServer = onServer.filter((candidate) => candidate.id !== deskId);
    },
    shared: () => [...sharedIds],
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
