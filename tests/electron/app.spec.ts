import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { CHANNELS } from '../../shared/ipc/contract';
import { MAIN_BUNDLE, launch, skipReason, ui } from './electron-app';

/**
 * The real Electron app, end to end: the built bundle (out/main/index.js, via package.json "main")
 * in the real binary. Runs only where an Electron binary is installed; elsewhere it is skipped with
 * the reason, and the shell is covered by tests/unit/shell against the fake electron module.
 */

test.describe('Electron app', () => {
  test.skip(Boolean(skipReason), skipReason);
  test.describe.configure({ mode: 'serial' });

  let userDataDir: string;
  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    expect(existsSync(MAIN_BUNDLE), `${MAIN_BUNDLE} is missing: run \`npx electron-vite build\` first`).toBe(true);
    userDataDir = await mkdtemp(join(tmpdir(), 'newsdesk-electron-'));
    ({ app, page } = await launch(userDataDir));
  });

  test.afterAll(async () => {
    await app?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  test('the page is isolated, without Node, and sees exactly the contract', async () => {
    expect(page.url()).toBe('app://newsdesk/index.html');
    const surface = await page.evaluate(() => ({
      keys: Object.keys(window.newsdesk).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      origin: location.origin,
    }));
    expect(surface).toEqual({ keys: [...CHANNELS, 'on'].sort(), require: 'undefined', process: 'undefined', origin: 'app://newsdesk' });

    // Electron has no API to read a window's effective web preferences; what can be observed is:
    // the bridge exists (contextBridge throws without contextIsolation), no Node globals in the page
    // (above), and renderer processes reported as OS-sandboxed where the platform reports it.
    const sandboxed = await app.evaluate(({ app: electronApp }) =>
      electronApp.getAppMetrics().filter((metric) => metric.type === 'Tab').map((metric) => metric.sandboxed ?? null),
    );
    expect(sandboxed.length).toBeGreaterThan(0);
    expect(sandboxed).not.toContain(false);
  });

  test('the app is served with its CSP and refuses injected scripts', async () => {
    const csp = await page.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'));
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      await new Promise((done) => setTimeout(done, 100));
      return (window as unknown as { __injected?: boolean }).__injected ?? false;
    });
    expect(ran).toBe(false);
  });

  test('navigating away and opening windows are refused', async () => {
    const before = page.url();
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    // http:, so a failure here could not open the developer's browser either.
    expect(await page.evaluate(() => window.open('http://example.com/') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });

  test('a draft is typed, saved, and back after a reload', async () => {
    const headline = `Council approves harbour plan ${Date.now()}`;
    const text = 'The vote was unanimous after a three-hour session.';
    await ui.newArticle(page).click();
    await ui.headline(page).fill(headline);
    await ui.body(page).click();
    await page.keyboard.type(text);

    // Autosave goes through the real IPC; wait until main has both the headline and the text.
    await expect
      .poll(async () =>
        page.evaluate(async (wanted) => {
          const list = await window.newsdesk['drafts:list']({ text: wanted });
          const found = list.ok ? list.value.items.find((item) => item.headline === wanted) : undefined;
          if (!found) return '';
          const article = await window.newsdesk['drafts:get']({ id: found.id });
          return article.ok ? JSON.stringify(article.value.body) : '';
        }, headline),
      )
      .toContain(text);

    await page.reload();
    await page.waitForLoadState('domcontentloaded');
    if (!(await ui.headline(page).isVisible())) await page.getByText(headline).first().click();
    await expect(ui.headline(page)).toHaveValue(headline);
    await expect(ui.body(page)).toContainText(text);
  });

  test('search finds the draft by a word of its body', async () => {
    await page.getByLabel('Search drafts').fill('unanimous');
    await expect(page.getByTestId('draft-item')).toHaveCount(1);
    await expect(page.getByTestId('draft-item').first()).toContainText('Council approves harbour plan');
    await page.getByLabel('Search drafts').fill('');
  });

  test('an older revision is previewed and restored', async () => {
    await page.getByTestId('draft-item').filter({ hasText: 'Council approves harbour plan' }).click();
    await ui.body(page).click();
    await page.keyboard.press('ControlOrMeta+s');
    await expect(page.getByTestId('save-state')).toHaveText('Saved');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('The vote was postponed.');
    await page.keyboard.press('ControlOrMeta+s');
    await expect(page.getByTestId('save-state')).toHaveText('Saved');
    await page.getByRole('button', { name: 'History' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revision history' });
    await dialog.getByTestId('revision').nth(1).click();
    await expect(dialog.getByTestId('revision-preview')).toContainText('The vote was unanimous');
    await dialog.getByRole('button', { name: 'Restore this version' }).click();
    await expect(ui.body(page)).toContainText('The vote was unanimous');
  });

  test('drafts survive quitting and starting the app again', async () => {
    await app.close(); // quits through will-quit, which flushes the services
    ({ app, page } = await launch(userDataDir));
    const headlines = await page.evaluate(async () => {
      const list = await window.newsdesk['drafts:list']({});
      return list.ok ? list.value.items.map((item) => item.headline) : [];
    });
    expect(headlines.some((h) => h.startsWith('Council approves harbour plan'))).toBe(true);
  });

  test('a corrupt draft file is moved aside and named at start; the others still open', async () => {
    await app.close();
    await writeFile(join(userDataDir, 'library', 'drafts', 'brokenfile-0003.json'), '{"schemaVersion":3,"id":"brok');
    ({ app, page } = await launch(userDataDir));
    const banner = page.getByTestId('quarantine-banner');
    await expect(banner).toContainText('brokenfile-0003.json');
    await page.getByTestId('draft-item').filter({ hasText: 'Council approves harbour plan' }).first().click();
    await expect(ui.body(page)).toContainText('The vote was unanimous');
  });
});
