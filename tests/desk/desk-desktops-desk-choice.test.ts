import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDeskDatabase } from '../../server/db/database';
import type { StorySummary } from '../../shared/desk/desk-protocol';
import { deskServicesSkipReason } from './services/real-services';
import { login, until } from './support/desk-clients';
import { PASSWORD } from './support/desk-fixture';
import { attachWindow, metaOf, openDesktop, startDeskUnderTest, type Desktop, type DeskUnderTest } from './support/desktops';

// A user on two desks chooses which one the desktop works on, on a real desk server.
const skipReason = deskServicesSkipReason();
if (skipReason) console.warn(`[desk-desktops-desk-choice] skipped: ${skipReason}`);

/** On the news and the sport desk, unlike everyone in PEOPLE. */
const DI = { name: 'Di Both', email: 'di@example.org', role: 'editor', desks: ['news', 'sport'] };

let desk: DeskUnderTest;
const opened: Desktop[] = [];

beforeAll(async () => {
  if (!skipReason) desk = await startDeskUnderTest({}, [DI]);
}, 180_000);

afterAll(async () => {
  for (const desktop of opened) await desktop.close();
  await desk?.close();
}, 60_000);

async function desktop(dir?: string): Promise<Desktop> {
  const made = await openDesktop(dir);
  opened.push(made);
  return made;
}

async function closeDesktop(made: Desktop): Promise<void> {
  await made.close();
  opened.splice(opened.indexOf(made), 1);
}

/** A desk's story list as the server answers it, asked with a token of Di's own (not through the desktop). */
async function storiesOn(deskId: string): Promise<StorySummary[]> {
  const { token } = await login(desk.url, DI.email, PASSWORD);
  const response = await fetch(new URL(`api/desks/${deskId}/stories`, `${desk.url}/`), { headers: { Authorization: `Bearer ${token}` } });
  return ((await response.json()) as { stories: StorySummary[] }).stories;
}

async function newStory(on: Desktop, headline: string): Promise<string> {
  const article = await on.services.drafts.create({ section: 'News' });
  await on.services.drafts.save({ ...article, headline }, 'manual');
  return article.id;
}

const connectedTo = (on: Desktop, deskId: string): boolean => on.services.desk.status().state === 'connected' && on.services.desk.status().desk?.id === deskId;

