import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGET_MAP, budgetDocumentName, BudgetEntry, membersResponseSchema, planResponseSchema, type PlanInput } from '../../shared/desk/budget';
import { bodyText, connectClient, connectDocument, login, until, type DeskClient } from './support/desk-clients';
import { PASSWORD, PEOPLE, startDeskFixture, type DeskFixture } from './support/desk-fixture';

// The budget's server side on the embedded desk (PGlite in this process): plans through the HTTP
// API, the read-only budget document, the live word count, and the refusals.
let fixture: DeskFixture;
const clients: DeskClient[] = [];
const SLOW = 300_000;

beforeAll(async () => {
  fixture = await startDeskFixture();
}, SLOW);
afterAll(async () => {
  for (const client of clients) client.destroy();
  await fixture?.stop();
}, SLOW);

function api(path: string, token: string, body?: unknown): Promise<Response> {
  return fetch(`${fixture.server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function userId(who: keyof typeof PEOPLE): Promise<string> {
  return (await login(fixture.server.url, PEOPLE[who].email, PASSWORD)).user.id;
}

const basePlan = (assigneeId: string): PlanInput => ({
  slug: 'harbour-strike', headline: 'Harbour strike talks', section: 'News', slot: 'News Feed, 14:00',
  due: '2026-12-07T13:30:00+01:00', lengthTarget: 600, assigneeId, photoRequest: 'photo wanted: pickets at gate 4', deskNote: 'hold for legal',
});

async function planCount(): Promise<number> {
  const [row] = await fixture.server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM budget_plans');
  return row?.n ?? 0;
}

describe('the story budget on the desk server', () => {
  it('plans a story with its slot, due time, target, assignee, photo request and note; the budget document shows it and its live word count', async () => {
    const bo = await userId('bo');
    const budget = connectDocument(fixture.server.webSocketUrl, budgetDocumentName('news'), fixture.tokens.bo);
    clients.push(budget);
    await until(() => budget.provider.isSynced, 'the budget document synced');

    const response = await api('/api/desks/news/budget', fixture.tokens.ana, basePlan(bo));
    expect(response.status).toBe(201);
    const { entry } = planResponseSchema.parse(await response.json());
    expect(entry).toMatchObject({
      headline: 'Harbour strike talks', slug: 'harbour-strike', section: 'News', status: 'draft', words: 0, photo: 'wanted',
      plan: {
        slot: { feed: 'News Feed', time: '14:00' }, due: '2026-12-07T12:30:00.000Z', lengthTarget: 600,
        assignee: { id: bo, name: 'Bo Photo' }, assignedBy: 'Ana Editor', photoRequest: 'photo wanted: pickets at gate 4', deskNote: 'hold for legal',
      },
    });

    const seen = (): BudgetEntry | undefined => {
      const value = budget.doc.getMap(BUDGET_MAP).get(entry.storyId);
      return value === undefined ? undefined : BudgetEntry.parse(value);
    };
    await until(() => seen()?.plan?.assignee?.id === bo, 'the plan in the budget document');

    // The planned story is a real desk story: its document holds the working headline, and text typed into it is counted.
    const story = connectClient(fixture.server.webSocketUrl, 'news', entry.storyId, fixture.tokens.bo);
    clients.push(story);
    await until(() => story.doc.getMap('meta').get('headline') === 'Harbour strike talks', 'the working headline in the story document');
    bodyText(story.doc).insert(0, 'Dock workers met the port authority for six hours on Monday.');
    await until(() => seen()?.words === 11, 'the live word count in the budget');
    expect(seen()?.plan?.lengthTarget).toBe(600);
  }, SLOW);

  it('refuses an unknown assignee, a malformed slot or due time, and a plan from someone who is not an editor — nothing stored', async () => {
    const before = await planCount();
    const bo = await userId('bo');
    const cases: [PlanInput | Record<string, unknown>, string, number][] = [
      [basePlan('no-such-user'), 'the assignee is not on the desk news', 400],
      [basePlan(await userId('cy')), 'the assignee is not on the desk news', 400],
      [{ ...basePlan(bo), slot: 'at two' }, 'A slot is a feed and a time, as in “News Feed, 14:00”.', 400],
      [{ ...basePlan(bo), slot: 'News Feed, 25:00' }, 'A slot is a feed and a time', 400],
      [{ ...basePlan(bo), due: 'tomorrow 2pm' }, 'A due time is a date and time with its zone', 400],
      [{ ...basePlan(bo), lengthTarget: 'long' }, 'A length target is a number of words.', 400],
      [{ ...basePlan(bo), byline: 'smuggled' }, 'The plan was refused', 400],
    ];
    for (const [body, message, status] of cases) {
      const response = await api('/api/desks/news/budget', fixture.tokens.ana, body);
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: string }).error).toContain(message);
    }
    const photo = await api('/api/desks/news/budget', fixture.tokens.bo, basePlan(bo));
    expect(photo.status).toBe(403);
    expect(await photo.json()).toEqual({ error: 'Only an editor plans and assigns stories.' });
    const otherDesk = await api('/api/desks/news/budget', fixture.tokens.cy, basePlan(bo));
    expect(otherDesk.status).toBe(403);
    expect(await planCount()).toBe(before);
  }, SLOW);

  it('reassigns and changes a plan; a change for a story that was never planned is refused', async () => {
    const created = planResponseSchema.parse(await (await api('/api/desks/news/budget', fixture.tokens.ana, basePlan(''))).json()).entry;
    expect(created.plan?.assignee).toBeNull();
    const ana = await userId('ana');
    const changed = await api(`/api/desks/news/budget/${created.storyId}`, fixture.tokens.ana, { assigneeId: ana, deskNote: 'wait for the minister’s reply', slot: 'Front, 9:05' });
    expect(changed.status).toBe(200);
    const { entry } = planResponseSchema.parse(await changed.json());
    expect(entry.plan).toMatchObject({ assignee: { id: ana }, deskNote: 'wait for the minister’s reply', slot: { feed: 'Front', time: '09:05' } });
    expect(entry.plan?.assignedAt).not.toBeNull();
    const badSlot = await api(`/api/desks/news/budget/${created.storyId}`, fixture.tokens.ana, { slot: 'Front 9' });
    expect(badSlot.status).toBe(400);
    const missing = await api('/api/desks/news/budget/never-planned-story', fixture.tokens.ana, { deskNote: 'x' });
    expect(missing.status).toBe(404);
    // The budget is the server's to write: a client's change to its document is never applied or passed on.
    const forger = connectDocument(fixture.server.webSocketUrl, budgetDocumentName('news'), fixture.tokens.ana);
    const reader = connectDocument(fixture.server.webSocketUrl, budgetDocumentName('news'), fixture.tokens.bo);
    clients.push(forger, reader);
    await until(() => forger.provider.isSynced && reader.provider.isSynced, 'both budget clients synced');
    forger.doc.getMap(BUDGET_MAP).set('forged-story', { storyId: 'forged-story', headline: 'Forged' });
    const marker = await api(`/api/desks/news/budget/${created.storyId}`, fixture.tokens.ana, { deskNote: 'after the forgery' });
    expect(marker.status).toBe(200);
    await until(() => BudgetEntry.safeParse(reader.doc.getMap(BUDGET_MAP).get(created.storyId)).data?.plan?.deskNote === 'after the forgery', 'a later change on the reader');
    expect(reader.doc.getMap(BUDGET_MAP).has('forged-story')).toBe(false);
    const [forged] = await fixture.server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM budget_plans WHERE story_id = 'forged-story'`);
    expect(forged?.n).toBe(0);

    const members = membersResponseSchema.parse(await (await api('/api/desks/news/members', fixture.tokens.bo)).json());
    expect(members.members.map((member) => member.name)).toEqual(['Ana Editor', 'Bo Photo']);
  }, SLOW);
});
