import type { BrowserWindow as ElectronBrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow, focusWindow, type MainWindowDeps } from '../../../electron/main/window/main-window';
import {
  MAIN_WINDOW_KEY as WINDOW_STATE_KEY,
  initialPlacement,
  isGrabbable,
  trackWindowState,
  type KeyValueStore,
} from '../../../electron/main/window/window-state';
import { BrowserWindow, dialog, flush, resetFakeElectron, screen } from '../../fakes/electron';

class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, unknown>();
  get(key: string): unknown {
    return this.data.get(key);
  }
  set(key: string, value: unknown): void {
    this.data.set(key, structuredClone(value));
  }
}

const PRELOAD = '/app/out/preload/index.cjs';

function open(store = new MemoryStore(), extra: Partial<MainWindowDeps> = {}) {
  const win = createMainWindow({
    BrowserWindow: BrowserWindow as unknown as MainWindowDeps['BrowserWindow'],
    screen: screen as unknown as MainWindowDeps['screen'],
    stateStore: store,
    preloadPath: PRELOAD,
    entryUrl: 'app://newsdesk/index.html',
    ...extra,
  }) as unknown as BrowserWindow;
  return { win, store };
}

beforeEach(() => resetFakeElectron());
afterEach(() => vi.useRealTimers());

