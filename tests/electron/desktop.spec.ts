import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../../shared/model/settings';
import { MAIN_BUNDLE, ROOT, launch, skipReason } from './electron-app';

/**
 * The desktop conventions in the real app: the application menu (its seven menus and shortcuts), an
 * article in its own window, the dark override, and the About panel's version. Runs only where an
 * Electron binary is installed; elsewhere it is skipped with the reason, and the same code is
 * covered by tests/unit/shell (app-menu, desktop, context-menu, logging) against the fake electron.
 */

interface MenuItemView {
  label: string;
  role: string | null;
  id: string | null;
  accelerator: string | null;
  enabled: boolean;
  submenu: MenuItemView[];
}

test.describe('desktop conventions', () => {
  test.skip(Boolean(skipReason), skipReason);
  test.describe.configure({ mode: 'serial' });

  let userDataDir: string;
  let app: ElectronApplication;
  let page: Page;

  const menu = (): Promise<MenuItemView[]> =>
    app.evaluate(({ Menu }) => {
      type View = { label: string; role: string | null; id: string | null; accelerator: string | null; enabled: boolean; submenu: View[] };
      const view = (items: Electron.MenuItem[]): View[] =>
        items.map((item) => ({
          label: item.label,
          role: item.role ?? null,
          id: item.id || null,
          accelerator: item.accelerator ?? null,
          enabled: item.enabled,
          submenu: item.submenu ? view(item.submenu.items) : [],
        }));
      return view(Menu.getApplicationMenu()?.items ?? []);
    });
  const find = (items: MenuItemView[], id: string): MenuItemView | undefined =>
    items.flatMap((item) => [item, ...item.submenu]).find((item) => item.id === id) ??
    items.map((item) => find(item.submenu, id)).find(Boolean);

  test.beforeAll(async () => {
    expect(existsSync(MAIN_BUNDLE), `${MAIN_BUNDLE} is missing: run \`npx electron-vite build\` first`).toBe(true);
    userDataDir = await mkdtemp(join(tmpdir(), 'newsdesk-desktop-'));
    ({ app, page } = await launch(userDataDir));
  });

  test.afterAll(async () => {
    await app?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  test('the menu bar has the seven menus with their shortcuts', async () => {
    const items = await menu();
    const labels = items.map((item) => item.label);
    const seven = ['File', 'Edit', 'View', 'Article', 'Photo', 'Window', 'Help'];
    expect(labels.slice(process.platform === 'darwin' ? 1 : 0)).toEqual(seven);
    expect(find(items, 'article:new')?.accelerator).toBe('CmdOrCtrl+N');
    expect(find(items, 'article:save')?.accelerator).toBe('CmdOrCtrl+S');
    expect(find(items, 'article:find')?.accelerator).toBe('CmdOrCtrl+F');
    expect(find(items, 'view:outbox')?.accelerator).toBe('CmdOrCtrl+4');
    const edit = items.find((item) => item.label === 'Edit')!;
    // Electron may report roles in lower case ('selectall'), so they are compared that way.
    expect(edit.submenu.flatMap((item) => (item.role ? [item.role.toLowerCase()] : []))).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectall']),
    );
  });

  test('an article opens in its own window, which knows its article', async () => {
    const created = await page.evaluate(() => window.newsdesk['drafts:create']({}));
    expect(created.ok).toBe(true);
    const articleId = created.ok ? created.value.id : '';
    await expect.poll(async () => (await menu()).length).toBeGreaterThan(0);
    const opened = app.waitForEvent('window');
    expect((await page.evaluate((id) => window.newsdesk['app:openArticleWindow']({ articleId: id }), articleId)).ok).toBe(true);
    const articleWindow = await opened;
    await articleWindow.waitForLoadState('domcontentloaded');
    expect(articleWindow.url()).toBe(page.url());
    const context = await articleWindow.evaluate(() => window.newsdesk['app:windowContext']({}));
    expect(context).toEqual({ ok: true, value: { articleId, dark: expect.any(Boolean) } });
    // Asked again, the same window comes to the front rather than a second one.
    await page.evaluate((id) => window.newsdesk['app:openArticleWindow']({ articleId: id }), articleId);
    expect(app.windows()).toHaveLength(2);
    await articleWindow.close();
  });

  test('the dark override applies to the app and its pages', async () => {
    const update = (theme: 'dark' | 'system') =>
      page.evaluate((desktop) => window.newsdesk['settings:update']({ desktop }), { ...DEFAULT_SETTINGS.desktop, theme });
    expect((await update('dark')).ok).toBe(true);
    expect(await app.evaluate(({ nativeTheme }) => [nativeTheme.themeSource, nativeTheme.shouldUseDarkColors])).toEqual(['dark', true]);
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    await update('system');
    expect(await app.evaluate(({ nativeTheme }) => nativeTheme.themeSource)).toBe('system');
  });

  test('About shows the app version', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await app.evaluate(({ app: electronApp }) => electronApp.getVersion())).toBe(version);
    const items = await menu();
    const about = items.flatMap((item) => item.submenu).find((item) => item.role === 'about');
    expect(about?.label).toMatch(/^About/);
  });
});
