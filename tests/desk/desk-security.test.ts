import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { storyDocumentName } from '../../shared/desk/desk-protocol';
import { StoryStore } from '../../server/story-store';
import { issueToken, loadTokenKey } from '../../server/tokens';
import { deskServicesSkipReason, startPostgres, type RealService } from './services/real-services';
import { bodyOf, bodyText, connectClient, syncMessage, typeInto, until, type DeskClient } from './support/desk-clients';
import { PASSWORD, PEOPLE, startDeskFixture, type DeskFixture } from './support/desk-fixture';

// Refusals at the door (tokens, desks) and in the room (malformed and oversized updates).
const skipReason = deskServicesSkipReason();
if (skipReason) console.warn(`[desk-security] skipped: ${skipReason}`);

const SECRET = 'The minister resigns at noon';
let postgres: RealService;
let desk: DeskFixture;
const clients: DeskClient[] = [];

function client(storyId: string, token: string | null): DeskClient {
  const made = connectClient(desk.server.webSocketUrl, 'news', storyId, token);
  clients.push(made);
  return made;
}

async function storedBody(storyId: string): Promise<string> {
  const copy = new Y.Doc();
  const stored = await new StoryStore(desk.server.db).load(storyDocumentName('news', storyId));
  if (stored) Y.applyUpdate(copy, stored);
  return bodyOf(copy);
}

beforeAll(async () => {
  if (skipReason) return;
  postgres = await startPostgres();
  desk = await startDeskFixture({ databaseUrl: postgres.url, maxUpdateBytes: 1024 * 1024, loginMaxFailures: 3 });
  const writer = client('guarded', desk.tokens.ana);
  await until(() => writer.provider.isSynced, 'the writer synced');
  bodyText(writer.doc).insert(0, SECRET);
  await until(() => writer.provider.unsyncedChanges === 0, 'the secret acknowledged');
}, 120_000);
afterAll(async () => {
  for (const made of clients) made.destroy();
  await desk?.stop();
  await postgres?.stop();
}, 60_000);

describe.skipIf(skipReason !== null)('who may open a story', () => {
  it.each([
    ['no token', () => null],
    ['a token signed by another key', async () => (await issueToken(new TextEncoder().encode('x'.repeat(40)), { userId: 'u', name: 'Mallory' }, 3600)).token],
    ['an expired token', async () => {
      const key = await loadTokenKey(desk.server.db);
      const [ana] = await desk.server.db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [PEOPLE.ana.email]);
      return (await issueToken(key, { userId: ana?.id ?? '', name: 'Ana' }, -60)).token;
    }],
    ["another desk's token", () => desk.tokens.cy],
  ])('refuses %s and sends nothing of the document', async (_label, makeToken) => {
    const intruder = client('guarded', await makeToken());
    await until(() => intruder.refusals.length > 0, 'the refusal');
    // Give any stray sync message time to arrive before looking.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bodyOf(intruder.doc)).toBe('');
    expect(intruder.received.filter((type) => type === 0 || type === 1 || type === 4)).toEqual([]);
    expect(intruder.provider.isSynced).toBe(false);
  });

  it('refuses a document name outside the desk scheme', async () => {
    const made = connectClient(desk.server.webSocketUrl, 'news', 'x', desk.tokens.ana);
    clients.push(made);
    made.provider.destroy();
    const { HocuspocusProvider } = await import('@hocuspocus/provider');
    const refusals: string[] = [];
    const odd = new HocuspocusProvider({ websocketProvider: made.socket, name: 'admin/secrets', token: desk.tokens.ana, onAuthenticationFailed: ({ reason }) => refusals.push(reason) });
    odd.attach();
    await until(() => refusals.length > 0, 'the refusal');
    odd.destroy();
  });

  it('an editor on the desk gets the story', async () => {
    const colleague = client('guarded', desk.tokens.bo);
    await until(() => bodyOf(colleague.doc) === SECRET, 'the story');
  });
});