describe('main window', () => {
  it('is sandboxed, context-isolated, without Node, with the preload', () => {
    const { win } = open();
    expect(win.options.webPreferences).toMatchObject({
      preload: PRELOAD,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    });
    expect(win.options.webPreferences.enableBlinkFeatures).toBeUndefined();
  });

  it('loads the app URL (never file://) and shows itself once painted', () => {
    const { win } = open();
    expect(win.webContents.loadedUrls).toEqual(['app://newsdesk/index.html']);
    expect(win.webContents.loadedFiles).toEqual([]);
    expect(win.isVisible()).toBe(false);
    win.emit('ready-to-show');
    expect(win.isVisible()).toBe(true);
  });

  it('still shows itself if the page never signals ready-to-show', () => {
    vi.useFakeTimers();
    const { win } = open(new MemoryStore(), { showFallbackMs: 1000 });
    vi.advanceTimersByTime(999);
    expect(win.isVisible()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(win.isVisible()).toBe(true);
  });

  it('opens at the default size, centred, without saved state', () => {
    const { win } = open();
    expect(win.options).toMatchObject({ width: 1280, height: 832, center: true, show: false });
    expect(win.options.x).toBeUndefined();
  });

  it('is brought back to the front when focused from a second launch', () => {
    const { win } = open();
    win.minimize();
    win.hide();
    focusWindow(win as unknown as ElectronBrowserWindow);
    expect(win.isMinimized()).toBe(false);
    expect(win.isVisible()).toBe(true);
    expect(win.isFocused()).toBe(true);
  });
});

describe('a page that cannot load', () => {
  /** Like the app: load failures are answered with the system's message box. */
  const withDialog = (): Partial<MainWindowDeps> => ({ showMessageBox: dialog.showMessageBox as unknown as MainWindowDeps['showMessageBox'] });
  /** A window whose page fails to load (missing files, a dev server that is down) from the start. */
  class FailingWindow extends BrowserWindow {
    constructor(options: Record<string, unknown>) {
      super(options);
      this.webContents.loadFailure = { code: 'ERR_FILE_NOT_FOUND', errno: -6 };
    }
  }
  const failing = (): Partial<MainWindowDeps> => ({ ...withDialog(), BrowserWindow: FailingWindow as unknown as MainWindowDeps['BrowserWindow'] });

  it('shows the window with what failed and Try Again, instead of an empty window', async () => {
    const { win } = open(new MemoryStore(), failing());
    await flush();
    expect(win.isVisible()).toBe(true);
    const [box] = dialog.messageBoxes;
    expect(box?.parent).toBe(win);
    expect(box?.options.detail).toContain('ERR_FILE_NOT_FOUND');
    expect(box?.options.buttons).toEqual(['Try Again', 'Close Window']);

    win.webContents.loadFailure = null; // e.g. the dev server is up now
    box!.answer(0);
    await flush();
    expect(win.webContents.loadedUrls).toEqual(['app://newsdesk/index.html', 'app://newsdesk/index.html']);
    expect(win.webContents.getURL()).toBe('app://newsdesk/index.html');
    expect(dialog.messageBoxes).toEqual([]);
  });

  it('asks again while the load keeps failing, and Close Window closes it', async () => {
    const { win } = open(new MemoryStore(), failing());
    await flush();
    dialog.messageBoxes[0]!.answer(0);
    await flush();
    expect(win.webContents.loadedUrls).toHaveLength(2);
    dialog.messageBoxes[0]!.answer(1);
    await flush();
    expect(win.isDestroyed()).toBe(true);
  });

  it('takes a load replaced by another (ERR_ABORTED) for no failure', async () => {
    const { win } = open(new MemoryStore(), withDialog());
    win.webContents.loadFailure = { code: 'ERR_ABORTED', errno: -3 };
    await win.loadURL('app://newsdesk/index.html').catch(() => undefined);
    await flush();
    expect(dialog.messageBoxes).toEqual([]);
  });
});

describe('window state', () => {
  it('is saved on close and restored at the next launch', () => {
    const first = open();
    first.win.setBounds({ x: 100, y: 120, width: 1000, height: 700 });
    first.win.close();
    expect(first.store.get(WINDOW_STATE_KEY)).toEqual({ bounds: { x: 100, y: 120, width: 1000, height: 700 }, isMaximized: false });

    const second = open(first.store);
    expect(second.win.options).toMatchObject({ x: 100, y: 120, width: 1000, height: 700 });
  });

  it('saves while moving (debounced), keeps normal bounds when maximized and restores maximized', () => {
    vi.useFakeTimers();
    const { win, store } = open();
    win.setBounds({ x: 50, y: 60, width: 900, height: 600 });
    expect(store.get(WINDOW_STATE_KEY)).toBeUndefined();
    vi.advanceTimersByTime(1000);
    expect(store.get(WINDOW_STATE_KEY)).toMatchObject({ bounds: { x: 50, y: 60 } });
    win.maximize();
    win.close();
    expect(store.get(WINDOW_STATE_KEY)).toEqual({ bounds: { x: 50, y: 60, width: 900, height: 600 }, isMaximized: true });

    const next = open(store).win;
    expect(next.options).toMatchObject({ x: 50, y: 60, width: 900, height: 600 });
    expect(next.isMaximized()).toBe(false);
    next.emit('ready-to-show');
    expect(next.isMaximized()).toBe(true);
  });

  it('does not save minimized or full-screen geometry', () => {
    const { win, store } = open();
    win.minimize();
    win.close();
    expect(store.get(WINDOW_STATE_KEY)).toBeUndefined();
    const other = open(store).win;
    other.setFullScreen(true);
    other.close();
    expect(store.get(WINDOW_STATE_KEY)).toBeUndefined();
  });

  it('is ignored when the saved position is on a display that is gone', () => {
    const store = new MemoryStore();
    // Saved on a second monitor to the right, which has since been unplugged.
    store.set(WINDOW_STATE_KEY, { bounds: { x: 2200, y: 100, width: 1000, height: 700 }, isMaximized: false });
    const { win } = open(store);
    expect(win.options.x).toBeUndefined();
    expect(win.options).toMatchObject({ center: true, width: 1000, height: 700 });

    // With the monitor back, the position is used again.
    screen.setDisplays([{ x: 0, y: 0, width: 1920, height: 1040 }, { x: 1920, y: 0, width: 2560, height: 1400 }]);
    expect(open(store).win.options).toMatchObject({ x: 2200, y: 100 });
  });

  it('is ignored when corrupt, and sizes are clamped to the screen', () => {
    const store = new MemoryStore();
    store.set(WINDOW_STATE_KEY, { bounds: { x: 'a' }, isMaximized: 'yes' });
    expect(open(store).win.options).toMatchObject({ center: true, width: 1280, height: 832 });

    screen.setDisplays([{ x: 0, y: 0, width: 1024, height: 700 }]);
    expect(open(new MemoryStore()).win.options).toMatchObject({ width: 1024, height: 700 });
  });

  it('needs the title bar on a display, not just a corner of the window', () => {
    const displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }];
    expect(isGrabbable({ x: 1800, y: 100, width: 800, height: 600 }, displays)).toBe(true); // 120 px visible
    expect(isGrabbable({ x: 1850, y: 100, width: 800, height: 600 }, displays)).toBe(false); // 70 px visible
    expect(isGrabbable({ x: 100, y: -300, width: 800, height: 600 }, displays)).toBe(false); // title bar above the screen
    expect(isGrabbable({ x: 100, y: 1030, width: 800, height: 600 }, displays)).toBe(false); // only 10 px left
    expect(initialPlacement(null, displays, displays[0]!)).toEqual({ width: 1280, height: 832, maximize: false });
  });

  it('of the main window written by an earlier version (under "mainWindow") is still used', () => {
    const store = new MemoryStore();
    store.set('mainWindow', { bounds: { x: 40, y: 50, width: 1100, height: 760 }, isMaximized: false });
    expect(open(store).win.options).toMatchObject({ x: 40, y: 50, width: 1100, height: 760 });
  });

  it('stops saving once tracking is disposed', () => {
    const store = new MemoryStore();
    const win = new BrowserWindow({ show: false });
    const stop = trackWindowState(win as unknown as ElectronBrowserWindow, store);
    stop();
    win.close();
    expect(store.get(WINDOW_STATE_KEY)).toBeUndefined();
  });
});
