import { createHash, randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/accounts';
import { auditResponseSchema, type AuditEntry } from '../../shared/desk/audit';
import { planResponseSchema, type PlanInput } from '../../shared/desk/budget';
import type { DeskPhotoShare } from '../../shared/desk/photos';
import { EMPTY_PHOTO_METADATA } from '../../shared/model/photo';
import { storyDocumentName } from '../../shared/desk/desk-protocol';
import { connectClient, login, until, type DeskClient } from './support/desk-clients';
import { PASSWORD, PEOPLE, startDeskFixture, type DeskFixture } from './support/desk-fixture';

// The audit entries the budget and the photo handoff owe the desk's log (embedded PGlite, the
// real HTTP API): who assigned whom to which story and when, and who changed a desk photo's credit
// from what to what, on the desk and in a story's lead photo. Each is read back through
// GET /api/desks/<desk>/audit as the app reads it.
const SLOW = 300_000;
let fixture: DeskFixture;
const clients: DeskClient[] = [];

beforeAll(async () => {
  // A store 1.5 s after the last change: edits made together land in one stored version however loaded the machine is.
  fixture = await startDeskFixture({ storeDebounceMs: 1_500 });
}, SLOW);
afterAll(async () => {
  for (const client of clients) client.destroy();
  await fixture?.stop();
}, SLOW);

const auth = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });

function post(path: string, token: string, body: unknown): Promise<Response> {
  return fetch(`${fixture.server.url}${path}`, { method: 'POST', headers: auth(token), body: JSON.stringify(body) });
}

async function audit(query = ''): Promise<AuditEntry[]> {
  const response = await fetch(`${fixture.server.url}/api/desks/news/audit${query}`, { headers: auth(fixture.tokens.ana) });
  expect(response.status).toBe(200);
  return auditResponseSchema.parse(await response.json()).entries;
}

const ofAction = (entries: AuditEntry[], action: AuditEntry['action']): AuditEntry[] => entries.filter((entry) => entry.action === action);

async function userId(who: keyof typeof PEOPLE): Promise<string> {
  return (await login(fixture.server.url, PEOPLE[who].email, PASSWORD)).user.id;
}

const plan = (assigneeId: string): PlanInput => ({
  slug: 'tram-fares', headline: 'Tram fares rise in January', section: 'News', slot: 'News Feed, 16:00',
  due: '2026-12-07T15:00:00+01:00', lengthTarget: 500, assigneeId, photoRequest: '', deskNote: '',
});

