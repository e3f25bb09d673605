import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { addUser } from '../../server/accounts';
import { recordAudit } from '../../server/audit-log';
import type { AuditAction } from '../../shared/desk/audit';
import { DESK_BOARD_PLACEMENTS, deskBoardDocumentName, readDeskBoard } from '../../shared/desk/desk-board';
import { webSocketUrlOf } from '../../electron/main/services/desk/desk-sync';
import { connectDocument, login } from '../desk/support/desk-clients';
import { PASSWORD, startDeskFixture, type DeskFixture } from '../desk/support/desk-fixture';
import { makeBaseImage } from '../support/photo-fixtures';
import { emptyRemoteRecord } from '../../electron/main/services/publishing/remote/remote-records';
import { fillSignIn, openDeskPreferences } from './desk-ui-helpers';
import { draftItem } from './drafting-helpers';
import { openDialog, publishPanel } from './publishing-helpers';
import { cardOf, openFeedsDesk, SCREENS } from './feed-board-helpers';
import { expect, test } from './harness/fixtures';
import { editor, fixtureDir, importWithPicker, openLibrary, tile } from './photo-library-helpers';

// The desk-wide audit log and the board's publisher gate, in the app, against a real desk server
// (in this process, embedded PGlite): an editor reads the whole desk's log a page at a time and by
// kind, and reads there that the desk undid a reporter's forged schedule; a reporter is told why
// the log is closed, and finds a desk story's Schedule closed on the board, and its Retract closed
// in the Publish panel and in a photo kill, with the reason.

const FEED = 'news-feed';
const ACTIONS: AuditAction[] = ['status', 'assigned', 'published', 'credit', 'status-refused'];
let desk: DeskFixture;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await mkdir(SCREENS, { recursive: true });
  desk = await startDeskFixture({}, false);
  await addUser(desk.server.db, { name: 'Rae Reporter', email: 'rae@example.org', roles: ['reporter'], password: PASSWORD, desks: ['news'] });
  await addUser(desk.server.db, { name: 'Ed Editor', email: 'ed@example.org', roles: ['editor'], password: PASSWORD, desks: ['news'] });
  // Sixty steps on the desk, oldest first: more than one page of the log.
  for (let step = 1; step <= 60; step += 1) {
    const action = ACTIONS[step % ACTIONS.length]!;
    await recordAudit(desk.server.db, { deskId: 'news', storyId: `story-${step % 4}`, userId: null, userName: step % 2 ? 'Ed Editor' : 'Pat Publisher', action, summary: `Step ${step} (${action})` });
  }
});

test.afterAll(async () => {
  await desk?.stop();
});

async function signIn(page: Page, email: string): Promise<void> {
  const dialog = await openDeskPreferences(page);
  await fillSignIn(page, { serverUrl: desk.server.url, email, password: PASSWORD });
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog.getByTestId('desk-signed-in')).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('desk-chip')).toHaveText(/^Connected to /);
}

