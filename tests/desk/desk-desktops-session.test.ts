import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type Socket } from 'node:net';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../server/tokens';
import { NO_KEYCHAIN_FOR_DESK } from '../../electron/main/services/desk/desk-session-store';
import { SESSION_EXPIRED } from '../../electron/main/services/desk/desk-service';
import { createTestSecretBox } from '../fakes/secret-box';
import { deskServicesSkipReason } from './services/real-services';
import { login, until } from './support/desk-clients';
import { freePort } from './support/desk-process';
import { PASSWORD, PEOPLE } from './support/desk-fixture';
import { openDesktop, signIn, startDeskUnderTest, TOKEN_SECRET, type Desktop, type DeskUnderTest } from './support/desktops';

// Signing in to a real desk server, and every way a session is refused.
const skipReason = deskServicesSkipReason();
if (skipReason) console.warn(`[desk-desktops-session] skipped: ${skipReason}`);

let desk: DeskUnderTest;
const opened: Desktop[] = [];

beforeAll(async () => {
  if (!skipReason) desk = await startDeskUnderTest();
}, 180_000);

afterAll(async () => {
  for (const desktop of opened) await desktop.close();
  await desk?.close();
}, 60_000);

async function desktop(...args: Parameters<typeof openDesktop>): Promise<Desktop> {
  const made = await openDesktop(...args);
  opened.push(made);
  return made;
}

const sessionFile = (desktop: Desktop): string => join(desktop.dir, 'library', 'desk', 'session.json');
const readSession = async (desktop: Desktop): Promise<Record<string, unknown>> => JSON.parse(await readFile(sessionFile(desktop), 'utf8')) as Record<string, unknown>;

/** Writes a session file as a signed-in desktop would, with `token` sealed by the test keychain. */
async function plantSession(dir: string, token: string, deskId: string, expiresAt: string, serverUrl = desk.url): Promise<void> {
  const sealed = (await createTestSecretBox().encryptStringAsync(token)).toString('base64');
  const user = { id: 'u', name: PEOPLE.ana.name, email: PEOPLE.ana.email, role: 'editor' };
  const file = { format: 1, serverUrl, signedIn: { token: sealed, expiresAt, user, desk: { id: deskId, name: deskId } } };
  await writeFile(join(dir, 'library', 'desk', 'session.json'), JSON.stringify(file));
}

