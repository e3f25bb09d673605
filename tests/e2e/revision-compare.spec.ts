import { expect, test } from './harness/fixtures';
import { SCREENS, newArticle, saved } from './drafting-helpers';

// The revisions dialog compares any revision with the current text: words added and removed,
// and fields that changed.

test('compare an older revision with the current text', async ({ app }) => {
  const { page } = app;
  await newArticle(page, 'Election night live');
  await page.keyboard.type('Polls close at ten tonight.');
  await page.keyboard.press('Control+s');
  await saved(page);
  await page.keyboard.press('End');
  await page.keyboard.type(' Exit poll shows a hung parliament.');
  await page.getByLabel('Headline').fill('Election night: hung parliament');
  await page.keyboard.press('Control+s');
  await saved(page);

  await page.getByRole('button', { name: 'History' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revision history' });
  await dialog.getByTestId('revision').filter({ hasText: 'Election night live' }).filter({ hasText: 'Saved with Ctrl+S' }).first().click();
  await expect(dialog.getByTestId('revision-preview')).toContainText('Polls close at ten tonight.');
  await dialog.getByLabel('Compare with the current text').check();
  const compare = dialog.getByTestId('revision-compare');
  await expect(compare.getByTestId('compare-summary')).toHaveText('Since this revision: 6 words added, 0 words removed, 2 fields changed.');
  await expect(compare.locator('ins')).toContainText('Exit poll shows a hung parliament.');
  await expect(compare.getByRole('table', { name: 'Changed fields' })).toContainText('Election night: hung parliament');
  await expect(compare.getByRole('table', { name: 'Changed fields' })).toContainText('election-night-hung-parliament'); // the slug follows the headline
  await page.screenshot({ path: `${SCREENS}/revision-compare.png` });
  await dialog.getByLabel('Compare with the current text').uncheck();
  await expect(dialog.getByTestId('revision-preview')).toContainText('Polls close at ten tonight.');
});