describe.skipIf(skipReason !== null)('updates that are refused', () => {
  it('a malformed update is refused, never applied or stored, its sender cut off, the others served', async () => {
    const ana = client('malformed', desk.tokens.ana);
    const attacker = client('malformed', desk.tokens.bo);
    await until(() => ana.provider.isSynced && attacker.provider.isSynced, 'both synced');
    bodyText(ana.doc).insert(0, 'Clean copy.');
    await until(() => bodyOf(attacker.doc) === 'Clean copy.', 'the copy to reach the attacker');

    // A real update cut short: Yjs would integrate its text and then fail on the missing delete
    // set, leaving half an update in the document.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(attacker.doc));
    const before = Y.encodeStateVector(forged);
    bodyText(forged).insert(0, 'POISON ');
    const update = Y.encodeStateAsUpdate(forged, before);
    attacker.sendRaw(syncMessage(storyDocumentName('news', 'malformed'), update.slice(0, update.length - 1)));

    await until(() => attacker.closes.some((reason) => reason.includes('Malformed update refused')), 'the attacker cut off');
    typeInto(ana.doc, '!');
    const late = client('malformed', desk.tokens.bo);
    await until(() => bodyOf(late.doc).length === 'Clean copy.!'.length, 'the others still served');
    expect(bodyOf(late.doc)).not.toContain('POISON');
    await until(() => ana.provider.unsyncedChanges === 0, 'acknowledged');
    expect(await storedBody('malformed')).not.toContain('POISON');
  });

  it('random bytes as an update are refused with a reason', async () => {
    const attacker = client('garbage', desk.tokens.bo);
    await until(() => attacker.provider.isSynced, 'synced');
    attacker.sendRaw(syncMessage(storyDocumentName('news', 'garbage'), new Uint8Array([255, 1, 2, 3, 250, 9, 9, 9])));
    await until(() => attacker.closes.some((reason) => reason.includes('Malformed update refused')), 'the attacker cut off');
  });

  it('a 10 MB update is refused, the document intact, the others served', async () => {
    const ana = client('oversized', desk.tokens.ana);
    const attacker = client('oversized', desk.tokens.bo);
    await until(() => ana.provider.isSynced && attacker.provider.isSynced, 'both synced');
    bodyText(ana.doc).insert(0, 'Short story.');
    await until(() => bodyOf(attacker.doc) === 'Short story.', 'the copy to reach the attacker');
    const huge = new Y.Doc();
    bodyText(huge).insert(0, 'x'.repeat(10 * 1024 * 1024));
    attacker.sendRaw(syncMessage(storyDocumentName('news', 'oversized'), Y.encodeStateAsUpdate(huge)));

    await until(() => attacker.closes.length > 0, 'the attacker cut off');
    typeInto(ana.doc, '!');
    const late = client('oversized', desk.tokens.ana);
    await until(() => bodyOf(late.doc).length === 'Short story.!'.length, 'the others still served');
    await until(() => ana.provider.unsyncedChanges === 0, 'acknowledged');
    expect((await storedBody('oversized')).length).toBe('Short story.!'.length);
  });
});

describe.skipIf(skipReason !== null)('signing in', () => {
  async function attempt(email: string, password: string): Promise<number> {
    const response = await fetch(`${desk.server.url}/api/login`, { method: 'POST', body: JSON.stringify({ email, password }) });
    await response.text();
    return response.status;
  }

  it('limits failed sign-ins per address and email, even a right password after the limit', async () => {
    expect(await attempt(PEOPLE.cy.email, 'wrong password 1')).toBe(401);
    expect(await attempt(PEOPLE.cy.email, 'wrong password 2')).toBe(401);
    expect(await attempt(PEOPLE.cy.email, 'wrong password 3')).toBe(401);
    expect(await attempt(PEOPLE.cy.email, PASSWORD)).toBe(429);
    // Another user behind the same address is not locked out.
    expect(await attempt(PEOPLE.bo.email, PASSWORD)).toBe(200);
  });

  it('counts parallel guesses too: a burst gets no more than the limit of tries', async () => {
    const statuses = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(PEOPLE.ana.email, `parallel guess ${i}`)));
    expect(statuses.filter((status) => status === 401)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(9);
  });

  it('answers bad requests with a sentence, never a crash', async () => {
    const notJson = await fetch(`${desk.server.url}/api/login`, { method: 'POST', body: '{nope' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: 'The request is not JSON.' });
    const search = await fetch(`${desk.server.url}/api/desks/news/search?q=minister`);
    expect(search.status).toBe(401);
    const otherDesk = await fetch(`${desk.server.url}/api/desks/sport/search?q=minister`, { headers: { Authorization: `Bearer ${desk.tokens.ana}` } });
    expect(otherDesk.status).toBe(403);
  });
});
