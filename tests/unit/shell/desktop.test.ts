import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/model/settings';
import type { PublishJob } from '../../../shared/model/publishing';
import { createElectronDesktop, type ElectronDesktopDeps } from '../../../electron/main/desktop/electron-desktop';
import { MAX_RECENT_ARTICLES } from '../../../electron/main/desktop/recent-articles';
import { MAX_ARTICLE_WINDOW_STATES, type KeyValueStore } from '../../../electron/main/window/window-state';
import { secureWebPreferences } from '../../../electron/main/window/main-window';
import * as fake from '../../fakes/electron';

class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, unknown>();
  get(key: string): unknown { return structuredClone(this.data.get(key)); }
  set(key: string, value: unknown): void { this.data.set(key, structuredClone(value)); }
  delete(key: string): void { this.data.delete(key); }
}

const A = 'article-0001';
const B = 'article-0002';
const DRAFTS = '/data/library/drafts';
type Item = MenuItemConstructorOptions;

function start(platform: NodeJS.Platform = 'linux', stores = { window: new MemoryStore(), recent: new MemoryStore() }) {
  const logs: string[] = [];
  const desktop = createElectronDesktop({
    ...(fake as unknown as Pick<ElectronDesktopDeps, 'app' | 'BrowserWindow' | 'Menu' | 'Notification' | 'nativeTheme' | 'screen' | 'shell' | 'clipboard' | 'dialog'>),
    session: fake.session.defaultSession as unknown as ElectronDesktopDeps['session'],
    platform,
    dev: false,
    windowStore: stores.window,
    recentStore: stores.recent,
    preloadPath: '/app/out/preload/index.cjs',
    entryUrl: 'app://newsdesk/index.html',
    draftsDir: DRAFTS,
    logFile: '/logs/main.log',
    log: (message) => logs.push(message),
  });
  return { desktop, logs, stores };
}

const windowsNow = () => fake.BrowserWindow.getAllWindows();
function menuItem(id: string): Item | undefined {
  const walk = (items: Item[]): Item[] => items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? walk(item.submenu) : [])]);
  return walk((fake.Menu.getApplicationMenu()?.template ?? []) as Item[]).find((item) => item.id === id);
}
const eventsTo = (win: fake.BrowserWindow, channel: string) => win.webContents.sentEvents.filter((e) => e.channel === channel).map((e) => e.args[0]);
const withDesktop = (desktop: Partial<Settings['desktop']>): Settings => ({ ...DEFAULT_SETTINGS, desktop: { ...DEFAULT_SETTINGS.desktop, ...desktop } });
const job = (state: PublishJob['state'], extra: Partial<PublishJob> = {}) => ({ id: 'job-1', articleId: A, targetId: 't1', headline: 'Storm hits the coast', state, lastError: null, ...extra }) as PublishJob;

beforeEach(() => fake.resetFakeElectron());

describe('windows', () => {
  it('an article gets its own window, with the same secure preferences and URL, and is focused rather than opened twice', async () => {
    const { desktop } = start();
    const main = desktop.openMainWindow() as unknown as fake.BrowserWindow;
    await desktop.shell.openArticleWindow(A);
    expect(windowsNow()).toHaveLength(2);
    const article = windowsNow()[1]!;
    expect(article.options.webPreferences).toEqual(secureWebPreferences('/app/out/preload/index.cjs'));
    expect(article.options.webPreferences).toEqual(main.options.webPreferences);
    expect(article.webContents.loadedUrls).toEqual(['app://newsdesk/index.html']);

    expect(desktop.shell.windowContext(article.webContents.id)).toEqual({ articleId: A, dark: false });
    expect(desktop.shell.windowContext(main.webContents.id)).toEqual({ articleId: null, dark: false });
    expect(desktop.shell.windowContext(999)).toEqual({ articleId: null, dark: false });

    main.focus();
    await desktop.shell.openArticleWindow(A);
    expect(windowsNow()).toHaveLength(2);
    expect(article.isFocused()).toBe(true);
  });

  it('remembers each window\'s place under its own key, and forgets the oldest article windows', () => {
    const stores = { window: new MemoryStore(), recent: new MemoryStore() };
    const { desktop } = start('linux', stores);
    const main = desktop.openMainWindow() as unknown as fake.BrowserWindow;
    main.setBounds({ x: 10, y: 20, width: 1000, height: 700 });
    main.close();
    void desktop.shell.openArticleWindow(A);
    const article = windowsNow()[0]!;
    expect(article.options).toMatchObject({ width: 1040, height: 820 });
    article.setBounds({ x: 300, y: 40, width: 900, height: 640 });
    article.close();
    expect(stores.window.get('main')).toMatchObject({ bounds: { x: 10, y: 20 } });
    expect(stores.window.get(`article:${A}`)).toMatchObject({ bounds: { x: 300, y: 40, width: 900 } });

    void desktop.shell.openArticleWindow(A);
    expect(windowsNow()[0]!.options).toMatchObject({ x: 300, y: 40, width: 900, height: 640 });

    for (let i = 0; i < MAX_ARTICLE_WINDOW_STATES; i += 1) {
      void desktop.shell.openArticleWindow(`article-9${String(i).padStart(4, '0')}`);
      windowsNow().at(-1)!.close();
    }
    expect(stores.window.get(`article:${A}`)).toBeUndefined();
    expect(stores.window.get('main')).toBeDefined();
  });
});

