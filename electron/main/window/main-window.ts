import type { BrowserWindow, BrowserWindowConstructorOptions, Display, MessageBoxOptions, WebPreferences } from 'electron';
import { installCrashRecovery } from './crash-recovery';
import { backgroundColor } from '../desktop/theme';
import { MAIN_WINDOW_KEY, MIN_SIZE, initialPlacement, loadWindowState, trackWindowState, type KeyValueStore } from './window-state';
import { messageOf } from '../../../shared/model/errors';

/**
 * The renderer's web preferences, following Electron's security checklist: the page runs
 * sandboxed, isolated from the preload, without Node, and cannot lower web security. The preload
 * is the only bridge (window.newsdesk).
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // A file dropped outside the editor would otherwise navigate the window to file://.
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
    // No auxclick events: a middle-click on a link cannot try to open a window (denied anyway).
    disableBlinkFeatures: 'Auxclick',
  };
}

export interface MainWindowDeps {
  /** The BrowserWindow class (injected so tests can pass the fake). */
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  screen: { getAllDisplays(): Display[]; getPrimaryDisplay(): Display };
  stateStore: KeyValueStore;
  preloadPath: string;
  /** app://newsdesk/index.html, or the Vite dev server URL in development. */
  entryUrl: string;
  darkBackground?: boolean;
  /** Shows the window even if the page never signals ready-to-show (e.g. a failed load). */
  showFallbackMs?: number;
  /** Says why the page could not load and offers to try again (dialog.showMessageBox in the app). */
  showMessageBox?: (win: BrowserWindow, options: MessageBoxOptions) => Promise<{ response: number }>;
  log?: (message: string) => void;
}

/** What differs between the main window and an article's own window. */
export interface AppWindowKind {
  /** Where its size and position are remembered (window-state.ts). */
  stateKey: string;
  title: string;
  /** The size it opens at the first time. */
  defaultSize?: { width: number; height: number };
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  return createAppWindow(deps, { stateKey: MAIN_WINDOW_KEY, title: 'Newsdesk' });
}

/**
 * Any window of the app: the same secure web preferences and entry URL (so the same origin and
 * preload) whatever it shows; the page asks `app:windowContext` what it is for.
 */
export function createAppWindow(deps: MainWindowDeps, kind: AppWindowKind): BrowserWindow {
  const placement = initialPlacement(
    loadWindowState(deps.stateStore, kind.stateKey),
    deps.screen.getAllDisplays(),
    deps.screen.getPrimaryDisplay(),
    kind.defaultSize,
  );
  const win = new deps.BrowserWindow({
    ...(placement.x !== undefined && placement.y !== undefined ? { x: placement.x, y: placement.y } : { center: true }),
    width: placement.width,
    height: placement.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: kind.title,
    // Hidden until the first paint, so the user never sees a blank white frame.
    show: false,
    backgroundColor: backgroundColor(deps.darkBackground ?? false),
    webPreferences: secureWebPreferences(deps.preloadPath),
  });

  let shown = false;
  // Shows the window even if the page never signals ready-to-show (e.g. the load failed).
  const fallback = setTimeout(reveal, deps.showFallbackMs ?? 5000);
  function reveal(): void {
    if (shown || win.isDestroyed()) return;
    shown = true;
    clearTimeout(fallback);
    if (placement.maximize) win.maximize();
    win.show();
  }
  win.once('ready-to-show', reveal);
  win.once('closed', () => clearTimeout(fallback));

  trackWindowState(win, deps.stateStore, { key: kind.stateKey });
  installCrashRecovery(win, deps.entryUrl, deps.log);

  loadPage(win, deps, reveal);
  return win;
}

/** Electron's code for a load that was replaced by another (a reload, a redirect): not a failure. */
const ABORTED = 'ERR_ABORTED';

/**
 * Loads the page. A load that fails (the app's files damaged or missing, a dev server that is not
 * running) would leave an empty window, so the window is shown with a dialog that says what failed
 * and offers to try again or close the window.
 */
function loadPage(win: BrowserWindow, deps: MainWindowDeps, reveal: () => void): void {
  win.loadURL(deps.entryUrl).catch(async (error: unknown) => {
    if ((error as { code?: unknown } | null)?.code === ABORTED || win.isDestroyed()) return;
    const detail = messageOf(error);
    deps.log?.(`Could not load ${deps.entryUrl}: ${detail}`);
    reveal();
    if (!deps.showMessageBox) return;
    const { response } = await deps.showMessageBox(win, {
      type: 'error',
      title: 'Newsdesk',
      message: 'Newsdesk could not show this window.',
      detail: `Its page did not load: ${detail}\n\nTry again, or close the window. If this keeps happening, reinstall Newsdesk.`,
      buttons: ['Try Again', 'Close Window'],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    }).catch(() => ({ response: 1 }));
    if (win.isDestroyed()) return;
    if (response === 0) loadPage(win, deps, reveal);
    else win.close();
  });
}

/** Brings an existing window to the front (second launch, dock click). */
export function focusWindow(win: Pick<BrowserWindow, 'isMinimized' | 'restore' | 'isVisible' | 'show' | 'focus'>): void {
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