describe('assignments in the audit log', () => {
  it('logs who assigned whom to which story, when, and each reassignment; other plan changes and refused plans log nothing', async () => {
    const [bo, ana, cy] = [await userId('bo'), await userId('ana'), await userId('cy')];
    const before = ofAction(await audit(), 'assigned').length;

    const created = await post('/api/desks/news/budget', fixture.tokens.ana, plan(bo));
    expect(created.status).toBe(201);
    const { entry } = planResponseSchema.parse(await created.json());
    const storyLog = async (): Promise<AuditEntry[]> => ofAction(await audit(`?story=${entry.storyId}`), 'assigned');
    let assigned = await storyLog();
    expect(assigned.map((item) => [item.who, item.summary])).toEqual([['Ana Editor', 'Ana Editor assigned “Tram fares rise in January” to Bo Photo']]);
    // "When" is the moment the plan was stamped: the same transaction, the same time.
    expect(assigned[0]?.at).toBe(entry.plan?.assignedAt);
    expect(assigned[0]?.storyId).toBe(entry.storyId);

    // A change that leaves the assignee alone is not an assignment.
    expect((await post(`/api/desks/news/budget/${entry.storyId}`, fixture.tokens.ana, { deskNote: 'hold for legal', assigneeId: bo })).status).toBe(200);
    expect(await storyLog()).toHaveLength(1);

    const moved = await post(`/api/desks/news/budget/${entry.storyId}`, fixture.tokens.ana, { assigneeId: ana });
    expect(moved.status).toBe(200);
    const reassigned = planResponseSchema.parse(await moved.json()).entry;
    assigned = await storyLog();
    expect(assigned.map((item) => item.summary)).toEqual([
      'Ana Editor reassigned “Tram fares rise in January” from Bo Photo to Ana Editor',
      'Ana Editor assigned “Tram fares rise in January” to Bo Photo',
    ]);
    expect(assigned[0]?.at).toBe(reassigned.plan?.assignedAt);

    // Refused (the assignee is on another desk): nothing planned, nothing logged.
    const refused = await post(`/api/desks/news/budget/${entry.storyId}`, fixture.tokens.ana, { assigneeId: cy });
    expect(refused.status).toBe(400);
    expect(await storyLog()).toHaveLength(2);

    expect((await post(`/api/desks/news/budget/${entry.storyId}`, fixture.tokens.ana, { assigneeId: '' })).status).toBe(200);
    expect((await storyLog())[0]?.summary).toBe('Ana Editor unassigned “Tram fares rise in January” (was Ana Editor)');
    // The desk's own log lists them too.
    expect(ofAction(await audit(), 'assigned')).toHaveLength(before + 3);
  }, SLOW);

  it('logs nothing for a plan made without an assignee, nor for a plan a non-editor was refused', async () => {
    const before = ofAction(await audit(), 'assigned').length;
    expect((await post('/api/desks/news/budget', fixture.tokens.ana, { ...plan(''), slug: 'unassigned' })).status).toBe(201);
    const bo = await userId('bo');
    expect((await post('/api/desks/news/budget', fixture.tokens.bo, { ...plan(bo), slug: 'self-assigned' })).status).toBe(403);
    expect(ofAction(await audit(), 'assigned')).toHaveLength(before);
  }, SLOW);
});

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function share(original: Uint8Array, thumbnail: Uint8Array, credit: string): DeskPhotoShare {
  return {
    mediaId: sha(original), thumbnailSha256: sha(thumbnail), format: 'jpeg', width: 4000, height: 3000, bytes: original.length,
    metadata: { ...EMPTY_PHOTO_METADATA, creator: 'Ivan Petrenko', creditLine: 'Agency' }, credit,
    provenance: { fileName: 'kyiv.jpg', importedAt: '2026-12-07T06:00:00.000Z', sources: Object.fromEntries(Object.keys({ ...EMPTY_PHOTO_METADATA }).map((key) => [key, 'xmp'])) as DeskPhotoShare['provenance']['sources'] },
  };
}

describe('credit edits of desk photos in the audit log', () => {
  it('logs a changed credit when a photo is shared again (who, from, to), not a first share nor a share with the same credit', async () => {
    const original = new Uint8Array(20_000).map((_, i) => (i * 11) % 241);
    const thumbnail = new Uint8Array(2_000).map((_, i) => i % 17);
    for (const bytes of [original, thumbnail]) {
      const put = await fetch(`${fixture.server.url}/api/desks/news/blobs/${sha(bytes)}`, { method: 'PUT', headers: auth(fixture.tokens.bo), body: bytes });
      expect(put.status).toBe(201);
    }
    const shareAs = (credit: string, token = fixture.tokens.bo): Promise<Response> => post('/api/desks/news/media', token, share(original, thumbnail, credit));
    const creditLog = async (): Promise<AuditEntry[]> => ofAction(await audit(), 'credit');

    expect((await shareAs('(Ivan Petrenko/Agency)')).status).toBe(201);
    expect(await creditLog()).toEqual([]);
    expect((await shareAs('(Ivan Petrenko/Agency)')).status).toBe(201);
    expect(await creditLog()).toEqual([]);

    expect((await shareAs('(Ivan Petrenko/Agency via Desk)')).status).toBe(201);
    const [edit] = await creditLog();
    expect(edit).toMatchObject({
      who: 'Bo Photo', storyId: null, action: 'credit',
      summary: `Bo Photo changed the credit of kyiv.jpg (${sha(original).slice(0, 12)}…) from “(Ivan Petrenko/Agency)” to “(Ivan Petrenko/Agency via Desk)”`,
    });
    expect(Number.isNaN(Date.parse(edit?.at ?? ''))).toBe(false);

    // Another member edits it again; an emptied credit says so.
    expect((await shareAs('', fixture.tokens.ana)).status).toBe(201);
    expect((await creditLog()).map((entry) => entry.summary)).toEqual([
      `Ana Editor changed the credit of kyiv.jpg (${sha(original).slice(0, 12)}…) from “(Ivan Petrenko/Agency via Desk)” to (no credit)`,
      edit?.summary,
    ]);
  }, SLOW);

  it('logs nothing for a share the desk refuses', async () => {
    const before = (await audit()).length;
    const unknown = new Uint8Array(1_000).fill(5);
    const refused = await post('/api/desks/news/media', fixture.tokens.bo, share(unknown, unknown, 'Changed'));
    expect(refused.status).toBe(409);
    expect(await audit()).toHaveLength(before);
  }, SLOW);
});