describe.skipIf(skipReason !== null)('a user on two desks', () => {
  it('signs in, switches to the second desk and shares there; switching back syncs the first desk’s stories', async () => {
    const di = await desktop();
    const status = await di.services.desk.signIn({ serverUrl: desk.url, email: DI.email, password: PASSWORD });
    expect(status.desk).toEqual({ id: 'news', name: 'news' });
    expect(status.desks).toEqual([{ id: 'news', name: 'news' }, { id: 'sport', name: 'sport' }]);
    await until(() => connectedTo(di, 'news'), 'connected to the news desk');
    const newsStory = await newStory(di, 'Council budget passes');
    expect(await di.services.desk.share(newsStory)).toEqual({ deskId: 'news', storyId: newsStory });
    await until(async () => (await storiesOn('news')).some((story) => story.storyId === newsStory), 'the story on the news desk');

    const switched = await di.services.desk.chooseDesk('sport');
    expect(switched).toMatchObject({ desk: { id: 'sport', name: 'sport' }, message: null });
    expect(switched.desks).toHaveLength(2);
    await until(() => connectedTo(di, 'sport'), 'connected to the sport desk');
    // The budget follows the desk (the board too: both are told the session on every switch).
    expect(di.services.budget.snapshot().deskId).toBe('sport');
    const sportStory = await newStory(di, 'Derby ends in a draw');
    expect(await di.services.desk.share(sportStory)).toEqual({ deskId: 'sport', storyId: sportStory });
    await until(async () => (await di.services.desk.stories()).some((story) => story.storyId === sportStory), 'the story in the sport desk’s list');
    expect((await di.services.desk.stories()).map((story) => story.storyId)).not.toContain(newsStory);
    expect((await storiesOn('news')).map((story) => story.storyId)).not.toContain(sportStory);
    await until(async () => (await di.services.desk.search('derby')).stories.some((story) => story.storyId === sportStory), 'the archive search on the sport desk');
    // The news story stays linked to its own desk (sharing it again changes nothing).
    expect(di.services.desk.sharedOf(newsStory)).toEqual({ deskId: 'news', storyId: newsStory });
    expect(await di.services.desk.share(newsStory)).toEqual({ deskId: 'news', storyId: newsStory });

    // An edit of the news story while on sport: kept here, and sent once the news desk is chosen again.
    const window = await attachWindow(di.services, newsStory, 'di-window-1');
    metaOf(window.doc).set('headline', 'Council budget passes after all-night session');
    const back = await di.services.desk.chooseDesk('news');
    expect(back.desk).toEqual({ id: 'news', name: 'news' });
    await until(() => connectedTo(di, 'news'), 'connected to the news desk again');
    expect(di.services.budget.snapshot().deskId).toBe('news');
    await until(
      async () => (await storiesOn('news')).some((story) => story.storyId === newsStory && story.headline === 'Council budget passes after all-night session'),
      'the edit made meanwhile on the news desk',
    );
    expect((await di.services.desk.stories()).map((story) => story.storyId)).not.toContain(sportStory);
    window.detach();

    // The choice is kept with the session: a restart works on the desk chosen last, and so does
    // signing in again after signing out (or after the session expired).
    await di.services.desk.chooseDesk('sport');
    await closeDesktop(di);
    const again = await desktop(di.dir);
    expect(again.services.desk.status()).toMatchObject({ desk: { id: 'sport' }, desks: [{ id: 'news' }, { id: 'sport' }] });
    await until(() => connectedTo(again, 'sport'), 'the restarted desktop on the sport desk');
    await again.services.desk.signOut();
    await closeDesktop(again);
    const later = await desktop(di.dir);
    expect(later.services.desk.status()).toMatchObject({ state: 'signed-out', desk: null, desks: [] });
    expect((await later.services.desk.signIn({ serverUrl: desk.url, email: DI.email, password: PASSWORD })).desk).toEqual({ id: 'sport', name: 'sport' });
  }, 120_000);

  it('signs in on a chosen desk, and refuses a desk that is not the user’s', async () => {
    const di = await desktop();
    const status = await di.services.desk.signIn({ serverUrl: desk.url, email: DI.email, password: PASSWORD, deskId: 'sport' });
    expect(status.desk).toEqual({ id: 'sport', name: 'sport' });
    const session = JSON.parse(await readFile(join(di.dir, 'library', 'desk', 'session.json'), 'utf8')) as { signedIn: { desk: unknown; desks: unknown } };
    expect(session.signedIn).toMatchObject({ desk: { id: 'sport' }, desks: [{ id: 'news' }, { id: 'sport' }] });
    await expect(di.services.desk.chooseDesk('business')).rejects.toThrow('You are no longer on the desk “business”, so Newsdesk stays on “sport”.');
    const other = await desktop();
    await expect(other.services.desk.signIn({ serverUrl: desk.url, email: DI.email, password: PASSWORD, deskId: 'business' }))
      .rejects.toThrow('Di Both is not on the desk “business”, so Newsdesk did not sign in.');
    expect(other.services.desk.status()).toMatchObject({ state: 'signed-out', desks: [] });
  }, 60_000);

  it('a desk the user was taken off since signing in is refused with a sentence, and no longer offered', async () => {
    const di = await desktop();
    await di.services.desk.signIn({ serverUrl: desk.url, email: DI.email, password: PASSWORD, deskId: 'news' });
    await until(() => connectedTo(di, 'news'), 'connected to the news desk');
    const scratch = await mkdtemp(join(tmpdir(), 'desk-choice-db-'));
    const db = await openDeskDatabase({ url: desk.databaseUrl, dataDir: scratch });
    try {
      await db.query("DELETE FROM desk_members WHERE desk_id = 'sport' AND user_id = (SELECT id FROM users WHERE email = $1)", [DI.email]);
      await expect(di.services.desk.chooseDesk('sport')).rejects.toThrow('You are no longer on the desk “sport”, so Newsdesk stays on “news”.');
      expect(di.services.desk.status()).toMatchObject({ state: 'connected', desk: { id: 'news' }, desks: [{ id: 'news', name: 'news' }] });
    } finally {
      await db.query("INSERT INTO desk_members (desk_id, user_id) SELECT 'sport', id FROM users WHERE email = $1 ON CONFLICT DO NOTHING", [DI.email]);
      await db.close();
      await rm(scratch, { recursive: true, force: true });
    }
  }, 60_000);
});