describe.skipIf(skipReason !== null)('signing in to a desk', () => {
  it('signs in, keeps the token only encrypted, and signing out forgets it but keeps the address', async () => {
    const ana = await desktop();
    await signIn(ana, desk.url, 'ana');
    const file = JSON.stringify(await readSession(ana));
    expect(file).toContain(desk.url);
    expect(file).not.toMatch(/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\./);
    await until(() => ana.services.desk.status().state === 'connected', 'connected');
    const status = await ana.services.desk.signOut();
    expect(status).toMatchObject({ state: 'signed-out', serverUrl: desk.url, user: null, message: null });
    // The desk worked on is kept too, so signing in again goes back to it.
    expect(await readSession(ana)).toEqual({ format: 1, serverUrl: desk.url, lastDeskId: 'news', signedIn: null });
  }, 60_000);

  it('says so for a wrong password, too many attempts, an unreachable server and an address that is no desk', async () => {
    const bo = await desktop();
    await expect(signIn(bo, desk.url, 'bo', 'wrong password here')).rejects.toThrow('Wrong email or password.');
    expect(bo.services.desk.status().state).toBe('signed-out');
    const guess = (): Promise<unknown> => bo.services.desk.signIn({ serverUrl: desk.url, email: 'nobody@example.org', password: 'a guess' });
    for (let attempt = 0; attempt < 5; attempt += 1) await expect(guess()).rejects.toThrow('Wrong email or password.');
    await expect(guess()).rejects.toThrow(/Too many failed sign-ins/);

    await expect(signIn(bo, `http://127.0.0.1:${await freePort()}`, 'bo')).rejects.toThrow(/could not be reached/);
    const web: Server = createServer((_request, response) => {
      response.writeHead(404, { 'Content-Type': 'text/html' });
      response.end('<h1>Not found</h1>');
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    const address = web.address();
    try {
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      await expect(signIn(bo, url, 'bo')).rejects.toThrow(/not a Newsdesk desk server/);
    } finally {
      web.close();
    }
    expect(bo.services.desk.status()).toMatchObject({ state: 'signed-out', user: null });
  }, 60_000);

  it('refuses to sign in without a keychain, with a sentence, before the password is sent', async () => {
    // Every connection to the desk first asks the route to it: none asked is none made.
    let requests = 0;
    const counting = async (): Promise<string> => {
      requests += 1;
      return 'DIRECT';
    };
    const noKeychain = await desktop(undefined, { secretBox: createTestSecretBox({ available: false }), resolveProxy: counting });
    await expect(signIn(noKeychain, desk.url, 'ana')).rejects.toThrow(NO_KEYCHAIN_FOR_DESK);
    expect(requests).toBe(0);
    expect(noKeychain.services.desk.status().state).toBe('signed-out');
  }, 60_000);

  it('a stored session past its expiry is ended at start with the expired sentence', async () => {
    const ana = await desktop();
    await signIn(ana, desk.url, 'ana');
    await ana.close();
    opened.splice(opened.indexOf(ana), 1);
    const stored = await readSession(ana);
    const signedIn = stored.signedIn as Record<string, unknown>;
    await writeFile(sessionFile(ana), JSON.stringify({ ...stored, signedIn: { ...signedIn, expiresAt: new Date(Date.now() - 1000).toISOString() } }));
    const again = await desktop(ana.dir);
    expect(again.services.desk.status()).toMatchObject({ state: 'signed-out', serverUrl: desk.url, message: SESSION_EXPIRED });
    await until(async () => (await readSession(again)).signedIn === null, 'the expired token forgotten');
  }, 60_000);

  it('a running session ends itself before its token expires and says so', async () => {
    const probe = await desktop();
    await probe.close();
    opened.splice(opened.indexOf(probe), 1);
    const token = (await login(desk.url, PEOPLE.bo.email, PASSWORD)).token;
    // The session ends a minute before the token does: this one has a second left of that.
    await plantSession(probe.dir, token, 'news', new Date(Date.now() + 61_000).toISOString());
    const restarted = await desktop(probe.dir);
    expect(restarted.services.desk.status().state).not.toBe('signed-out');
    await until(() => restarted.services.desk.status().state === 'signed-out', 'the session ended before expiry');
    expect(restarted.services.desk.status().message).toBe(SESSION_EXPIRED);
    expect(restarted.events.some((entry) => entry.event === 'desk:statusChanged' && 'state' in entry.payload && entry.payload.state === 'signed-out')).toBe(true);
  }, 60_000);

  it('a token the desk refuses (expired on the server, another desk’s) ends the session with a reason, and no story is received', async () => {
    const key = new TextEncoder().encode(TOKEN_SECRET);
    const expired = (await issueToken(key, { userId: 'someone', name: 'Someone' }, -60)).token;
    // Cy is on the sport desk only: a real, valid token, for another desk.
    const cyToken = (await login(desk.url, PEOPLE.cy.email, PASSWORD)).token;
    const future = new Date(Date.now() + 3_600_000).toISOString();
    for (const [token, deskId] of [[expired, 'news'], [cyToken, 'news'], ['not-a-token', 'news']] as const) {
      const probe = await desktop();
      await probe.close();
      opened.splice(opened.indexOf(probe), 1);
      await plantSession(probe.dir, token, deskId, future);
      const restarted = await desktop(probe.dir);
      await until(() => restarted.services.desk.status().state === 'signed-out', 'the refused session ended');
      expect(restarted.services.desk.status().message).toMatch(/The desk refused the session/);
      expect((await restarted.services.drafts.list({ text: '', offset: 0, limit: 50 })).items).toHaveLength(0);
    }
  }, 90_000);

  it('quitting while the desk has not answered the websocket handshake raises nothing', async () => {
    // A server that accepts connections and never answers: the handshake is still under way at close.
    const held: Socket[] = [];
    const silent = createNetServer((socket) => void held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const probe = await desktop();
      await probe.close();
      opened.splice(opened.indexOf(probe), 1);
      await plantSession(probe.dir, 'token', 'news', new Date(Date.now() + 3_600_000).toISOString(), `http://127.0.0.1:${port}`);
      const restarted = await openDesktop(probe.dir);
      await until(() => held.length > 0, 'the websocket connecting');
      const uncaught: unknown[] = [];
      const record = (error: unknown): void => void uncaught.push(error);
      process.on('uncaughtException', record);
      try {
        await restarted.close();
        // ws reports the aborted handshake on the next tick.
        for (let turn = 0; turn < 3; turn += 1) await new Promise((resolve) => setImmediate(resolve));
      } finally {
        process.off('uncaughtException', record);
      }
      expect(uncaught).toEqual([]);
    } finally {
      for (const socket of held) socket.destroy();
      silent.close();
    }
  }, 60_000);

  it('lists the desk’s stories and searches its archive through the server', async () => {
    const ana = await desktop();
    await signIn(ana, desk.url, 'ana');
    const article = await ana.services.drafts.create({ section: 'News' });
    await ana.services.drafts.save({ ...article, headline: 'Zeppelin lands in the harbour' }, 'manual');
    await ana.services.desk.share(article.id);
    await until(async () => (await ana.services.desk.stories()).some((story) => story.storyId === article.id), 'the story in the desk’s list');
    await until(async () => (await ana.services.desk.search('zeppelin')).stories.some((story) => story.storyId === article.id), 'the story found by the archive search');
  }, 60_000);
});
