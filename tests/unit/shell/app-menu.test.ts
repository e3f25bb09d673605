import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuState } from '../../../shared/model/desktop';
import { MENU_COMMANDS, type MenuCommand } from '../../../shared/ipc/events';
import { PAGE_KEYS, buildAppMenuTemplate, menuLabel, type AppMenuInput } from '../../../electron/main/menu/app-menu';
import { normalizeAccelerator, roleDefaults, roleSubmenu } from './menu-role-defaults';

type Item = MenuItemConstructorOptions;
const PLATFORMS: NodeJS.Platform[] = ['darwin', 'win32', 'linux'];
const ARTICLE = 'article-0001';
const WITH_ARTICLE: MenuState = { view: 'articles', articleId: ARTICLE, photoSelection: 0 };
const NO_ARTICLE: MenuState = { view: 'photos', articleId: null, photoSelection: 3 };

function build(platform: NodeJS.Platform, overrides: Partial<AppMenuInput> = {}) {
  const sent: MenuCommand[] = [];
  const actions = { openRecent: vi.fn(), clearRecent: vi.fn(), showLogs: vi.fn(), focusWindow: vi.fn() };
  const template = buildAppMenuTemplate({ platform, state: WITH_ARTICLE, recent: [], send: (c) => sent.push(c), actions, ...overrides });
  return { template, sent, actions };
}

/** Every item with the submenu it sits in, role menus expanded as Electron expands them. */
function flatten(items: Item[], platform: NodeJS.Platform): Item[] {
  return items.flatMap((item) => {
    const submenu = Array.isArray(item.submenu) ? item.submenu : item.role ? roleSubmenu(item.role, platform) : [];
    return [item, ...flatten(submenu, platform)];
  });
}
const byId = (items: Item[], id: string) => items.find((item) => item.id === id);
const topLabels = (template: Item[], platform: NodeJS.Platform) => template.map((item) => item.label ?? roleDefaults(item.role!, platform).label);

