import { startWordPress, wordPressSkipReason, type WordPressSite } from '../wordpress/wordpress-server';
import { SCREENS, draftItem } from './drafting-helpers';
import { expect, test } from './harness/fixtures';
import { addWordPressTarget, openDialog, wordPressClient, type WpPost } from './publishing-helpers';

// "Import from site…" against a real WordPress: the picker lists the site's posts with their date,
// status and author, searches them, pages through them; two picked posts are imported with progress
// and the results say so; a post already here cannot be picked again; an imported article opens.

const skipReason = wordPressSkipReason();
if (skipReason) console.warn(`Import from site browser tests against WordPress are skipped: ${skipReason}`);

test.describe('import from a real WordPress', () => {
  test.skip(skipReason !== null, skipReason ?? '');
  let site: WordPressSite | null = null;

  test.beforeAll(async () => {
    if (skipReason) return;
    test.setTimeout(120_000);
    site = await startWordPress();
  });
  test.afterAll(async () => {
    await site?.stop();
  });

  test('pick posts of the site, import them, open one', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    const rest = wordPressClient(site!);
    const titles = ['Harbour reopens after the storm', 'Ferries return on Friday', 'Council votes on the harbour budget'];
    for (const [index, title] of titles.entries()) {
      await rest.post<WpPost>('/wp/v2/posts', { title, content: `<p>${title}: the words of the story.</p>`, status: index === 2 ? 'draft' : 'publish' });
    }
    await addWordPressTarget(page, { name: 'Harbour Gazette', url: site!.url, user: site!.user, password: site!.appPassword });

    await page.getByRole('button', { name: 'Import from site…' }).click();
    const dialog = openDialog(page, 'site-import-dialog');
    const rows = dialog.getByRole('table', { name: 'The site’s posts' }).locator('tbody tr');
    // WordPress's own first post ("Hello world!") is there too.
    await expect(rows).toHaveCount(4);
    await expect(rows.filter({ hasText: 'Council votes on the harbour budget' })).toContainText('Draft');
    await expect(rows.filter({ hasText: 'Ferries return on Friday' })).toContainText('Published');
    await expect(dialog.getByText('Page 1 of 1 · 4 posts')).toBeVisible();

    await dialog.getByRole('searchbox', { name: 'Search the site’s posts' }).fill('harbour');
    await expect(rows).toHaveCount(2);
    await dialog.getByLabel('Harbour reopens after the storm').check();
    await dialog.getByLabel('Council votes on the harbour budget').check();
    await expect(dialog.getByTestId('site-import-status')).toHaveText('2 posts picked');
    await page.screenshot({ path: `${SCREENS}/site-import-picker.png` });

    await dialog.getByRole('button', { name: 'Import 2 posts' }).click();
    const results = dialog.getByRole('list', { name: 'What was imported' });
    await expect(results.locator(':scope > li')).toHaveCount(2, { timeout: 60_000 });
    await expect(results).toContainText('Imported as “Harbour reopens after the storm”.');
    await expect(results).toContainText('Imported as “Council votes on the harbour budget”.');
    await expect(dialog.getByTestId('site-import-status')).toHaveText('2 posts imported.');
    await page.screenshot({ path: `${SCREENS}/site-import-results.png` });

    // Back to the list: the imported posts are marked and cannot be picked twice.
    await dialog.getByRole('button', { name: 'Import more' }).click();
    const imported = rows.filter({ hasText: 'Harbour reopens after the storm' });
    await expect(imported).toContainText('In Newsdesk');
    await expect(imported.getByRole('checkbox')).toBeDisabled();
    await page.screenshot({ path: `${SCREENS}/site-import-marked.png` });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();

    await draftItem(page, 'Harbour reopens after the storm').click();
    await expect(page.getByLabel('Headline')).toHaveValue('Harbour reopens after the storm');
    await expect(page.getByText('Harbour reopens after the storm: the words of the story.')).toBeVisible();
  });
});