describe('menu state', () => {
  it('follows the focused window: items needing an article are enabled only where one is open', () => {
    const { desktop } = start();
    const main = desktop.openMainWindow() as unknown as fake.BrowserWindow;
    main.focus();
    expect(menuItem('article:publish')?.enabled).toBe(false);
    desktop.shell.menuState(main.webContents.id, { view: 'articles', articleId: A, photoSelection: 0 });
    expect(menuItem('article:publish')?.enabled).toBe(true);
    expect(menuItem('article:open-in-window')?.enabled).toBe(true);

    void desktop.shell.openArticleWindow(B);
    const article = windowsNow()[1]!;
    article.focus();
    desktop.shell.menuState(article.webContents.id, { view: 'articles', articleId: B, photoSelection: 0 });
    expect(menuItem('article:open-in-window')?.enabled).toBe(false);
    expect(menuItem('view:photos')?.enabled).toBe(false);

    main.focus();
    expect(menuItem('article:open-in-window')?.enabled).toBe(true);
    desktop.shell.menuState(main.webContents.id, { view: 'feeds', articleId: null, photoSelection: 0 });
    expect(menuItem('article:publish')?.enabled).toBe(false);
    expect(menuItem('view:feeds')?.checked).toBe(true);
  });

  it('sends a command to the focused window only', () => {
    const { desktop } = start();
    const main = desktop.openMainWindow() as unknown as fake.BrowserWindow;
    void desktop.shell.openArticleWindow(A);
    const article = windowsNow()[1]!;
    article.focus();
    (menuItem('article:save')!.click as () => void)();
    expect(eventsTo(article, 'menu:command')).toEqual([{ command: 'article:save' }]);
    expect(eventsTo(main, 'menu:command')).toEqual([]);
  });
});

describe('recent articles', () => {
  it('keeps the last ten, newest first, in File › Open Recent and the OS list; Clear empties both', () => {
    const { desktop, logs } = start('darwin');
    desktop.openMainWindow();
    for (let i = 0; i < 12; i += 1) desktop.shell.articleOpened(`article-${1000 + i}`, `Headline ${i}`);
    desktop.shell.articleOpened('article-1005', 'Headline 5, edited');
    const labels = (menuItem('open-recent')!.submenu as Item[]).map((item) => item.label);
    expect(labels.slice(0, 3)).toEqual(['Headline 5, edited', 'Headline 11', 'Headline 10']);
    expect(labels.filter((label) => label?.startsWith('Headline'))).toHaveLength(MAX_RECENT_ARTICLES);
    expect(fake.app.recentDocuments.at(-1)).toBe(`${DRAFTS}/article-1005.json`);
    expect(logs.join('\n')).not.toContain('Headline');

    (menuItem('clear-recent')!.click as () => void)();
    expect((menuItem('open-recent')!.submenu as Item[])[0]!.label).toBe('No Recent Articles');
    expect(fake.app.recentDocuments).toEqual([]);
  });

  it('survives a restart and opens the article in the main window when clicked', () => {
    const stores = { window: new MemoryStore(), recent: new MemoryStore() };
    start('linux', stores).desktop.shell.articleOpened(A, 'Storm');
    fake.resetFakeElectron();
    const { desktop } = start('linux', stores);
    expect(fake.app.recentDocuments).toEqual([]); // Linux has no OS list
    const main = desktop.openMainWindow() as unknown as fake.BrowserWindow;
    main.focus();
    (menuItem(`recent:${A}`)!.click as () => void)();
    // The page is not listening yet (it has not reported its state): the article waits for it.
    expect(eventsTo(main, 'article:open')).toEqual([]);
    desktop.shell.menuState(main.webContents.id, { view: 'articles', articleId: null, photoSelection: 0 });
    expect(eventsTo(main, 'article:open')).toEqual([{ articleId: A }]);
    (menuItem(`recent:${A}`)!.click as () => void)();
    expect(eventsTo(main, 'article:open')).toHaveLength(2);
  });

  it('Windows keeps File › Open Recent but not the OS list: its jump list needs a registered file type, and articles are .json', () => {
    const { desktop } = start('win32');
    desktop.openMainWindow();
    desktop.shell.articleOpened(A, 'Storm');
    expect((menuItem('open-recent')!.submenu as Item[])[0]!.label).toBe('Storm');
    expect(fake.app.recentDocuments).toEqual([]);
  });

  it('an article from the OS recent list shows up; other files are ignored', () => {
    const { desktop } = start('darwin');
    expect(desktop.openPaths(['/Users/ed/Documents/notes.json'])).toBe(false);
    expect(desktop.openPaths([`${DRAFTS}/${A}.json`])).toBe(true);
    expect(windowsNow()).toHaveLength(1);
  });
});

