import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { addUser } from '../../server/accounts';
import { storyListResponseSchema } from '../../shared/desk/desk-protocol';
import { login } from '../desk/support/desk-clients';
import { PASSWORD, startDeskFixture, type DeskFixture } from '../desk/support/desk-fixture';
import { fillSignIn, openDeskPreferences } from './desk-ui-helpers';
import { draftItem, newArticle, saved, SCREENS } from './drafting-helpers';
import { expect, test } from './harness/fixtures';

// The desk status control and the audit log, in the app, against a real desk server (in this
// process, embedded PGlite): a reporter sees only the moves a reporter may make, and why the
// others are closed; an editor's approval elsewhere shows up; the reporter's later text change
// sends the story back to review; the audit log lists every step.

let desk: DeskFixture;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await mkdir(SCREENS, { recursive: true });
  desk = await startDeskFixture({}, false);
  await addUser(desk.server.db, { name: 'Rae Reporter', email: 'rae@example.org', roles: ['reporter'], password: PASSWORD, desks: ['news'] });
  await addUser(desk.server.db, { name: 'Ed Editor', email: 'ed@example.org', roles: ['editor'], password: PASSWORD, desks: ['news'] });
});

test.afterAll(async () => {
  await desk?.stop();
});

async function signInAsReporter(page: Page): Promise<void> {
  const dialog = await openDeskPreferences(page);
  await fillSignIn(page, { serverUrl: desk.server.url, email: 'rae@example.org', password: PASSWORD });
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog.getByTestId('desk-signed-in')).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('desk-chip')).toHaveText(/^Connected to /);
}

/** The editor approves from another machine, through the desk's API. */
async function approveElsewhere(headline: string): Promise<void> {
  const { token } = await login(desk.server.url, 'ed@example.org', PASSWORD);
  const headers = { Authorization: `Bearer ${token}` };
  let storyId: string | undefined;
  await expect.poll(async () => {
    const list = storyListResponseSchema.parse(await (await fetch(`${desk.server.url}/api/desks/news/stories`, { headers })).json());
    storyId = list.stories.find((story) => story.headline === headline)?.storyId;
    return storyId;
  }, { timeout: 30_000 }).toBeTruthy();
  const moved = await fetch(`${desk.server.url}/api/desks/news/stories/${storyId}/status`, { method: 'POST', headers, body: JSON.stringify({ to: 'approved' }) });
  expect(moved.status).toBe(200);
}

test('a reporter moves a desk story only as far as review; an approval and a later text change show; the audit log lists each step', async ({ launch }) => {
  test.setTimeout(240_000);
  const { page } = await launch();
  await signInAsReporter(page);
  const body = await newArticle(page, 'Ferry timetable changes');
  await body.pressSequentially('Ferries run hourly from Monday.');
  await saved(page);
  await draftItem(page, 'Ferry timetable changes').hover();
  await page.getByRole('button', { name: 'Share “Ferry timetable changes” to the desk' }).click();
  await page.getByTestId('share-dialog').getByRole('button', { name: 'Share', exact: true }).click();

  const control = page.getByTestId('desk-workflow');
  await expect(control.getByTestId('desk-workflow-status')).toHaveText('Draft', { timeout: 30_000 });
  await control.getByRole('button', { name: 'Ready for review' }).click();
  await expect(control.getByTestId('desk-workflow-status')).toHaveText('Ready for review');
  // Approving is an editor's step: shown, disabled, with the reason.
  await expect(control.getByRole('button', { name: 'Approved' })).toBeDisabled();
  await expect(control).toContainText('Only an editor may set a story approved.');
  await expect(control.getByRole('button', { name: 'Draft' })).toBeEnabled();
  await control.screenshot({ path: `${SCREENS}/desk-workflow-reporter.png` });

  await approveElsewhere('Ferry timetable changes');
  await expect(control.getByTestId('desk-workflow-status')).toHaveText('Approved', { timeout: 30_000 });
  await expect(control.getByTestId('desk-workflow-last')).toHaveText('Approved (Ed Editor)');
  // Scheduling and publishing are a publisher's: nothing this reporter may do now.
  await expect(control.getByRole('button', { name: 'Published' })).toBeDisabled();
  await expect(control).toContainText('Only a publisher may set a story published.');

  await body.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' Tickets are free.');
  await expect(control.getByTestId('desk-workflow-status')).toHaveText('Ready for review', { timeout: 30_000 });
  await expect(control.getByTestId('desk-workflow-last')).toHaveText('Back to review: Rae Reporter changed the text after it was approved');

  await control.getByRole('button', { name: 'Audit log…' }).click();
  const log = page.getByTestId('audit-dialog');
  await expect(log.getByTestId('audit-entry')).toHaveCount(3);
  await expect(log.getByTestId('audit-entry').nth(0)).toContainText('Back to review: Rae Reporter changed the text after it was approved');
  await expect(log.getByTestId('audit-entry').nth(1)).toContainText('Ed Editor: Ready for review → Approved');
  await expect(log.getByTestId('audit-entry').nth(2)).toContainText('Rae Reporter: Draft → Ready for review');
  await page.screenshot({ path: `${SCREENS}/desk-workflow-audit-log.png` });
});
