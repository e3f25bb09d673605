import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCREENS, newArticle, saved } from './drafting-helpers';
import { expect, test } from './harness/fixtures';
import { makeDataDir } from './harness/launch';
import { fillWordPressForm, openTargetsFromFeeds, publishPanel } from './publishing-helpers';

// What the editor is told about credentials in a target's address and about a desk clock that
// disagrees with the site's. No WordPress is needed: nothing is sent.

test('a password in a target’s address: cleaned from an old file and flagged, refused when typed', async ({ launch }) => {
  const dataDir = await makeDataDir();
  const publishing = join(dataDir, 'library', 'publishing');
  await mkdir(publishing, { recursive: true });
  const old = { id: 't-daily000001', kind: 'wordpress', name: 'Daily', siteUrl: 'https://editor:hunter2@daily.example.com', user: 'editor' };
  await writeFile(join(publishing, 'targets.json'), JSON.stringify({ format: 1, targets: [old] }));
  const app = await launch({ dataDir });
  const { page } = app;

  const listed = await page.evaluate(() => window.newsdesk['targets:list']({}));
  expect(JSON.stringify(listed)).not.toContain('hunter2');
  const dialog = await openTargetsFromFeeds(page);
  await expect(dialog.getByTestId('target-attention')).toContainText('Newsdesk removed it and will not send it');

  await dialog.getByRole('button', { name: 'Add WordPress site' }).click();
  await fillWordPressForm(dialog, { name: 'Weekly', url: 'https://editor:hunter2@weekly.example.com', user: 'editor', password: 'abcd efgh ijkl mnop qrst uvwx' });
  await dialog.getByRole('button', { name: 'Add target' }).click();
  await expect(dialog.getByTestId('field-error').first()).toContainText('Remove the user name and password from the address');
  await page.screenshot({ path: `${SCREENS}/publish-targets-credentials.png` });
});

test('the publish panel says when this computer’s clock is ahead of the site’s', async ({ app }) => {
  const { page } = app;
  await app.services().publishing.targets.save({ kind: 'wordpress', name: 'Daily', siteUrl: 'https://daily.example.com', user: 'editor' });
  // The site's last answer, as http-client records it: its Date header 45 minutes behind this computer.
  const now = performance.now();
  app.services().publishing.http.clocks.observe('https://daily.example.com', new Date(Date.now() - 45 * 60_000).toUTCString(), now, now);

  await newArticle(page, 'Budget passes first reading');
  await page.keyboard.type('The budget passed.');
  await saved(page);
  await page.getByRole('button', { name: 'Publish…' }).click();
  const panel = publishPanel(page);
  await expect(panel.getByTestId('publish-plan')).toBeVisible();
  await expect(panel.getByTestId('plan-clock')).toContainText("This computer's clock is 45 minutes ahead of the site's");
  await page.screenshot({ path: `${SCREENS}/publish-panel-clock.png` });
});
