import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { addUser } from '../../server/accounts';
import { PASSWORD, PEOPLE, startDeskFixture, type DeskFixture } from '../desk/support/desk-fixture';
import { EXIFTOOL_MISSING_REASON, exiftoolAvailable, makePhotoFixture } from '../support/photo-fixtures';
import { fillSignIn, openDeskPreferences } from './desk-ui-helpers';
import { draftItem, newArticle, saved, SCREENS } from './drafting-helpers';
import { expect, test } from './harness/fixtures';
import { fixtureDir, importWithPicker, openLibrary, tile } from './photo-library-helpers';

// The photo request between two apps on one real desk server (in this process, embedded PGlite):
// the editor asks for a photo in a desk story's metadata panel, the photo desk sees the request
// under "On the desk" and attaches a desk photo, and the editor's story, draft card and budget say
// "photo ready". A reporter sees publishing, scheduling and planning closed, each with the reason.

let desk: DeskFixture;
const skipReason: string | null = exiftoolAvailable() ? null : EXIFTOOL_MISSING_REASON;
const REPORTER = { name: 'Rae Reporter', email: 'rae@example.org' };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await mkdir(SCREENS, { recursive: true });
  if (skipReason) {
    console.warn(`Skipped the desk photo request spec: ${skipReason}`);
    return;
  }
  desk = await startDeskFixture();
  await addUser(desk.server.db, { ...REPORTER, roles: ['reporter'], password: PASSWORD, desks: ['news'] });
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

async function shareToDesk(page: Page, headline: string): Promise<void> {
  await draftItem(page, headline).hover();
  await page.getByRole('button', { name: `Share “${headline}” to the desk` }).click();
  await page.getByTestId('share-dialog').getByRole('button', { name: 'Share', exact: true }).click();
  await expect(page.getByTestId('desk-workflow')).toBeVisible({ timeout: 30_000 });
}

const HEADLINE = 'Night ferry cancelled';

test('the editor asks for a photo, the photo desk attaches one on its own machine, and the editor sees “photo ready”', async ({ launch }) => {
  test.skip(skipReason !== null, skipReason ?? '');
  test.setTimeout(300_000);
  const editorApp = await launch();
  const photoApp = await launch();
  const editor = editorApp.page;
  const photoDesk = photoApp.page;
  await signIn(editor, PEOPLE.ana.email);
  await signIn(photoDesk, PEOPLE.bo.email);

  const body = await newArticle(editor, HEADLINE);
  await body.pressSequentially('The last ferry to the islands did not sail on Monday.');
  await saved(editor);
  await shareToDesk(editor, HEADLINE);
  // A desk story has one status, the desk's: the local status menu is gone.
  const details = editor.getByRole('complementary', { name: 'Article details' });
  await expect(details.getByLabel('Status', { exact: true })).toHaveCount(0);
  await expect(details.getByTestId('desk-workflow-status')).toHaveText('Draft');

  const request = details.getByTestId('photo-request');
  await request.getByLabel('Photo wanted').fill('the dark terminal at night');
  await request.getByRole('button', { name: 'Ask the photo desk' }).click();
  await expect(request.getByTestId('photo-request-state')).toHaveText('Photo wanted: the dark terminal at night');
  await request.scrollIntoViewIfNeeded();
  await details.screenshot({ path: `${SCREENS}/desk-photo-request-asked.png` });

  // The photo desk imports a credited photo, shares it, and sees the request under "On the desk".
  const file = await makePhotoFixture(await fixtureDir(), 'iimAndXmp', { name: 'ferry-terminal', seed: 33 });
  await openLibrary(photoDesk);
  await importWithPicker(photoApp, [file]);
  await tile(photoDesk, 'ferry-terminal.jpg').click();
  const onDesk = photoDesk.getByTestId('desk-photos');
  await onDesk.getByRole('button', { name: 'Share to desk' }).click();
  await expect(onDesk.getByTestId('desk-photo')).toContainText('In this library', { timeout: 30_000 });
  const open = onDesk.getByTestId('photo-request-item').filter({ hasText: HEADLINE });
  await expect(open).toContainText('Photo wanted: the dark terminal at night', { timeout: 30_000 });
  await open.scrollIntoViewIfNeeded();
  await onDesk.screenshot({ path: `${SCREENS}/desk-photo-request-on-the-desk.png` });
  await open.getByRole('button', { name: 'Attach' }).click();
  await expect(photoDesk.getByTestId('toast').filter({ hasText: `to “${HEADLINE}”: photo ready.` })).toBeVisible({ timeout: 60_000 });
  await expect(open).toBeHidden({ timeout: 30_000 });

  // The editor's story, its draft card and the budget all say so.
  await expect(request.getByTestId('photo-request-state')).toHaveText('Photo ready (attached by Bo Photo)', { timeout: 30_000 });
  // The photo is the story's lead on the editor's machine too (its file is fetched when needed).
  await expect(details.getByTestId('lead-photo').getByRole('button', { name: 'Replace…' })).toBeVisible();
  // Its original was fetched into this library: the lead photo shows, not "no longer in the library".
  await expect.poll(() => details.getByTestId('lead-photo').locator('img').first().evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 60_000 }).toBeGreaterThan(0);
  await expect(details.getByTestId('lead-photo')).not.toContainText('no longer in the library');
  await expect(draftItem(editor, HEADLINE).getByTestId('desk-photo-mark')).toHaveText('Photo ready', { timeout: 30_000 });
  await details.screenshot({ path: `${SCREENS}/desk-photo-request-ready.png` });
  await request.scrollIntoViewIfNeeded();
  await request.screenshot({ path: `${SCREENS}/desk-photo-request-ready-state.png` });
  await editor.getByRole('list', { name: /drafts/i }).or(draftItem(editor, HEADLINE)).first().screenshot({ path: `${SCREENS}/desk-photo-request-draft-card.png` });
  await editor.keyboard.press('ControlOrMeta+5');
  const budgetRow = editor.getByTestId('budget-row').filter({ hasText: HEADLINE });
  await expect(budgetRow.getByTestId('budget-photo')).toContainText('Photo ready', { timeout: 30_000 });
  await expect(budgetRow.getByTestId('budget-photo')).toContainText('Bo Photo');
  await editor.screenshot({ path: `${SCREENS}/desk-photo-request-budget.png` });
});

