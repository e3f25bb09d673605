import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deskAuditPageSchema, type AuditEntry } from '../../shared/desk/audit';
import { DESK_BOARD_PLACEMENTS, deskBoardDocumentName, readDeskBoard } from '../../shared/desk/desk-board';
import { webSocketUrlOf } from '../../electron/main/services/desk/desk-sync';
import { addUser } from '../../server/accounts';
import { connectDocument, login, until } from './support/desk-clients';
import { PASSWORD, startDeskFixture, type DeskFixture } from './support/desk-fixture';
import { openDesktop, type Desktop } from './support/desktops';

// What only a publisher may do to a desk story beside publishing it — retract it, send it back to
// a draft on a site, replace it with a kill notice, change when it goes live — refused to a
// reporter at every door: the outbox of the reporter's own machine, the board's IPC channel, and
// the desk board document itself. Three app instances on one desk (in-process server, PGlite).
const SLOW = 240_000;
const FEED = 'news-feed';
let desk: DeskFixture;
let rae: Desktop;
let pat: Desktop;
const people = {
  rae: { name: 'Rae Reporter', email: 'rae@example.org', roles: ['reporter'] },
  pat: { name: 'Pat Publisher', email: 'pat@example.org', roles: ['publisher'] },
};

async function signedIn(who: keyof typeof people): Promise<Desktop> {
  const desktop = await openDesktop();
  await desktop.services.desk.signIn({ serverUrl: desk.server.url, email: people[who].email, password: PASSWORD });
  return desktop;
}

beforeAll(async () => {
  desk = await startDeskFixture({}, false);
  for (const person of Object.values(people)) await addUser(desk.server.db, { ...person, password: PASSWORD, desks: ['news'] });
  [rae, pat] = [await signedIn('rae'), await signedIn('pat')];
  await until(() => [rae, pat].every((desktop) => desktop.services.desk.status().state === 'connected'), 'two desktops connected', 120_000);
}, SLOW);
afterAll(async () => {
  for (const desktop of [rae, pat]) await desktop?.close();
  await desk?.stop();
}, 60_000);

async function sharedStory(headline: string): Promise<string> {
  const article = await rae.services.drafts.create({ section: 'News' });
  await rae.services.drafts.save({ ...article, headline }, 'manual');
  await rae.services.desk.share(article.id);
  await until(() => pat.services.drafts.summaryById(article.id) !== null, `“${headline}” on the publisher’s desktop`);
  return article.id;
}