describe('theme and spelling', () => {
  it('applies the theme setting and tells every window when the colours change', () => {
    const { desktop } = start();
    const main = desktop.openMainWindow() as unknown as fake.BrowserWindow;
    void desktop.shell.openArticleWindow(A);
    desktop.applySettings(withDesktop({ theme: 'dark' }));
    expect(fake.nativeTheme.themeSource).toBe('dark');
    for (const win of windowsNow()) {
      expect(eventsTo(win, 'theme:changed')).toEqual([{ dark: true }]);
      expect(win.backgroundColor).toBe('#1f1f1f');
    }
    expect(desktop.shell.windowContext(main.webContents.id).dark).toBe(true);

    desktop.applySettings(withDesktop({ theme: 'system' }));
    fake.nativeTheme.setOsDark(true);
    fake.nativeTheme.setOsDark(false);
    expect(eventsTo(main, 'theme:changed')).toEqual([{ dark: true }, { dark: false }, { dark: true }, { dark: false }]);
    // A new window starts in the colours in use.
    desktop.applySettings(withDesktop({ theme: 'dark' }));
    void desktop.shell.openArticleWindow(B);
    expect(windowsNow().at(-1)!.options.backgroundColor).toBe('#1f1f1f');
  });

  it('sets the spelling languages that exist here, matching "fr" to what is installed, the OS language when none', () => {
    const { desktop, logs } = start('win32');
    const ses = fake.session.defaultSession;
    ses.availableSpellCheckerLanguages = ['en-US', 'fr-FR', 'de-DE'];
    desktop.applySettings(withDesktop({ spellcheckLanguages: ['fr', 'xx', 'de-DE'] }));
    expect(ses.spellCheckerLanguages).toEqual(['fr-FR', 'de-DE']);
    expect(logs.some((line) => line.includes('xx'))).toBe(true);
    fake.app.locale = 'de-DE';
    desktop.applySettings(withDesktop({ spellcheckLanguages: [] }));
    expect(ses.spellCheckerLanguages).toEqual(['de-DE']);
  });

  it('leaves spelling to the OS on macOS', () => {
    const { desktop } = start('darwin');
    fake.session.defaultSession.spellCheckerLanguages = ['en-US'];
    desktop.applySettings(withDesktop({ spellcheckLanguages: ['fr'] }));
    expect(fake.session.defaultSession.spellCheckerLanguages).toEqual(['en-US']);
  });
});

describe('publish notifications', () => {
  it('says Published or Publishing failed; clicking brings the article up', () => {
    const { desktop, logs } = start();
    const main = desktop.openMainWindow() as unknown as fake.BrowserWindow;
    desktop.shell.menuState(main.webContents.id, { view: 'outbox', articleId: null, photoSelection: 0 });
    desktop.jobFinished({ job: job('done'), targetName: 'Daily site' });
    desktop.jobFinished({ job: job('failed', { id: 'job-2', lastError: 'The site refused the login.' }), targetName: null });
    desktop.jobFinished({ job: job('cancelled', { id: 'job-3' }), targetName: 'Daily site' });
    expect(fake.Notification.shown.map((n) => n.options)).toEqual([
      { title: 'Published', body: 'Storm hits the coast — Daily site', silent: true },
      { title: 'Publishing failed', body: 'Storm hits the coast — the site: The site refused the login.', silent: false },
    ]);
    main.blur();
    fake.Notification.shown[1]!.click();
    expect(eventsTo(main, 'article:open')).toEqual([{ articleId: A }]);
    expect(main.isFocused()).toBe(true);
    expect(logs.join('\n')).not.toContain('Storm');
  });

  it('opens the article\'s own window when it has one, and shows nothing where notifications are unsupported', () => {
    const { desktop } = start();
    desktop.openMainWindow();
    void desktop.shell.openArticleWindow(A);
    const article = windowsNow()[1]!;
    windowsNow()[0]!.focus();
    desktop.jobFinished({ job: job('done'), targetName: 'Daily site' });
    fake.Notification.shown[0]!.click();
    expect(article.isFocused()).toBe(true);
    expect(windowsNow()).toHaveLength(2);

    fake.Notification.supported = false;
    desktop.jobFinished({ job: job('done', { id: 'job-9' }), targetName: 'Daily site' });
    expect(fake.Notification.shown).toHaveLength(1);
  });
});

describe('help', () => {
  it('Show Logs reveals the log file', () => {
    const { desktop } = start();
    desktop.openMainWindow();
    (menuItem('show-logs')!.click as () => void)();
    expect(fake.shell.shownInFolder).toEqual(['/logs/main.log']);
  });
});
