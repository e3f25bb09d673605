import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DESK_BOARD_ENTRIES, deskBoardDocumentName, readDeskBoard } from '../../shared/desk/desk-board';
import { webSocketUrlOf } from '../../electron/main/services/desk/desk-sync';
import { deskServicesSkipReason } from './services/real-services';
import { connectDocument, login, syncMessage, until } from './support/desk-clients';
import { PASSWORD, PEOPLE } from './support/desk-fixture';
import { openDesktop, signIn, startDeskUnderTest, type Desktop, type DeskUnderTest } from './support/desktops';

// The shared placement board: two app instances on one real desk server (its own process, real PostgreSQL).
const skipReason = deskServicesSkipReason();
if (skipReason) console.warn(`[desk-board] skipped: ${skipReason}`);

const FEED = 'news-feed';
/** A feed index past its end: the rules put the card last. */
const END = 1000;
let desk: DeskUnderTest;
let ana: Desktop;
let bo: Desktop;

beforeAll(async () => {
  if (skipReason) return;
  // Bo also publishes: timing a desk story (schedule, embargo, expiry) is a publisher's move.
  desk = await startDeskUnderTest({ bo: ['publisher'] });
  ana = await openDesktop();
  bo = await openDesktop();
  await signIn(ana, desk.url, 'ana');
  await signIn(bo, desk.url, 'bo');
  await until(() => ana.services.desk.status().state === 'connected' && bo.services.desk.status().state === 'connected', 'both desktops connected');
}, 180_000);

afterAll(async () => {
  await ana?.close();
  await bo?.close();
  await desk?.close();
}, 60_000);

const feedOf = (desktop: Desktop): string[] => (desktop.services.feeds.get().feeds[FEED] ?? []).map((entry) => entry.key);
const key = (id: string): string => `article:${id}`;

/** A story shared from Ana's desktop, in Bo's library too. */
async function sharedStory(headline: string): Promise<string> {
  const article = await ana.services.drafts.create({ section: 'News' });
  await ana.services.drafts.save({ ...article, headline }, 'manual');
  await ana.services.desk.share(article.id);
  await until(() => bo.services.drafts.summaryById(article.id) !== null, `“${headline}” in Bo’s library`);
  return article.id;
}

async function place(desktop: Desktop, id: string): Promise<void> {
  await desktop.services.handlers['board:place']({ item: { kind: 'article', id }, feedId: FEED });
}

async function move(desktop: Desktop, id: string, toIndex: number): Promise<void> {
  await desktop.services.handlers['board:move']({ key: key(id), fromFeedId: FEED, toFeedId: FEED, toIndex });
}

/** The order of the desk stories `ids` in a desktop's feed. */
const deskOrder = (desktop: Desktop, ids: readonly string[]): string[] => feedOf(desktop).filter((entry) => ids.some((id) => entry === key(id)));