/** The desk-wide log's refused re-timings of one story, as an editor or a publisher reads them. */
async function refusedTimings(storyId: string, token: string): Promise<AuditEntry[]> {
  const response = await fetch(`${desk.server.url}/api/desks/news/audit?kind=publish`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return deskAuditPageSchema.parse(await response.json()).entries.filter((entry) => entry.storyId === storyId && entry.action === 'timing-refused');
}

const LATER = { publish: { mode: 'scheduled' as const, at: '2030-01-02T10:00:00.000Z' }, embargoUntil: null, expiresAt: null };

describe('publisher-only controls of a desk story', () => {
  it('a reporter’s retract, send-back-to-draft, kill notice and send-as-draft are refused with the reason; a publisher’s are queued', async () => {
    const id = await sharedStory('Council meeting postponed');
    const retract = { articleId: id, targetId: 'site', headline: 'Council meeting postponed', mode: 'draft' as const };
    await expect(rae.services.publishing.outbox.enqueue({ ...retract, retract: { as: 'draft' } }))
      .rejects.toThrow('Only a publisher may retract a desk story or send it back to a draft on a site.');
    await expect(rae.services.publishing.outbox.enqueue({ ...retract, retract: { as: 'trash' } }))
      .rejects.toThrow('Only a publisher may retract a desk story');
    await expect(rae.services.publishing.outbox.enqueue({ ...retract, kill: { label: 'Withdrawn', text: 'Withdrawn.' } }))
      .rejects.toThrow('Only a publisher may replace a desk story on a site with a kill notice.');
    await expect(rae.services.publishing.outbox.enqueue(retract))
      .rejects.toThrow('Only a publisher may send a desk story to a site as a draft.');
    expect(rae.services.publishing.outbox.list()).toEqual([]);

    // An expiry's retract goes out on time without asking the desk (it was timed by a publisher).
    const expired = await rae.services.publishing.outbox.enqueue({ ...retract, retract: { as: 'draft', expiredAt: '2026-12-07T10:00:00.000Z' } });
    await rae.services.publishing.outbox.cancel(expired.id);

    for (const request of [retract, { ...retract, retract: { as: 'draft' as const } }, { ...retract, kill: { label: 'Withdrawn', text: 'Withdrawn.' } }]) {
      const job = await pat.services.publishing.outbox.enqueue(request);
      expect(job.articleId).toBe(id);
      await pat.services.publishing.outbox.cancel(job.id);
    }
  }, SLOW);

  it('a reporter cannot schedule a desk story on the board (the IPC call is refused, a forged board update undone by the desk); a publisher can', async () => {
    const id = await sharedStory('Bridge closes for repairs');
    await rae.services.handlers['board:place']({ item: { kind: 'article', id }, feedId: FEED });
    const key = `article:${id}` as const;
    await until(() => pat.services.feeds.get().placements[key] !== undefined, 'the card on the publisher’s board');

    await expect(rae.services.handlers['board:setTiming']({ key, ...LATER }))
      .rejects.toThrow('Only a publisher may change when a desk story goes live (schedule, embargo or expiry).');
    expect(rae.services.feeds.get().placements[key]?.publish).toEqual({ mode: 'now' });
    // A story of the reporter's own machine is the reporter's to time.
    const local = await rae.services.drafts.create({ section: 'News' });
    await rae.services.handlers['board:place']({ item: { kind: 'article', id: local.id }, feedId: FEED });
    await rae.services.handlers['board:setTiming']({ key: `article:${local.id}`, ...LATER });

    // Past the app: the reporter's session writes a schedule into the desk's board document.
    const { token } = await login(desk.server.url, people.rae.email, PASSWORD);
    const name = deskBoardDocumentName('news');
    const forger = connectDocument(webSocketUrlOf(desk.server.url), name, token);
    await until(() => forger.provider.isSynced && readDeskBoard(forger.doc).placements[id] !== undefined, 'the forger synced');
    const placement = readDeskBoard(forger.doc).placements[id];
    forger.doc.getMap(DESK_BOARD_PLACEMENTS).set(id, { ...placement, ...LATER });
    expect(readDeskBoard(forger.doc).placements[id]?.publish.mode).toBe('scheduled');
    // The desk undoes it with its own later write, which the forger's copy takes too (refusing the
    // update would cut the forger off at every reconnect, as its copy would send it again).
    await until(() => readDeskBoard(forger.doc).placements[id]?.publish.mode === 'now', 'the forged schedule undone on the forger’s copy');
    expect(forger.closes).toEqual([]);
    expect(readDeskBoard(forger.doc).placements[id]).toEqual(placement);
    expect(rae.services.feeds.get().placements[key]?.publish).toEqual({ mode: 'now' });
    expect(pat.services.feeds.get().placements[key]?.publish).toEqual({ mode: 'now' });
    // The desk's log says who tried, which timing was kept and which refused.
    const publisherToken = (await login(desk.server.url, people.pat.email, PASSWORD)).token;
    await until(async () => (await refusedTimings(id, publisherToken)).length > 0, 'the undone schedule in the desk’s log');
    const [refusal] = await refusedTimings(id, publisherToken);
    expect(refusal?.who).toBe('Rae Reporter');
    expect(refusal?.summary).toBe('Rae Reporter was refused re-timing the story: it stays “goes live once published”, not “scheduled for 2 Jan 2030, 10:00 UTC”. Only a publisher may schedule, embargo or time out a desk story.');
    // The forger's copy (the forged schedule and its undoing) comes back, as after a reconnect.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(forger.doc));
    forger.destroy();
    const again = connectDocument(webSocketUrlOf(desk.server.url), name, token, copy);
    await until(() => again.provider.isSynced, 'the forger back');
    again.destroy();

    // Timed while it was the reporter's own, the story joins the desk's board with its timing when shared.
    await rae.services.handlers['desk:share']({ id: local.id });
    await until(() => pat.services.feeds.get().placements[`article:${local.id}`]?.publish.mode === 'scheduled', 'the shared story’s own timing on the publisher’s board');

    // The publisher's schedule goes through and reaches the reporter's board.
    await pat.services.handlers['board:setTiming']({ key, ...LATER });
    await until(() => rae.services.feeds.get().placements[key]?.publish.mode === 'scheduled', 'the publisher’s schedule on the reporter’s board');
    const reader = connectDocument(webSocketUrlOf(desk.server.url), name, token);
    await until(() => reader.provider.isSynced && readDeskBoard(reader.doc).placements[id]?.publish.mode === 'scheduled', 'the schedule on the desk');
    expect(readDeskBoard(reader.doc).placements[id]?.publish).toEqual(LATER.publish);
    reader.destroy();
    // One attempt, one entry: the forger's reconnect and the publisher's own schedule add none.
    expect(await refusedTimings(id, publisherToken)).toHaveLength(1);
  }, SLOW);
});
