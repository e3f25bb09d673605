import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { MAIN_BUNDLE, launch, skipReason, ui } from './electron-app';

/**
 * Feed placement in the real app: an article placed and pinned on the board is still there, pinned,
 * after quitting and starting again (the board lives in the user data folder, written by main).
 */
test.describe('Electron app: feeds', () => {
  test.skip(Boolean(skipReason), skipReason);
  test.describe.configure({ mode: 'serial' });

  let userDataDir: string;
  let app: ElectronApplication;
  let page: Page;
  const headline = 'Council approves the harbour budget';
  const card = () => page.getByTestId('placement-card').filter({ hasText: headline });

  test.beforeAll(async () => {
    expect(existsSync(MAIN_BUNDLE), `${MAIN_BUNDLE} is missing: run \`npx electron-vite build\` first`).toBe(true);
    userDataDir = await mkdtemp(join(tmpdir(), 'newsdesk-electron-feeds-'));
    ({ app, page } = await launch(userDataDir));
  });

  test.afterAll(async () => {
    await app?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  test('an article is placed in News Feed and pinned from the board', async () => {
    await ui.newArticle(page).click();
    await ui.headline(page).fill(headline);
    await ui.body(page).click();
    await page.keyboard.type('The vote was unanimous.');
    await expect(page.getByText('Saved', { exact: true })).toBeVisible();

    await page.getByRole('tab', { name: 'Feeds' }).click();
    const column = page.locator('[data-testid="feed-column"][data-feed-id="news-feed"]');
    await column.getByRole('button', { name: 'Add to News Feed' }).click();
    const dialog = page.getByTestId('add-items');
    await dialog.getByRole('button', { name: `Add “${headline}”` }).click();
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await card().getByRole('button', { name: /pin/i }).first().click();
    await expect(card().getByRole('button', { name: /pin/i }).first()).toHaveAttribute('aria-pressed', 'true');
  });

  test('the placement and the pin are still there after quitting and starting again', async () => {
    await app.close();
    ({ app, page } = await launch(userDataDir));
    await page.getByRole('tab', { name: 'Feeds' }).click();
    await expect(card()).toHaveCount(1);
    await expect(card().getByRole('button', { name: /pin/i }).first()).toHaveAttribute('aria-pressed', 'true');
  });
});