/** The lead photo of a story as the desk last stored it. */
async function storedLead(storyId: string): Promise<{ photoId: string; credit: string } | null> {
  const [row] = await fixture.server.db.query<{ state: Uint8Array }>('SELECT state FROM story_documents WHERE name = $1', [storyDocumentName('news', storyId)]);
  if (!row) return null;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(row.state));
  return (doc.getMap('meta').get('leadPhoto') as { photoId: string; credit: string } | undefined) ?? null;
}

describe('credit edits of a story’s lead photo in the audit log', () => {
  it('logs the credit changed between stored versions once, naming who changed it; placing another photo is not a credit edit', async () => {
    const storyId = randomUUID();
    const client = connectClient(fixture.server.webSocketUrl, 'news', storyId, fixture.tokens.bo);
    clients.push(client);
    await until(() => client.provider.isSynced, 'the story synced');
    const meta = client.doc.getMap('meta');
    const [first, second] = ['1'.repeat(64), '2'.repeat(64)];
    const lead = (photoId: string, credit: string) => ({ photoId, caption: 'The quay at dawn.', credit, creditEdited: true, altText: 'Boats along the quay' });
    const creditLog = async (): Promise<AuditEntry[]> => ofAction(await audit(`?story=${storyId}`), 'credit');

    meta.set('leadPhoto', lead(first, 'AFP'));
    await until(async () => (await storedLead(storyId))?.credit === 'AFP', 'the first lead photo stored', 60_000);
    // Typed into the credit field: one write per keystroke, one stored version, one entry.
    for (const credit of ['AFP/', 'AFP/Po', 'AFP/Pool']) meta.set('leadPhoto', lead(first, credit));
    await until(async () => (await creditLog()).length > 0, 'the credit edit in the log', 60_000);
    const [edit] = await creditLog();
    expect(edit).toMatchObject({ who: 'Bo Photo', storyId, action: 'credit', summary: 'Bo Photo changed the lead photo’s credit from “AFP” to “AFP/Pool”' });

    meta.set('leadPhoto', lead(second, 'Reuters'));
    await until(async () => (await storedLead(storyId))?.photoId === second, 'the new lead photo stored', 60_000);
    meta.set('leadPhoto', lead(second, ''));
    await until(async () => (await creditLog()).length > 1, 'the second credit edit in the log', 60_000);
    expect((await creditLog()).map((entry) => entry.summary)).toEqual([
      'Bo Photo changed the lead photo’s credit from “Reuters” to (no credit)',
      'Bo Photo changed the lead photo’s credit from “AFP” to “AFP/Pool”',
    ]);
  }, SLOW);
});

describe('a publish in the audit log', () => {
  it('names the target and the post’s address the publisher’s machine reports', async () => {
    await addUser(fixture.server.db, { name: 'Pat Publisher', email: 'pat@example.org', roles: ['publisher'], password: PASSWORD, desks: ['news'] });
    const pat = (await login(fixture.server.url, 'pat@example.org', PASSWORD)).token;
    const storyId = randomUUID();
    const client = connectClient(fixture.server.webSocketUrl, 'news', storyId, fixture.tokens.ana);
    clients.push(client);
    await until(() => client.provider.isSynced, 'the story synced');
    client.doc.getMap('meta').set('headline', 'Ferry timetable changes');
    await until(() => client.provider.unsyncedChanges === 0, 'the story on the desk');
    const workflow = (route: string, token: string, body: unknown) => post(`/api/desks/news/stories/${storyId}/${route}`, token, body);
    expect((await workflow('status', fixture.tokens.ana, { to: 'ready' })).status).toBe(200);
    expect((await workflow('status', fixture.tokens.ana, { to: 'approved' })).status).toBe(200);
    expect((await workflow('published', pat, { target: 'News site', url: 'https://news.example.org/2026/12/ferry-timetable' })).status).toBe(200);
    // Without an address (a target that gives none), the target alone.
    expect((await workflow('published', pat, { target: 'Wire' })).status).toBe(200);
    await until(async () => ofAction(await audit(`?story=${storyId}`), 'published').length === 2, 'both publishes in the log');
    expect(ofAction(await audit(`?story=${storyId}`), 'published').map((entry) => entry.summary)).toEqual([
      'Pat Publisher published to Wire',
      'Pat Publisher published to News site (https://news.example.org/2026/12/ferry-timetable)',
    ]);
  }, SLOW);
});
