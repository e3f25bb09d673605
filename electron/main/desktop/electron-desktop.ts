import { join } from 'node:path';
import type {
  App,
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Clipboard,
  Dialog,
  Display,
  Menu as ElectronMenu,
  MenuItemConstructorOptions,
  MessageBoxOptions,
  NativeTheme,
  Session,
  Shell,
} from 'electron';
import type { SavedBeforeClose } from '../../../shared/ipc/desktop-contract';
import type { Settings } from '../../../shared/model/settings';
import type { FinishedJob } from '../services/compose';
import type { DesktopShell } from '../services/desktop/desktop-shell';
import { buildAppMenuTemplate } from '../menu/app-menu';
import { installContextMenu } from '../menu/context-menu';
import { AppWindows, type AppWindowRole } from '../window/app-windows';
import { createCloseGuard } from '../window/close-guard';
import { createAppWindow } from '../window/main-window';
import { MAIN_WINDOW_KEY, articleWindowKey, touchArticleWindowKey, type KeyValueStore } from '../window/window-state';
import { sendAppEvent } from './app-events';
import { createPublishNotifier, type NotificationClass } from './publish-notifications';
import { createMentionNotifier } from './mention-notifications';
import type { DeskMention } from '../services/desk/comment-mentions';
import { createAssignmentNotifier, type AssignmentToNotify } from './assignment-notifications';
import { articleIdFromPath, createRecentArticles, osRecentDocumentsFor } from './recent-articles';
import { applySpellcheckLanguages } from './spellcheck';
import { applyThemeSetting, watchTheme } from './theme';

/**
 * The Electron side of the desktop conventions, put together: windows (main and per article), the
 * application and context menus, theme, spelling languages, recent articles and publish
 * notifications. index.ts creates it once the app is ready and hands `shell` to the services.
 */

export interface ElectronDesktopDeps {
  app: Pick<App, 'on' | 'quit' | 'getLocale' | 'addRecentDocument' | 'clearRecentDocuments'>;
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): ElectronMenu; setApplicationMenu(menu: ElectronMenu | null): void };
  Notification: NotificationClass;
  nativeTheme: NativeTheme;
  screen: { getAllDisplays(): Display[]; getPrimaryDisplay(): Display };
  session: Pick<Session, 'setSpellCheckerLanguages' | 'availableSpellCheckerLanguages'>;
  shell: Pick<Shell, 'showItemInFolder'>;
  clipboard: Pick<Clipboard, 'writeText'>;
  /** Asks what to do when a window cannot save before closing, or its page cannot load. */
  dialog: Pick<Dialog, 'showMessageBox'>;
  platform: NodeJS.Platform;
  /** An unpackaged run: Reload and the developer tools in the View menu. */
  dev: boolean;
  windowStore: KeyValueStore;
  recentStore: KeyValueStore;
  preloadPath: string;
  entryUrl: string;
  /** The library's drafts folder: articles' files, for the OS recent-documents list. */
  draftsDir: string;
  logFile: string;
  log: (message: string) => void;
}

export interface ElectronDesktop {
  shell: DesktopShell;
  windows: AppWindows<BrowserWindow>;
  openMainWindow(): BrowserWindow;
  showArticle(articleId: string): void;
  /** Launch arguments or an opened file: shows the article if one of them is a draft's file. */
  openPaths(paths: readonly string[]): boolean;
  applySettings(settings: Settings): void;
  jobFinished(finished: FinishedJob): void;
  /** Someone on the desk mentioned the signed-in person in a comment. */
  mentioned(mention: DeskMention): void;
  /** The OS notification of a story assigned here; false where the OS shows none. */
  notifyAssignment(notice: AssignmentToNotify): boolean;
  refreshMenu(): void;
  /** A window's answer to 'app:saveBeforeClose' (the 'app:savedBeforeClose' channel). */
  savedBeforeClose(senderId: number, answer: SavedBeforeClose): void;
}

/** Article windows open smaller than the main window: one story, no draft list. */
const ARTICLE_WINDOW_SIZE = { width: 1040, height: 820 };