test('a reporter sees Publish closed on a desk story, and planning and assigning closed in the budget, each with the reason', async ({ launch }) => {
  test.skip(skipReason !== null, skipReason ?? '');
  test.setTimeout(240_000);
  const planned = await fetch(`${desk.server.url}/api/desks/news/budget`, {
    method: 'POST', headers: { Authorization: `Bearer ${desk.tokens.ana}` },
    body: JSON.stringify({ slug: 'ferry-timetable', headline: 'Winter ferry timetable', section: 'News', slot: 'News Feed, 15:00', due: '', lengthTarget: 300, assigneeId: '', photoRequest: '', deskNote: '' }),
  });
  expect(planned.status).toBe(201);
  const { page } = await launch();
  await signIn(page, REPORTER.email);
  // The desk's stories are in the list first: a new article is made after they arrived, not while.
  await expect(draftItem(page, 'Winter ferry timetable')).toBeVisible({ timeout: 30_000 });
  const body = await newArticle(page, 'Ferry fares frozen');
  await body.pressSequentially('Fares stay the same until spring.');
  await saved(page);
  await shareToDesk(page, 'Ferry fares frozen');

  await page.getByRole('button', { name: 'Publish…' }).click();
  const panel = page.getByTestId('publish-panel');
  await expect(panel.getByTestId('publish-note')).toHaveText('This is a desk story: only a publisher on the desk may publish or schedule it. Set it ready for review and a publisher sends it.', { timeout: 30_000 });
  await expect(panel.getByRole('button', { name: 'Publish', exact: true })).toBeDisabled();
  await panel.screenshot({ path: `${SCREENS}/desk-reporter-publish-closed.png` });
  await page.keyboard.press('Escape');

  await page.keyboard.press('ControlOrMeta+5');
  await expect(page.getByRole('region', { name: 'Budget' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Plan a story' })).toBeDisabled();
  await expect(page.getByText('Only an editor plans and assigns stories.')).toBeVisible();
  const assign = page.getByTestId('budget-row').filter({ hasText: 'Winter ferry timetable' }).getByRole('button', { name: /^Assign Winter ferry timetable/ });
  await expect(assign).toBeDisabled();
  await expect(assign).toHaveAttribute('title', 'Only an editor plans and assigns stories.');
  await page.screenshot({ path: `${SCREENS}/desk-reporter-budget-closed.png` });
});
