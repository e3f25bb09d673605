import type { BrowserWindow, BrowserWindowConstructorOptions, Display, WebPreferences } from 'electron';
import { installCrashRecovery } from './crash-recovery';
import { MIN_SIZE, initialPlacement, loadWindowState, trackWindowState, type KeyValueStore } from './window-state';

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
  log?: (message: string) => void;
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const placement = initialPlacement(
    loadWindowState(deps.stateStore),
    deps.screen.getAllDisplays(),
    deps.screen.getPrimaryDisplay(),
  );
  const win = new deps.BrowserWindow({
    ...(placement.x !== undefined && placement.y !== undefined ? { x: placement.x, y: placement.y } : { center: true }),
    width: placement.width,
    height: placement.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Newsdesk',
    // Hidden until the first paint, so the user never sees a blank white frame.
    show: false,
    backgroundColor: deps.darkBackground ? '#1f1f1f' : '#ffffff',
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

  trackWindowState(win, deps.stateStore);
  installCrashRecovery(win, deps.entryUrl, deps.log);

  win.loadURL(deps.entryUrl).catch((error: unknown) => {
    deps.log?.(`Could not load ${deps.entryUrl}: ${String(error)}`);
    reveal();
  });
  return win;
}

/** Brings an existing window to the front (second launch, dock click). */
export function focusWindow(win: Pick<BrowserWindow, 'isMinimized' | 'restore' | 'isVisible' | 'show' | 'focus'>): void {
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