export function createElectronDesktop(deps: ElectronDesktopDeps): ElectronDesktop {
  let refreshing = false;
  const refreshMenu = (): void => {
    // A rebuild can focus or blur nothing by itself, but guard against a change event inside one.
    if (refreshing) return;
    refreshing = true;
    try {
      const focused = windows.focused();
      const template = buildAppMenuTemplate({
        platform: deps.platform,
        state: focused?.state ?? (focused ? { view: 'articles', articleId: null, photoSelection: 0 } : null),
        inArticleWindow: focused?.role.kind === 'article',
        recent: recent.list(),
        windows: deps.platform === 'darwin' ? [] : windows.summaries(),
        dev: deps.dev,
        send: (command) => {
          const target = windows.focused()?.win ?? null;
          if (target) sendAppEvent(target.webContents, 'menu:command', { command });
          // No window of the app in front (macOS with every window closed): the desks come back.
          else windows.openMain();
        },
        actions: {
          openRecent: (articleId) => showArticle(articleId),
          clearRecent: () => recent.clear(),
          showLogs: () => deps.shell.showItemInFolder(deps.logFile),
          focusWindow: (id) => windows.focus(id),
        },
      });
      deps.Menu.setApplicationMenu(deps.Menu.buildFromTemplate(template));
    } finally {
      refreshing = false;
    }
  };

  const showMessageBox = (win: BrowserWindow, options: MessageBoxOptions) => deps.dialog.showMessageBox(win, options);
  const closeGuard = createCloseGuard({ app: deps.app, showMessageBox, log: deps.log });

  const createWindow = (role: AppWindowRole): BrowserWindow => {
    const stateKey = role.kind === 'main' ? MAIN_WINDOW_KEY : articleWindowKey(role.articleId);
    if (role.kind === 'article') touchArticleWindowKey(deps.windowStore, stateKey);
    const win = createAppWindow(
      {
        BrowserWindow: deps.BrowserWindow,
        screen: deps.screen,
        stateStore: deps.windowStore,
        preloadPath: deps.preloadPath,
        entryUrl: deps.entryUrl,
        darkBackground: deps.nativeTheme.shouldUseDarkColors,
        showMessageBox,
        log: deps.log,
      },
      role.kind === 'main' ? { stateKey, title: 'Newsdesk' } : { stateKey, title: 'Newsdesk', defaultSize: ARTICLE_WINDOW_SIZE },
    );
    installContextMenu(
      win.webContents,
      (template) => deps.Menu.buildFromTemplate(template).popup({ window: win }),
      (text) => deps.clipboard.writeText(text),
    );
    closeGuard.watch(win);
    return win;
  };

  const windows = new AppWindows<BrowserWindow>({ create: createWindow, onChange: () => refreshMenu() });
  const showArticle = (articleId: string): void => windows.showArticle(articleId);

  const recent = createRecentArticles({
    store: deps.recentStore,
    os: osRecentDocumentsFor(deps.platform, deps.app),
    pathOf: (articleId) => join(deps.draftsDir, `${articleId}.json`),
    onChange: () => refreshMenu(),
  });

  watchTheme(deps.nativeTheme, () => windows.all());
  const notifyJob = createPublishNotifier({ Notification: deps.Notification, openArticle: showArticle, log: deps.log });
  const notifyMention = createMentionNotifier({ Notification: deps.Notification, openArticle: showArticle, log: deps.log });
  const notifyAssignment = createAssignmentNotifier({ Notification: deps.Notification, openArticle: showArticle, log: deps.log });

  let appliedDesktop: string | null = null;
  const shell: DesktopShell = {
    windowContext(senderId) {
      const role = windows.roleOf(senderId);
      return { articleId: role?.kind === 'article' ? role.articleId : null, dark: deps.nativeTheme.shouldUseDarkColors };
    },
    menuState(senderId, state) {
      if (windows.setState(senderId, state)) refreshMenu();
    },
    async openArticleWindow(articleId) {
      windows.openArticleWindow(articleId);
    },
    articleOpened(articleId, headline) {
      recent.add(articleId, headline);
    },
  };

  return {
    shell,
    windows,
    openMainWindow: () => windows.openMain(),
    showArticle,
    openPaths(paths) {
      const ids = paths.map((path) => articleIdFromPath(path, deps.draftsDir)).filter((id): id is string => id !== null);
      for (const id of ids) showArticle(id);
      return ids.length > 0;
    },
    applySettings(settings) {
      // Every settings save arrives here (sections, feeds…); only a change of these is applied.
      const key = JSON.stringify(settings.desktop);
      if (key === appliedDesktop) return;
      appliedDesktop = key;
      applyThemeSetting(deps.nativeTheme, settings.desktop.theme);
      const applied = applySpellcheckLanguages(deps.session, settings.desktop.spellcheckLanguages, deps.platform, deps.app.getLocale(), deps.log);
      if (applied !== null) deps.log(`Spelling languages: ${applied.join(', ') || 'none available'}`);
    },
    jobFinished({ job, targetName }) {
      try {
        notifyJob(job, targetName);
      } catch (error) {
        deps.log(`Publish notification for job ${job.id} failed: ${String(error)}`);
      }
    },
    mentioned(mention) {
      try {
        notifyMention(mention);
      } catch (error) {
        deps.log(`Mention notification for comment ${mention.comment.id} failed: ${String(error)}`);
      }
    },
    notifyAssignment,
    refreshMenu,
    savedBeforeClose: (senderId, answer) => closeGuard.savedBeforeClose(senderId, answer),
  };
}