describe.skipIf(skipReason !== null)('the shared placement board', () => {
  let stories: string[] = [];

  it('desk stories placed on one desktop appear on the other in the same order; a local story stays local', async () => {
    stories = [await sharedStory('One'), await sharedStory('Two'), await sharedStory('Three')];
    for (const id of stories) await place(ana, id);
    const local = await ana.services.drafts.create({ section: 'News' });
    await place(ana, local.id);
    await until(() => deskOrder(bo, stories).length === 3, 'the three desk stories on Bo’s board');
    expect(deskOrder(bo, stories)).toEqual(stories.map(key));
    expect(feedOf(bo)).not.toContain(key(local.id));
    expect(feedOf(ana)).toEqual([...stories.map(key), key(local.id)]);
    // Bo also sees the window's event to read the board again.
    expect(bo.events.some((entry) => entry.event === 'desk:boardChanged')).toBe(true);
  }, 120_000);

  it('two desktops reorder the same feed at once and end with the same order, both moves kept', async () => {
    const [one, two, three] = stories as [string, string, string];
    await Promise.all([move(ana, one, END), move(bo, three, 0)]);
    const expected = [three, two, one].map(key);
    await until(() => deskOrder(ana, stories).join() === expected.join() && deskOrder(bo, stories).join() === expected.join(), 'one order on both desktops');
    // Ana's local story stays on her board, after the story it followed.
    expect(feedOf(ana).length).toBe(4);
  }, 60_000);

  it('both move the same card at once: it ends in one place, the same on both desktops', async () => {
    const [one, two] = stories as [string, string, string];
    await Promise.all([move(ana, two, 0), move(bo, two, 2), move(bo, one, 0)]);
    await until(() => deskOrder(ana, stories).join() === deskOrder(bo, stories).join(), 'one order on both desktops');
    expect([...deskOrder(ana, stories)].sort()).toEqual(stories.map(key).sort());
  }, 60_000);

  it('pins and embargoes made on one desktop show on the other', async () => {
    const [, two] = stories as [string, string, string];
    await bo.services.handlers['board:pin']({ key: key(two), feedId: FEED, pinned: true });
    const embargoUntil = '2030-01-01T08:00:00.000Z';
    await expect(ana.services.handlers['board:setTiming']({ key: key(two), publish: { mode: 'now' }, embargoUntil, expiresAt: null }))
      .rejects.toThrow('Only a publisher may change when a desk story goes live');
    await bo.services.handlers['board:setTiming']({ key: key(two), publish: { mode: 'now' }, embargoUntil, expiresAt: null });
    await until(() => ana.services.feeds.get().placements[key(two)]?.embargoUntil === embargoUntil, 'the embargo on Ana’s board');
    expect(ana.services.feeds.get().feeds[FEED]?.[0]).toEqual({ key: key(two), pinned: true });
    await bo.services.handlers['board:pin']({ key: key(two), feedId: FEED, pinned: false });
    await until(() => ana.services.feeds.get().feeds[FEED]?.every((entry) => !entry.pinned) === true, 'the pin lifted on Ana’s board');
  }, 60_000);

  it('a story placed before it was shared keeps its place when the desk changes the board, and joins the desk board', async () => {
    const article = await ana.services.drafts.create({ section: 'News' });
    await ana.services.drafts.save({ ...article, headline: 'Placed first, shared later' }, 'manual');
    await place(ana, article.id);
    await ana.services.desk.share(article.id);
    // A change from the desk reaches Ana before she changes anything on her board.
    const [first] = deskOrder(bo, stories);
    await move(bo, first!.slice('article:'.length), END);
    await until(() => deskOrder(ana, stories).join() === deskOrder(bo, stories).join(), 'Bo’s move on Ana’s board');
    expect(feedOf(ana)).toContain(key(article.id));
    await until(() => feedOf(bo).includes(key(article.id)), 'the newly shared story on Bo’s board');
    stories = [...stories, article.id];
    expect(deskOrder(bo, stories)).toEqual(deskOrder(ana, stories));
  }, 60_000);

  it('moves made while the desk is down merge once it is back', async () => {
    const before = deskOrder(ana, stories).map((entry) => entry.slice('article:'.length));
    // Killed, not stopped: the desk goes away as a crash would, and nothing waits on its shutdown.
    await desk.stop(true);
    await until(() => ana.services.desk.status().state === 'offline' && bo.services.desk.status().state === 'offline', 'both desktops offline');
    // Ana moves the first card to the end; Bo moves the last card to the top, neither seeing the other.
    const first = before[0]!;
    const last = before.at(-1)!;
    const middle = before.slice(1, -1);
    await move(ana, first, END);
    await move(bo, last, 0);
    expect(deskOrder(ana, stories)).toEqual([...middle, last, first].map(key));
    await desk.restart();
    const expected = [last, ...middle, first].map(key);
    await until(() => deskOrder(ana, stories).join() === expected.join() && deskOrder(bo, stories).join() === expected.join(), 'the offline moves merged on both', 60_000);
    // A safety net for a loaded machine (the server process restarts on PostgreSQL), not a speed requirement.
  }, 240_000);

  it('a malformed board update is refused: its sender is cut off, nothing is stored, the others carry on', async () => {
    const { token } = await login(desk.url, PEOPLE.bo.email, PASSWORD);
    const name = deskBoardDocumentName('news');
    const client = connectDocument(webSocketUrlOf(desk.url), name, token);
    await until(() => client.provider.isSynced, 'the forger synced');
    // A hand-made update: an entry whose pin is not a yes/no, sent past the provider.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(client.doc));
    const before = Y.encodeStateVector(forged);
    forged.getMap(DESK_BOARD_ENTRIES).set(`${FEED}/forged-story`, { feedId: FEED, storyId: 'forged-story', pinned: 'very', position: 'a0' });
    client.sendRaw(syncMessage(name, Y.encodeStateAsUpdate(forged, before)));
    await until(() => client.closes.some((close) => close.includes('Board update refused')), `the forger disconnected (closes: ${client.closes.join(' | ')})`);
    expect(client.closes.find((close) => close.includes('Board update refused'))).toMatch(/Board update refused: The board entry “news-feed\/forged-story” is not valid/);
    client.destroy();
    // A fresh reader (after the server stored and reloaded nothing of it) and both desktops never saw it.
    const reader = connectDocument(webSocketUrlOf(desk.url), name, token);
    await until(() => reader.provider.isSynced, 'the reader synced');
    expect(reader.doc.getMap(DESK_BOARD_ENTRIES).has(`${FEED}/forged-story`)).toBe(false);
    expect(Object.keys(readDeskBoard(reader.doc).placements).sort()).toEqual([...stories].sort());
    reader.destroy();
    expect(feedOf(bo).some((entry) => entry.includes('forged'))).toBe(false);
    // The desktops still sync moves.
    const [first] = deskOrder(ana, stories);
    await move(ana, first!.slice('article:'.length), END);
    await until(() => deskOrder(bo, stories).join() === deskOrder(ana, stories).join(), 'a move after the refusal on both');
  }, 60_000);
});
