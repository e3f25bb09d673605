import { ghostSkipReason, startGhost, type GhostSite } from '../ghost/ghost-server';
import { SCREENS } from './drafting-helpers';
import { expect, test } from './harness/fixtures';
import { openTargetsFromFeeds } from './publishing-helpers';

// A Ghost target set up through the UI against a real Ghost on loopback: a key refused by Ghost
// says so at its step, the right key passes every step, and the key is never shown again.

const skipReason = ghostSkipReason();
if (skipReason) console.warn(`Publishing browser tests against Ghost are skipped: ${skipReason}`);

test.describe('publishing to a real Ghost', () => {
  test.skip(skipReason !== null, skipReason ?? '');
  let site: GhostSite | null = null;

  test.beforeAll(async () => {
    if (skipReason) return;
    test.setTimeout(240_000);
    site = await startGhost();
  });
  test.afterAll(async () => {
    await site?.stop();
  });

  test('Ghost target: readable steps for a refused key, every step ✓ for the right one, the key kept out of sight', async ({ app }) => {
    const { page } = app;
    const ghost = site!;
    const dialog = await openTargetsFromFeeds(page);
    await dialog.getByRole('button', { name: 'Add Ghost site' }).click();
    const form = dialog.getByTestId('target-form');
    await expect(form.getByLabel('User')).toHaveCount(0);
    await form.getByLabel('Name').fill('Ghost newsroom');
    await form.getByLabel('Site address').fill(ghost.url);

    // A Content API key is no Admin API key: said next to the field.
    await form.getByLabel('Admin API key').fill('0123456789abcdef01234567');
    await dialog.getByRole('button', { name: 'Add target' }).click();
    await expect(dialog.getByTestId('field-error')).toHaveText([/Paste the Admin API key of a custom integration/]);

    // A well-formed key Ghost does not know: the site and its Admin API are found, the key step fails.
    const [id] = ghost.adminApiKey.split(':');
    await form.getByLabel('Admin API key').fill(`${id}:${'ab'.repeat(32)}`);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    const report = dialog.getByTestId('connection-report');
    await expect(report).toHaveAttribute('data-ok', 'false', { timeout: 30_000 });
    const steps = report.getByTestId('connection-step');
    await expect(steps).toHaveCount(3);
    await expect(steps.nth(0)).toHaveAttribute('data-ok', 'true');
    await expect(steps.nth(1)).toContainText('Find the Admin API');
    await expect(steps.nth(2)).toHaveAttribute('data-ok', 'false');
    await expect(report).toContainText('Ghost refused the key');

    // The right key: reach the site, find the Admin API, key valid, rights.
    await form.getByLabel('Admin API key').fill(ghost.adminApiKey);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(report).toHaveAttribute('data-ok', 'true', { timeout: 30_000 });
    await expect(steps).toHaveText([/Reach the site/, /Find the Admin API.*Test Blog/, /Admin API key/, /Rights/]);
    await dialog.getByRole('button', { name: 'Add target' }).click();
    await expect(dialog.getByTestId('target-item')).toHaveText([/Ghost newsroom.*Ghost/]);
    await expect(form.getByLabel('Admin API key')).toHaveValue('');
    const listed = await page.evaluate(() => window.newsdesk['targets:list']({}));
    expect(listed.ok && listed.value.map((target) => target.kind)).toEqual(['ghost']);
    expect(JSON.stringify(listed)).not.toContain(ghost.adminApiKey.split(':')[1]);

    // The saved target is tried with its stored key.
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(report).toHaveAttribute('data-ok', 'true', { timeout: 30_000 });
    await page.screenshot({ path: `${SCREENS}/publish-targets-ghost.png` });
  });
});
