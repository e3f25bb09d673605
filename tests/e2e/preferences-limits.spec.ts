import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEFAULT_LIMITS } from '../../shared/model/settings';
import { openDialog } from './desktop-helpers';
import { draftItem, SCREENS } from './drafting-helpers';
import { importPhotos, scenePhoto, seedArticle } from './feed-board-helpers';
import { expect, test } from './harness/fixtures';

// Preferences › Limits: a desk changes its size limits without editing the settings file; a value
// out of range is refused next to its field, and the limit saved is the one main enforces.

async function openLimits(page: Page) {
  await expect(page.getByRole('tab', { name: 'Articles' })).toBeVisible(); // the window is up
  await page.keyboard.press('Control+,');
  const dialog = openDialog(page, 'preferences');
  await expect(dialog).toBeVisible();
  // By keyboard: End on the tab list reaches the last pane.
  await dialog.getByRole('tab', { name: 'General' }).focus();
  await page.keyboard.press('End');
  await expect(dialog.getByRole('tab', { name: 'Limits' })).toBeFocused();
  await expect(dialog.getByRole('tab', { name: 'Limits' })).toHaveAttribute('aria-selected', 'true');
  return dialog;
}

test('the story limit changed in Preferences is saved and kept; an out-of-range value is refused next to the field', async ({ app }) => {
  const { page } = app;
  const dialog = await openLimits(page);
  const story = dialog.getByLabel('Largest story');
  await expect(story).toHaveValue('16');
  await expect(dialog.getByText('A story larger than this is refused when saved, so one file can never freeze the app.', { exact: false })).toBeVisible();
  await expect(dialog.getByText('Default 16 MB; from 0.25 MB to 512 MB.', { exact: false })).toBeVisible();

  await page.keyboard.press('Tab');
  await expect(story).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('0.1');
  const problem = dialog.getByTestId('limit-problem-storyMaxBytes');
  await expect(problem).toHaveText('This limit can be between 0.25 MB and 512 MB.');
  await expect(story).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Enter');
  // Refused before anything is sent: no save failure, the file keeps its value, the field keeps the keyboard.
  await expect(story).toBeFocused();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  expect(app.services().settings.get().limits.storyMaxBytes).toBe(DEFAULT_LIMITS.storyMaxBytes);
  await page.screenshot({ path: `${SCREENS}/preferences-limits.png` });

  await story.fill('2.5');
  await expect(problem).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('limits-status')).toHaveText('Limits saved.');
  expect(app.services().settings.get().limits).toEqual({ ...DEFAULT_LIMITS, storyMaxBytes: 2.5 * 1024 * 1024 });

  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  const reopened = await openLimits(page);
  await expect(reopened.getByLabel('Largest story')).toHaveValue('2.5');

  await reopened.getByRole('button', { name: 'Restore defaults' }).click();
  await expect(reopened.getByTestId('limits-status')).toHaveText('Default limits restored and saved.');
  await expect(reopened.getByLabel('Largest story')).toHaveValue('16');
  expect(app.services().settings.get().limits).toEqual(DEFAULT_LIMITS);
});

test('a valid limit typed and left without pressing Save is saved, not dropped when the dialog closes', async ({ app }) => {
  const { page } = app;
  const dialog = await openLimits(page);
  await dialog.getByLabel('Largest imported picture').fill('500');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => app.services().settings.get().limits.importMaxBytes).toBe(500 * 1024 * 1024);
  const reopened = await openLimits(page);
  await expect(reopened.getByLabel('Largest imported picture')).toHaveValue('500');
});

test('a caption limit lowered in Preferences is the one main enforces: a longer caption is refused with its message', async ({ app }) => {
  const { page } = app;
  const [photoId] = await importPhotos(app.services(), [await scenePhoto(join(tmpdir(), `newsdesk-limits-${process.pid}`), 'scene-1', 1)]);
  await seedArticle(app.services(), { headline: 'Harbour bridge reopens', status: 'draft', photoId: photoId! });
  await page.reload();

  const dialog = await openLimits(page);
  await dialog.getByLabel('Longest caption').fill('200');
  await dialog.getByRole('button', { name: 'Save limits' }).click();
  await expect(dialog.getByTestId('limits-status')).toHaveText('Limits saved.');
  await dialog.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('tab', { name: 'Articles' }).click();
  await draftItem(page, 'Harbour bridge reopens').getByRole('button').first().click();
  await expect(page.getByTestId('editor-title')).toHaveText('Harbour bridge reopens');
  await page.getByTestId('lead-photo').getByLabel('Caption').fill('Cars cross the bridge. '.repeat(11).slice(0, 250));
  await expect(page.getByTestId('save-state')).toHaveText(
    /^Not saved: the caption of the lead photo is 250 characters, over the 200 a caption may hold \(Preferences › Limits › “Longest caption”\)\./,
    { timeout: 20_000 },
  );
});
