import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/accounts';
import { recordAudit } from '../../server/audit-log';
import { deskAuditPageSchema, type AuditAction } from '../../shared/desk/audit';
import { login } from './support/desk-clients';
import { PASSWORD, startDeskFixture, type DeskFixture } from './support/desk-fixture';

// GET /api/desks/<desk>/audit without a story: the whole desk's log, newest first, paged and
// filtered by kind, open to editors, publishers and admins only (embedded PGlite, the real HTTP API).
const SLOW = 120_000;
let fixture: DeskFixture;
const tokens: Record<string, string> = {};

const STEPS: [AuditAction, string][] = [
  ['status', 'Draft → Ready for review'], ['assigned', 'assigned Bo'], ['status-refused', 'refused approving'],
  ['published', 'published to the site'], ['credit', 'credit changed'], ['reopened', 'back to review'],
  ['publish-refused', 'refused publishing'], ['status', 'Ready → Approved'],
];

beforeAll(async () => {
  fixture = await startDeskFixture();
  const extra = {
    rae: { name: 'Rae Reporter', email: 'rae@example.org', roles: ['reporter'] },
    pat: { name: 'Pat Publisher', email: 'pat@example.org', roles: ['publisher'] },
    adi: { name: 'Adi Admin', email: 'adi@example.org', roles: ['admin'] },
  };
  for (const [who, person] of Object.entries(extra)) {
    await addUser(fixture.server.db, { ...person, password: PASSWORD, desks: ['news'] });
    tokens[who] = (await login(fixture.server.url, person.email, PASSWORD)).token;
  }
  for (const [index, [action, summary]] of STEPS.entries()) {
    await recordAudit(fixture.server.db, { deskId: 'news', storyId: `story-${index % 3}`, userId: null, userName: `Person ${index}`, action, summary });
  }
  // Another desk's log never shows on this one.
  await recordAudit(fixture.server.db, { deskId: 'sport', storyId: 'match', userId: null, userName: 'Cy', action: 'status', summary: 'sport only' });
}, SLOW);
afterAll(async () => fixture?.stop(), SLOW);

const read = (query: string, token = fixture.tokens.ana): Promise<Response> =>
  fetch(`${fixture.server.url}/api/desks/news/audit${query}`, { headers: { Authorization: `Bearer ${token}` } });

async function page(query: string, token?: string) {
  const response = await read(query, token);
  expect(response.status).toBe(200);
  return deskAuditPageSchema.parse(await response.json());
}

describe('the desk-wide audit log', () => {
  it('lists every step of the desk newest first, with who, when and what', async () => {
    const all = await page('');
    expect(all.entries.map((entry) => entry.summary)).toEqual(STEPS.map(([, summary]) => summary).reverse());
    expect(all.more).toBe(false);
    expect(all.entries[0]).toMatchObject({ who: 'Person 7', action: 'status', storyId: 'story-1' });
    expect(all.entries.every((entry) => !Number.isNaN(Date.parse(entry.at)))).toBe(true);
  });

  it('pages with before and limit, and says when older entries remain', async () => {
    const first = await page('?limit=3');
    expect(first.entries.map((entry) => entry.summary)).toEqual(['Ready → Approved', 'refused publishing', 'back to review']);
    expect(first.more).toBe(true);
    const second = await page(`?limit=3&before=${first.entries.at(-1)?.id ?? ''}`);
    expect(second.entries.map((entry) => entry.summary)).toEqual(['credit changed', 'published to the site', 'refused approving']);
    const last = await page(`?limit=3&before=${second.entries.at(-1)?.id ?? ''}`);
    expect(last.entries.map((entry) => entry.summary)).toEqual(['assigned Bo', 'Draft → Ready for review']);
    expect(last.more).toBe(false);
  });

  it('filters by kind: status changes, assignments, publishes, credit edits', async () => {
    expect((await page('?kind=status')).entries.map((entry) => entry.action)).toEqual(['status', 'reopened', 'status-refused', 'status']);
    expect((await page('?kind=assignment')).entries.map((entry) => entry.summary)).toEqual(['assigned Bo']);
    expect((await page('?kind=publish')).entries.map((entry) => entry.action)).toEqual(['publish-refused', 'published']);
    expect((await page('?kind=credit')).entries.map((entry) => entry.summary)).toEqual(['credit changed']);
    const paged = await page('?kind=status&limit=1');
    expect(paged.more).toBe(true);
    expect((await page(`?kind=status&limit=10&before=${paged.entries[0]?.id ?? ''}`)).entries.map((entry) => entry.action)).toEqual(['reopened', 'status-refused', 'status']);
  });

  it('is read by editors, publishers and admins; a reporter or a photo editor gets 403 with the reason, and a story’s own log stays open', async () => {
    expect((await page('?limit=1', tokens.pat)).entries).toHaveLength(1);
    expect((await page('?limit=1', tokens.adi)).entries).toHaveLength(1);
    for (const token of [tokens.rae, fixture.tokens.bo]) {
      const refused = await read('', token);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({ error: 'Only an editor, a publisher or an admin may read the whole desk’s audit log; a story’s own log is open from the story.' });
      expect((await read('?kind=status&limit=5', token)).status).toBe(403);
    }
    expect((await read('?story=story-0', tokens.rae)).status).toBe(200);
    // Not on the desk at all.
    expect((await read('', fixture.tokens.cy)).status).toBe(403);
  });

  it('refuses a malformed page with a clear message', async () => {
    for (const query of ['?limit=0', '?limit=5000', '?limit=ten', '?before=abc', '?before=-1', '?kind=gossip', '?sort=oldest']) {
      const response = await read(query);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: string }).error, query).toMatch(/^That is not a page of the audit log/);
    }
  });
});
