import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { MAIN_BUNDLE, launch, skipReason } from './electron-app';

/**
 * Publish targets in the real app, with Electron's real safeStorage: a typed token is either kept
 * encrypted by the OS keychain (never readable in any file of the user data folder, still there
 * after a restart) or, on a system with no keychain, refused with a message and not stored at all.
 */
const TOKEN = 'nd-token-7f3c9a1e5b2d4c6f';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

test.describe('Electron app: publish targets', () => {
  test.skip(Boolean(skipReason), skipReason);
  test.describe.configure({ mode: 'serial' });

  let userDataDir: string;
  let app: ElectronApplication;
  let page: Page;
  let stored = false;
  const dialog = () => page.locator('dialog[open][data-testid="publish-targets"]');

  test.beforeAll(async () => {
    expect(existsSync(MAIN_BUNDLE), `${MAIN_BUNDLE} is missing: run \`npx electron-vite build\` first`).toBe(true);
    userDataDir = await mkdtemp(join(tmpdir(), 'newsdesk-electron-publishing-'));
    ({ app, page } = await launch(userDataDir));
  });

  test.afterAll(async () => {
    await app?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  test('a ninjs endpoint is added with a token: kept by the keychain, or refused without one', async () => {
    await page.getByRole('tab', { name: 'Feeds' }).click();
    await page.getByRole('button', { name: 'Publish targets…' }).click();
    await expect(dialog()).toBeVisible();
    await dialog().getByRole('button', { name: 'Add ninjs endpoint' }).click();
    const form = dialog().getByTestId('target-form');
    await form.getByLabel('Name').fill('Syndication feed');
    await form.getByLabel('Endpoint URL').fill('https://syndication.example/ninjs');
    await form.getByLabel('Bearer token').fill(TOKEN);
    await dialog().getByRole('button', { name: 'Add target' }).click();

    const item = dialog().getByTestId('target-item').filter({ hasText: 'Syndication feed' });
    const refusal = dialog().getByRole('alert').filter({ hasText: /keychain/i });
    await expect(item.or(refusal)).toBeVisible();
    stored = await item.isVisible();
    for (const file of await filesUnder(userDataDir)) {
      expect(await readFile(file), `${file} holds the token in the clear`).not.toContain(Buffer.from(TOKEN));
    }
  });

  test('after quitting and starting again the target is listed and its token is still stored', async () => {
    test.skip(!stored, 'This system has no keychain: the token was refused, as it should be, so there is nothing to read back.');
    await app.close();
    ({ app, page } = await launch(userDataDir));
    await page.getByRole('tab', { name: 'Feeds' }).click();
    await page.getByRole('button', { name: 'Publish targets…' }).click();
    await dialog().getByTestId('target-item').filter({ hasText: 'Syndication feed' }).click();
    await expect(dialog().getByText('Stored in the system keychain', { exact: false })).toBeVisible();
  });
});
