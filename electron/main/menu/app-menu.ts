import type { MenuItemConstructorOptions } from 'electron';
import type { MenuState } from '../../../shared/model/desktop';
import type { MenuCommand } from '../../../shared/ipc/events';
import type { RecentArticle } from '../desktop/recent-articles';

/**
 * The application menu: File, Edit, View, Article, Photo, Window, Help (plus the app menu on
 * macOS). Standard roles bring the platform's own labels, shortcuts and behaviour (undo, clipboard,
 * zoom, full screen, window handling); Newsdesk's commands go to the focused window as
 * `menu:command` and its page runs them exactly as its buttons do.
 *
 * Who owns a shortcut: a key the page already handles itself (a keydown listener that calls
 * preventDefault, see PAGE_KEYS) is only shown by the menu, so one press never acts twice. On
 * Windows and Linux such items are not registered (registerAccelerator: false); macOS registers
 * every menu shortcut, but hands a key to the page first and to the menu only when the page did
 * not take it. Keys nobody in the page handles (Find, Import Photos, Open in New Window) belong
 * to the menu.
 *
 * Pure: the same input gives the same template, so it is unit-tested per platform.
 */

/** Keys handled by the page's own keydown listeners (renderer/src: App, Shell, EditorPane, PublishActions, ToolbarPlugin). */
export const PAGE_KEYS = [
  'CmdOrCtrl+N',
  'CmdOrCtrl+S',
  'CmdOrCtrl+1',
  'CmdOrCtrl+2',
  'CmdOrCtrl+3',
  'CmdOrCtrl+4',
  'CmdOrCtrl+5',
  'CmdOrCtrl+Alt+P',
  'CmdOrCtrl+Alt+C',
  'CmdOrCtrl+Shift+Enter',
  'CmdOrCtrl+Shift+P',
  'CmdOrCtrl+,',
] as const;

export interface MenuWindowEntry {
  id: number;
  title: string;
  focused: boolean;
}

export interface AppMenuActions {
  openRecent(articleId: string): void;
  clearRecent(): void;
  showLogs(): void;
  /** Window › <a window> on Windows and Linux (macOS lists its windows itself). */
  focusWindow(id: number): void;
}

export interface AppMenuInput {
  platform: NodeJS.Platform;
  /** What the focused window shows; null when no window of the app has focus. */
  state: MenuState | null;
  /** The focused window is an article's own window (no desks, no draft list). */
  inArticleWindow?: boolean;
  recent: readonly RecentArticle[];
  windows?: readonly MenuWindowEntry[];
  /** Adds Reload and the developer tools (an unpackaged run). */
  dev?: boolean;
  send: (command: MenuCommand) => void;
  actions: AppMenuActions;
}

type Item = MenuItemConstructorOptions;
const SEPARATOR: Item = { type: 'separator' };
const MAX_LABEL_CHARS = 60;

/** A headline as a menu label: shortened, and on Windows/Linux '&' doubled (it marks a mnemonic there). */
export function menuLabel(text: string, platform: NodeJS.Platform): string {
  const trimmed = text.trim() || 'Untitled';
  const short = trimmed.length > MAX_LABEL_CHARS ? `${trimmed.slice(0, MAX_LABEL_CHARS - 1)}…` : trimmed;
  return platform === 'darwin' ? short : short.replace(/&/g, '&&');
}