test('an editor reads the whole desk’s audit log newest first, a page at a time, and by kind', async ({ launch }) => {
  test.setTimeout(180_000);
  const { page } = await launch();
  await signIn(page, 'ed@example.org');
  await page.getByTestId('desk-audit-open').click();
  const log = page.getByTestId('desk-audit-dialog');
  const entries = log.getByTestId('desk-audit-entry');
  await expect(entries).toHaveCount(50);
  await expect(entries.first()).toContainText('Step 60 (status)');
  await expect(entries.first()).toContainText('Pat Publisher');
  await expect(entries.nth(49)).toContainText('Step 11 (assigned)');
  await page.screenshot({ path: `${SCREENS}/desk-audit-log.png` });

  await log.getByRole('button', { name: 'Show older' }).click();
  await expect(entries).toHaveCount(60);
  await expect(entries.last()).toContainText('Step 1 (assigned)');
  await expect(log.getByRole('button', { name: 'Show older' })).toHaveCount(0);

  await log.getByTestId('desk-audit-kind').selectOption({ label: 'Assignments' });
  await expect(entries).toHaveCount(12);
  for (const action of await entries.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')))) expect(action).toBe('assigned');
  await log.getByTestId('desk-audit-kind').selectOption({ label: 'Status changes' });
  await expect(entries).toHaveCount(24);
  await expect(entries.first()).toContainText('Step 60 (status)');
  await log.screenshot({ path: `${SCREENS}/desk-audit-log-status.png` });
});

test('a reporter is told why the desk’s log is closed, and a desk story’s Schedule on the board is closed with the reason', async ({ launch }) => {
  test.setTimeout(180_000);
  const app = await launch();
  const { page } = app;
  await signIn(page, 'rae@example.org');

  await page.getByTestId('desk-audit-open').click();
  const log = page.getByTestId('desk-audit-dialog');
  await expect(log).toContainText('Only an editor, a publisher or an admin may read the whole desk’s audit log');
  await expect(log.getByTestId('desk-audit-entry')).toHaveCount(0);
  await log.getByRole('button', { name: 'Close' }).last().click();

  const services = app.services();
  const shared = await services.drafts.create({ section: 'News' });
  await services.drafts.save({ ...shared, headline: 'Bridge closes for repairs' }, 'manual');
  await services.desk.share(shared.id);
  const local = await services.drafts.create({ section: 'News' });
  await services.drafts.save({ ...local, headline: 'Notes for the weekend' }, 'manual');
  for (const id of [shared.id, local.id]) await services.handlers['board:place']({ item: { kind: 'article', id }, feedId: FEED });

  await openFeedsDesk(page);
  const deskCard = cardOf(page, FEED, 'Bridge closes for repairs');
  const schedule = deskCard.getByRole('button', { name: 'Schedule…' });
  await expect(schedule).toBeDisabled({ timeout: 30_000 });
  await expect(schedule).toHaveAttribute('title', 'Only a publisher may change when a desk story goes live (schedule, embargo or expiry). Nothing was changed; ask a publisher on the desk.');
  // The reporter's own story is the reporter's to time.
  await expect(cardOf(page, FEED, 'Notes for the weekend').getByRole('button', { name: 'Schedule…' })).toBeEnabled();
  await deskCard.hover();
  await deskCard.screenshot({ path: `${SCREENS}/desk-gates-card.png` });
});

test('a reporter’s Retract and Kill of a desk story on a site are closed with the reason', async ({ launch }) => {
  test.setTimeout(180_000);
  const app = await launch();
  const { page } = app;
  await signIn(page, 'rae@example.org');
  const services = app.services();
  const story = await services.drafts.create({ section: 'News' });
  await services.drafts.save({ ...story, headline: 'Harbour reopens after the storm' }, 'manual');
  await services.desk.share(story.id);
  // The story is on a site as far as this machine knows (published from here before it was shared).
  const target = await services.publishing.targets.save({ kind: 'wordpress', name: 'Harbour Gazette', siteUrl: 'http://127.0.0.1:9', user: 'editor' });
  await services.publishing.records.put({ ...emptyRemoteRecord(target.id, story.id, 'a'.repeat(32)), postId: 42, link: 'https://gazette.example/harbour-reopens/' });

  await draftItem(page, 'Harbour reopens after the storm').click();
  await page.getByRole('button', { name: 'Publish…' }).click();
  const panel = publishPanel(page);
  await expect(panel.getByTestId('story-site')).toHaveCount(1);

  await panel.getByRole('button', { name: 'Retract…' }).click();
  const retract = openDialog(page, 'retract-dialog');
  await expect(retract.getByTestId('retract-closed')).toHaveText('Only a publisher may retract a desk story or send it back to a draft on a site. Nothing was changed; ask a publisher on the desk.', { timeout: 30_000 });
  await expect(retract.getByRole('button', { name: 'Retract to draft' })).toBeDisabled();
  await page.screenshot({ path: `${SCREENS}/desk-gates-retract.png` });
  await retract.getByRole('button', { name: 'Keep it on the site' }).first().click();

  await panel.getByRole('button', { name: 'Kill…' }).click();
  const kill = openDialog(page, 'kill-dialog');
  await expect(kill.getByTestId('kill-closed')).toHaveText('Only a publisher may replace a desk story on a site with a kill notice. Nothing was changed; ask a publisher on the desk.', { timeout: 30_000 });
  await expect(kill.getByRole('button', { name: 'Replace with the kill notice' })).toBeDisabled();
  expect(services.publishing.outbox.list()).toEqual([]);
});

test('a reporter’s Retract the story in a photo kill is closed with the reason for a desk story, open for a story of the machine', async ({ launch }) => {
  test.setTimeout(180_000);
  const app = await launch();
  const { page } = app;
  await signIn(page, 'rae@example.org');
  const file = join(await fixtureDir(), 'harbour.jpg');
  await makeBaseImage(file, 'jpeg', { width: 320, height: 200, seed: 31 });
  await openLibrary(page);
  await importWithPicker(app, [file]);

  const services = app.services();
  const photo = (await services.media.list({ text: 'harbour' })).items[0]!;
  const use = { photoId: photo.id, caption: 'The harbour', credit: 'Ann Lee/AFP', creditEdited: false, altText: 'Boats' };
  const target = await services.publishing.targets.save({ kind: 'wordpress', name: 'Harbour Gazette', siteUrl: 'http://127.0.0.1:9', user: 'editor' });
  const onSite = async (headline: string, postId: number, share: boolean): Promise<void> => {
    const story = await services.drafts.create({ section: 'News' });
    await services.drafts.save({ ...story, headline, leadPhoto: use }, 'manual');
    if (share) await services.desk.share(story.id);
    // On the site as far as this machine knows (published from here, before it was shared).
    await services.publishing.records.put({ ...emptyRemoteRecord(target.id, story.id, String(postId).repeat(32).slice(0, 32)), postId, link: `https://gazette.example/${postId}/` });
  };
  await onSite('Harbour reopens after the storm', 4, true);
  await onSite('Notes on the harbour walk', 5, false);

  await tile(page, 'harbour.jpg').click();
  await editor(page).getByTestId('kill-photo').click();
  const dialog = page.getByTestId('kill-photo-dialog');
  await dialog.getByLabel('Reason (from the kill notice)').fill('AFP kill: the picture was digitally altered.');
  await dialog.getByRole('button', { name: 'Kill the photo' }).click();

  const stories = dialog.getByTestId('photo-kill-story');
  await expect(stories).toHaveCount(2);
  const deskStory = stories.filter({ hasText: 'Harbour reopens after the storm' });
  const retract = deskStory.getByRole('button', { name: 'Retract the story' });
  await expect(retract).toBeDisabled({ timeout: 30_000 });
  const closed = 'Only a publisher may retract a desk story or send it back to a draft on a site. Nothing was changed; ask a publisher on the desk.';
  await expect(retract).toHaveAttribute('title', closed);
  await expect(deskStory.getByTestId('photo-kill-retract-closed')).toHaveText(closed);
  // The story of this machine only is the reporter's to take off the site.
  const ownStory = stories.filter({ hasText: 'Notes on the harbour walk' });
  await expect(ownStory.getByRole('button', { name: 'Retract the story' })).toBeEnabled();
  await expect(ownStory.getByTestId('photo-kill-retract-closed')).toHaveCount(0);
  await dialog.screenshot({ path: `${SCREENS}/desk-gates-photo-kill.png` });
  expect(services.publishing.outbox.list()).toEqual([]);
});

test('an editor reads in the desk’s log that a reporter’s forged embargo on the board was undone', async ({ launch }) => {
  test.setTimeout(180_000);
  const reporter = await launch();
  await signIn(reporter.page, 'rae@example.org');
  const services = reporter.services();
  const story = await services.drafts.create({ section: 'News' });
  await services.drafts.save({ ...story, headline: 'Tram line reopens on Monday' }, 'manual');
  await services.desk.share(story.id);
  await services.handlers['board:place']({ item: { kind: 'article', id: story.id }, feedId: FEED });

  // Past the app: the reporter's session writes an embargo into the desk's board; the desk undoes it.
  const { token } = await login(desk.server.url, 'rae@example.org', PASSWORD);
  const forger = connectDocument(webSocketUrlOf(desk.server.url), deskBoardDocumentName('news'), token);
  try {
    await expect.poll(() => forger.provider.isSynced && readDeskBoard(forger.doc).placements[story.id] !== undefined, { timeout: 30_000 }).toBe(true);
    const placement = readDeskBoard(forger.doc).placements[story.id]!;
    forger.doc.getMap(DESK_BOARD_PLACEMENTS).set(story.id, { ...placement, embargoUntil: '2030-01-02T08:00:00.000Z' });
    await expect.poll(() => readDeskBoard(forger.doc).placements[story.id]?.embargoUntil, { timeout: 30_000 }).toBeNull();
  } finally {
    forger.destroy();
  }

  const { page } = await launch();
  await signIn(page, 'ed@example.org');
  await page.getByTestId('desk-audit-open').click();
  const log = page.getByTestId('desk-audit-dialog');
  await log.getByTestId('desk-audit-kind').selectOption({ label: 'Publishes and timing' });
  const refused = log.locator('[data-testid="desk-audit-entry"][data-action="timing-refused"]');
  await expect(refused).toHaveCount(1);
  await expect(refused).toContainText('Rae Reporter');
  await expect(refused).toContainText('Tram line reopens on Monday');
  await expect(refused).toContainText('Rae Reporter was refused re-timing the story: it stays “no embargo”, not “embargoed until 2 Jan 2030, 08:00 UTC”. Only a publisher may schedule, embargo or time out a desk story.');
  await log.screenshot({ path: `${SCREENS}/desk-audit-log-timing.png` });
});