describe('application menu template', () => {
  it('has the seven menus, with the app menu first on macOS only', () => {
    const seven = ['File', 'Edit', 'View', 'Article', 'Photo', 'Window', 'Help'];
    expect(topLabels(build('linux').template, 'linux')).toEqual(seven);
    expect(topLabels(build('win32').template, 'win32')).toEqual(seven);
    expect(topLabels(build('darwin').template, 'darwin')).toEqual(['Newsdesk', ...seven]);
  });

  it.each(PLATFORMS)('uses no shortcut twice on %s (role defaults included)', (platform) => {
    for (const dev of [false, true]) {
      const items = flatten(build(platform, { dev }).template, platform).filter((item) => item.type !== 'separator');
      const keys = items.flatMap((item) => {
        const accelerator = item.accelerator ?? (item.role ? roleDefaults(item.role, platform).accelerator : undefined);
        return accelerator ? [`${normalizeAccelerator(String(accelerator), platform)}`] : [];
      });
      const repeated = keys.filter((key, index) => keys.indexOf(key) !== index);
      expect(repeated, `${platform}${dev ? ' (dev)' : ''}`).toEqual([]);
      expect(keys.length).toBeGreaterThan(20);
    }
  });

  it.each(PLATFORMS)('has the usual shortcuts on %s', (platform) => {
    const items = flatten(build(platform).template, platform);
    const keyOf = (id: string) => byId(items, id)?.accelerator;
    expect(keyOf('article:new')).toBe('CmdOrCtrl+N');
    expect(keyOf('article:save')).toBe('CmdOrCtrl+S');
    expect(keyOf('article:find')).toBe('CmdOrCtrl+F');
    expect(keyOf('article:open-in-window')).toBe('CmdOrCtrl+Shift+N');
    expect(keyOf('photo:import')).toBe('CmdOrCtrl+O');
    expect(keyOf('article:publish')).toBe('CmdOrCtrl+Shift+Enter');
    expect(keyOf('photo:insert')).toBe('CmdOrCtrl+Shift+P');
    expect(keyOf('app:preferences')).toBe('CmdOrCtrl+,');
    expect(['view:articles', 'view:photos', 'view:feeds', 'view:outbox'].map(keyOf)).toEqual(['CmdOrCtrl+1', 'CmdOrCtrl+2', 'CmdOrCtrl+3', 'CmdOrCtrl+4']);
    const roles = items.map((item) => item.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'close']));
  });

  it('shows the keys the page handles itself without registering them, so one press acts once', () => {
    const items = flatten(build('linux').template, 'linux');
    for (const item of items.filter((i) => i.accelerator)) {
      const pageOwned = (PAGE_KEYS as readonly string[]).includes(String(item.accelerator));
      expect(item.registerAccelerator, `${item.id} ${item.accelerator}`).toBe(pageOwned ? false : undefined);
    }
    expect(byId(items, 'article:find')?.registerAccelerator).toBeUndefined(); // the menu's own key
  });

  it('puts Quit in File and About in Help on Windows and Linux, both in the app menu on macOS', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const [file, , , , , windowMenu, help] = build(platform).template;
      expect((file!.submenu as Item[]).map((i) => i.role).filter(Boolean)).toEqual(['close', 'quit']);
      expect((help!.submenu as Item[]).map((i) => i.role ?? i.label)).toEqual(['Show Logs', undefined, 'about']);
      expect((windowMenu!.submenu as Item[])[0]).toEqual({ role: 'minimize' });
    }
    const [appMenu, file, , , , , windowMenu, help] = build('darwin').template;
    expect((appMenu!.submenu as Item[]).map((i) => i.role ?? i.id).filter(Boolean)).toEqual(['about', 'app:preferences', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect((file!.submenu as Item[]).some((i) => i.role === 'quit' || i.id === 'app:preferences')).toBe(false);
    expect(windowMenu).toEqual({ role: 'windowMenu' });
    expect((help!.submenu as Item[]).map((i) => i.label)).toEqual(['Show Logs']);
    expect(byId(flatten(build('darwin').template, 'darwin'), 'app:preferences')?.label).toBe('Settings…');
    expect(byId(flatten(build('linux').template, 'linux'), 'app:preferences')?.label).toBe('Preferences…');
  });

  it.each(PLATFORMS)('disables what needs an article when none is open (%s)', (platform) => {
    const needsArticle = ['article:save', 'article:export-html', 'article:export-ninjs', 'article:open-in-window', 'article:preview', 'article:check', 'article:history', 'article:publish', 'article:trash', 'photo:insert'];
    const withArticle = flatten(build(platform).template, platform);
    const without = flatten(build(platform, { state: NO_ARTICLE }).template, platform);
    for (const id of needsArticle) {
      expect(byId(withArticle, id)?.enabled, id).toBe(true);
      expect(byId(without, id)?.enabled, id).toBe(false);
    }
    for (const id of ['article:new', 'article:find', 'photo:import', 'photo:edit-credit-style', 'view:feeds', 'app:preferences']) {
      expect(byId(without, id)?.enabled, id).toBe(true);
    }
    expect(byId(without, 'export')?.enabled).toBe(false);
  });

  it('offers Insert Photo only on the drafting desk, and desk commands not in an article window', () => {
    const onPhotos = flatten(build('linux', { state: { ...WITH_ARTICLE, view: 'photos' } }).template, 'linux');
    expect(byId(onPhotos, 'photo:insert')?.enabled).toBe(false);
    expect(byId(onPhotos, 'view:photos')?.checked).toBe(true);
    expect(byId(onPhotos, 'view:articles')?.checked).toBe(false);

    const articleWindow = flatten(build('linux', { inArticleWindow: true }).template, 'linux');
    for (const id of ['article:open-in-window', 'view:articles', 'view:outbox', 'photo:import', 'photo:edit-credit-style', 'article:find']) {
      expect(byId(articleWindow, id)?.enabled, id).toBe(false);
    }
    expect(byId(articleWindow, 'article:publish')?.enabled).toBe(true);
  });

  it('with no window in front, only what does not need one is enabled', () => {
    const items = flatten(build('darwin', { state: null }).template, 'darwin');
    expect(byId(items, 'article:new')?.enabled).toBe(true);
    expect(byId(items, 'article:save')?.enabled).toBe(false);
    expect(byId(items, 'article:find')?.enabled).toBe(false);
  });

  it('sends each command item to the focused window as menu:command', () => {
    const { template, sent } = build('win32');
    const items = flatten(template, 'win32');
    const commandItems = items.filter((item) => typeof item.id === 'string' && (MENU_COMMANDS as readonly string[]).includes(item.id));
    expect(new Set(commandItems.map((item) => item.id))).toEqual(new Set(MENU_COMMANDS));
    for (const item of commandItems) (item.click as () => void)();
    expect(sent).toEqual(commandItems.map((item) => item.id));
  });

  it('lists recent articles in File › Open Recent, opens and clears them', () => {
    const recent = [
      { articleId: 'article-0002', headline: 'Q&A: the budget' },
      { articleId: 'article-0003', headline: '' },
    ];
    const { template, actions } = build('linux', { recent });
    const openRecent = byId(flatten(template, 'linux'), 'open-recent')!.submenu as Item[];
    expect(openRecent.map((item) => item.label ?? item.type)).toEqual(['Q&&A: the budget', 'Untitled', 'separator', 'Clear Menu']);
    (openRecent[0]!.click as () => void)();
    expect(actions.openRecent).toHaveBeenCalledWith('article-0002');
    (openRecent[3]!.click as () => void)();
    expect(actions.clearRecent).toHaveBeenCalled();

    const empty = byId(flatten(build('darwin').template, 'darwin'), 'open-recent')!.submenu as Item[];
    expect(empty.map((item) => [item.label ?? item.type, item.enabled])).toEqual([['No Recent Articles', false], ['separator', undefined], ['Clear Menu', false]]);
  });

  it('lists the open windows on Windows and Linux, and has Reload and the developer tools only in development', () => {
    const windows = [{ id: 1, title: 'Newsdesk', focused: false }, { id: 7, title: 'Storm — Newsdesk', focused: true }];
    const { template, actions } = build('linux', { windows });
    const items = flatten(template, 'linux');
    expect(byId(items, 'window:7')).toMatchObject({ label: 'Storm — Newsdesk', type: 'radio', checked: true });
    (byId(items, 'window:1')!.click as () => void)();
    expect(actions.focusWindow).toHaveBeenCalledWith(1);
    expect(items.some((item) => item.role === 'toggleDevTools' || item.role === 'reload')).toBe(false);
    const dev = flatten(build('linux', { dev: true }).template, 'linux');
    expect(dev.filter((item) => item.role === 'toggleDevTools' || item.role === 'reload')).toHaveLength(2);
  });

  it('Help › Show Logs asks for the log file', () => {
    const { template, actions } = build('darwin');
    (byId(flatten(template, 'darwin'), 'show-logs')!.click as () => void)();
    expect(actions.showLogs).toHaveBeenCalled();
  });

  it('makes headlines safe menu labels', () => {
    expect(menuLabel('  ', 'linux')).toBe('Untitled');
    expect(menuLabel('A & B', 'darwin')).toBe('A & B');
    expect(menuLabel('x'.repeat(80), 'win32')).toHaveLength(60);
  });
});