export function buildAppMenuTemplate(input: AppMenuInput): Item[] {
  const { platform, state } = input;
  const isMac = platform === 'darwin';
  const hasArticle = state !== null && state.articleId !== null;
  const onDesks = !input.inArticleWindow;

  const command = (id: MenuCommand, label: string, options: { accelerator?: string; enabled?: boolean } = {}): Item => {
    const item: Item = { id, label, enabled: options.enabled ?? true, click: () => input.send(id) };
    if (options.accelerator) {
      item.accelerator = options.accelerator;
      if ((PAGE_KEYS as readonly string[]).includes(options.accelerator)) item.registerAccelerator = false;
    }
    return item;
  };
  const preferences = command('app:preferences', isMac || platform === 'win32' ? 'Settings…' : 'Preferences…', {
    accelerator: 'CmdOrCtrl+,',
  });

  const recentItems: Item[] = input.recent.map((entry) => ({
    id: `recent:${entry.articleId}`,
    label: menuLabel(entry.headline, platform),
    click: () => input.actions.openRecent(entry.articleId),
  }));
  const openRecent: Item = {
    id: 'open-recent',
    label: 'Open Recent',
    submenu: [
      ...(recentItems.length > 0 ? recentItems : [{ label: 'No Recent Articles', enabled: false }]),
      SEPARATOR,
      { id: 'clear-recent', label: 'Clear Menu', enabled: recentItems.length > 0, click: () => input.actions.clearRecent() },
    ],
  };

  const file: Item = {
    label: 'File',
    submenu: [
      command('article:new', 'New Article', { accelerator: 'CmdOrCtrl+N' }),
      command('article:import-from-site', 'Import from Site…'),
      openRecent,
      command('article:open-in-window', 'Open in New Window', { accelerator: 'CmdOrCtrl+Shift+N', enabled: hasArticle && onDesks }),
      SEPARATOR,
      command('article:save', 'Save', { accelerator: 'CmdOrCtrl+S', enabled: hasArticle }),
      {
        id: 'export',
        label: 'Export',
        enabled: hasArticle,
        submenu: [
          command('article:export-html', 'HTML…', { enabled: hasArticle }),
          command('article:export-ninjs', 'ninjs…', { enabled: hasArticle }),
        ],
      },
      SEPARATOR,
      ...(isMac ? [] : [preferences, SEPARATOR]),
      { role: 'close', label: 'Close Window' },
      ...(isMac ? [] : [{ role: 'quit' } as Item]),
    ],
  };

  const edit: Item = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      SEPARATOR,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { role: 'selectAll' },
      SEPARATOR,
      command('article:find', 'Find…', { accelerator: 'CmdOrCtrl+F', enabled: state !== null && onDesks }),
    ],
  };

  const desk = (id: MenuCommand & `view:${string}`, label: string, key: string): Item => ({
    ...command(id, label, { accelerator: `CmdOrCtrl+${key}`, enabled: onDesks }),
    type: 'radio',
    checked: state !== null && onDesks && `view:${state.view}` === id,
  });
  const view: Item = {
    label: 'View',
    submenu: [
      desk('view:articles', 'Articles', '1'),
      desk('view:photos', 'Photos', '2'),
      desk('view:feeds', 'Feeds', '3'),
      desk('view:outbox', 'Outbox', '4'),
      desk('view:budget', 'Budget', '5'),
      SEPARATOR,
      ...(input.dev ? [{ role: 'reload' } as Item, { role: 'forceReload' } as Item, { role: 'toggleDevTools' } as Item, SEPARATOR] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      // Ctrl+= zooms in too: on most layouts "+" needs Shift, which the role's Ctrl+Plus then also wants.
      { role: 'zoomIn', accelerator: 'CmdOrCtrl+=', visible: false },
      { role: 'zoomOut' },
      SEPARATOR,
      { role: 'togglefullscreen' },
    ],
  };

  const article: Item = {
    label: 'Article',
    submenu: [
      command('article:preview', 'Preview', { accelerator: 'CmdOrCtrl+Alt+P', enabled: hasArticle }),
      command('article:check', 'Check', { accelerator: 'CmdOrCtrl+Alt+C', enabled: hasArticle }),
      command('article:history', 'History…', { enabled: hasArticle }),
      SEPARATOR,
      command('article:publish', 'Publish…', { accelerator: 'CmdOrCtrl+Shift+Enter', enabled: hasArticle }),
      SEPARATOR,
      command('article:trash', 'Move to Trash', { enabled: hasArticle }),
    ],
  };

  const photo: Item = {
    label: 'Photo',
    submenu: [
      command('photo:import', 'Import Photos…', { accelerator: 'CmdOrCtrl+O', enabled: onDesks }),
      // The photo picker opens in the editor, so an article must be open on the drafting desk.
      command('photo:insert', 'Insert Photo…', { accelerator: 'CmdOrCtrl+Shift+P', enabled: hasArticle && state?.view === 'articles' }),
      SEPARATOR,
      command('photo:edit-credit-style', 'Credit Style…', { enabled: onDesks }),
      SEPARATOR,
      // Asks first when a selected photo is used by an article or video; Delete in the grid does the same.
      command('photo:delete', 'Move to Trash', { enabled: state?.view === 'photos' && (state?.photoSelection ?? 0) > 0 }),
    ],
  };

  const windowList: Item[] = (input.windows ?? []).map((entry) => ({
    id: `window:${entry.id}`,
    label: menuLabel(entry.title, platform),
    type: 'radio',
    checked: entry.focused,
    click: () => input.actions.focusWindow(entry.id),
  }));
  // macOS fills its Window menu itself (minimize, zoom, the open windows, Bring All to Front).
  const windowMenu: Item = isMac
    ? { role: 'windowMenu' }
    : { role: 'windowMenu', submenu: [{ role: 'minimize' }, ...(windowList.length > 0 ? [SEPARATOR, ...windowList] : [])] };

  const help: Item = {
    role: 'help',
    submenu: [
      { id: 'show-logs', label: 'Show Logs', click: () => input.actions.showLogs() },
      // macOS has About in the app menu.
      ...(isMac ? [] : [SEPARATOR, { role: 'about' } as Item]),
    ],
  };

  const appMenu: Item = {
    role: 'appMenu',
    submenu: [
      { role: 'about' },
      SEPARATOR,
      preferences,
      SEPARATOR,
      { role: 'services' },
      SEPARATOR,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      SEPARATOR,
      { role: 'quit' },
    ],
  };

  return [...(isMac ? [appMenu] : []), file, edit, view, article, photo, windowMenu, help];
}
