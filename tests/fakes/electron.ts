import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeWebContents, contextBridge, fakeEvent, flush, ipcMain, ipcRenderer, resetWebContentsFakes, session, webContents } from './electron-web-contents';
import { Notification, nativeTheme } from './electron-desktop';
import { createFakeNet } from './electron-net';
import { createFakeSafeStorage } from './safe-storage';

// Frames, sessions, web contents, IPC and the preload's bridge live in a sibling module, re-exported
// here so every import of this one keeps working.
export { FakeSession, FakeWebContents, FakeWebFrameMain, contextBridge, fakeEvent, flush, ipcMain, ipcRenderer, session, webContents } from './electron-web-contents';
export type { FakeEvent } from './electron-web-contents';
export { Notification, nativeTheme } from './electron-desktop';

/**
 * A fake `electron` module for unit tests (vitest aliases `electron` here). It records what the
 * shell asks of Electron and lets tests play Electron's side: fire `ready`, navigate a web contents,
 * open a window, invoke an IPC channel from a given frame, quit. It also enforces the ordering rules
 * the real module enforces (e.g. sandbox and scheme privileges only before `ready`), so the
 * shell's startup order is tested too. Call `resetFakeElectron()` between tests.
 */

export interface Rect { x: number; y: number; width: number; height: number }
let nextWindowId = 1;
export class BrowserWindow extends EventEmitter {
  static getAllWindows(): BrowserWindow[] { return fakeState.windows.filter((w) => !w.isDestroyed()); }
  static getFocusedWindow(): BrowserWindow | null { return BrowserWindow.getAllWindows().find((w) => w.focused) ?? null; }
  static fromWebContents(contents: unknown): BrowserWindow | null {
    return fakeState.windows.find((w) => w.webContents === contents) ?? null;
  }
  readonly id = nextWindowId++;
  readonly webContents: FakeWebContents;
  bounds: Rect;
  normalBounds: Rect;
  visible = false;
  focused = false;
  minimized = false;
  maximized = false;
  fullScreen = false;
  title: string;
  backgroundColor: string;
  private destroyed = false;
  constructor(readonly options: Record<string, any> = {}) { // eslint-disable-line @typescript-eslint/no-explicit-any
    super();
    this.title = options.title ?? 'Electron';
    this.backgroundColor = options.backgroundColor ?? '#FFFFFF';
    const area = screen.getPrimaryDisplay().workArea;
    const width = options.width ?? 800;
    const height = options.height ?? 600;
    this.bounds = {
      x: options.x ?? Math.round(area.x + (area.width - width) / 2),
      y: options.y ?? Math.round(area.y + (area.height - height) / 2),
      width,
      height,
    };
    this.normalBounds = { ...this.bounds };
    this.visible = options.show ?? true;
    this.webContents = new FakeWebContents();
    fakeState.windows.push(this);
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> { return this.webContents.loadURL(url); }
  loadFile(file: string): Promise<void> { return this.webContents.loadFile(file); }
  show(): void { this.visible = true; this.takeFocus(); this.emit('show'); }
  hide(): void { this.visible = false; this.emit('hide'); }
  focus(): void { this.takeFocus(); this.emit('focus'); }
  /** Like the OS: one window has focus; the one that had it gets 'blur'. */
  private takeFocus(): void {
    for (const other of BrowserWindow.getAllWindows()) {
      if (other !== this && other.focused) { other.focused = false; other.emit('blur'); }
    }
    this.focused = true;
  }
  blur(): void { if (this.focused) { this.focused = false; this.emit('blur'); } }
  getTitle(): string { return this.title; }
  /** Like a page changing document.title. */
  setTitle(title: string): void { this.title = title; this.emit('page-title-updated', fakeEvent(), title, true); }
  setBackgroundColor(color: string): void { this.backgroundColor = color; }
  isFocused(): boolean { return this.focused; }
  isVisible(): boolean { return this.visible; }
  minimize(): void { this.minimized = true; this.emit('minimize'); }
  isMinimized(): boolean { return this.minimized; }
  restore(): void { this.minimized = false; this.emit('restore'); }
  maximize(): void { this.maximized = true; this.emit('maximize'); }
  unmaximize(): void { this.maximized = false; this.bounds = { ...this.normalBounds }; this.emit('unmaximize'); }
  isMaximized(): boolean { return this.maximized; }
  setFullScreen(flag: boolean): void { this.fullScreen = flag; this.emit(flag ? 'enter-full-screen' : 'leave-full-screen'); }
  isFullScreen(): boolean { return this.fullScreen; }
  getBounds(): Rect { return { ...this.bounds }; }
  getNormalBounds(): Rect { return { ...this.normalBounds }; }
  /** Like a user drag/resize: updates the bounds and fires 'move' and 'resize'. */
  setBounds(bounds: Partial<Rect>): void {
    this.bounds = { ...this.bounds, ...bounds };
    if (!this.maximized) this.normalBounds = { ...this.bounds };
    this.emit('move');
    this.emit('resize');
  }
  isDestroyed(): boolean { return this.destroyed; }
  /** Fires a preventable 'close', runs the page's beforeunload (which may veto), then destroys the window. */
  close(): void {
    if (this.destroyed) return;
    const event = fakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented && this.webContents.confirmUnload()) this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.focused = false;
    this.webContents.destroy();
    this.emit('closed');
    if (BrowserWindow.getAllWindows().length === 0 && !app.quitting) app.emit('window-all-closed');
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  name = 'Newsdesk';
  version = '0.1.0';
  paths: Record<string, string> = {};
  /** What requestSingleInstanceLock() returns: false simulates a second launch. */
  singleInstanceLock = true;
  lockRequested = false;
  sandboxEnabled = false;
  quitting = false;
  quitCalls = 0;
  exitCode: number | null = null;
  /** True once the quit sequence went through to the end ('quit' emitted). */
  quitted = false;
  aboutPanelOptions: unknown = null;
  aboutPanelShown = 0;
  locale = 'en-US';
  /** The OS recent-documents list (app.addRecentDocument). */
  recentDocuments: string[] = [];
  private ready = false;
  private readyResolvers: (() => void)[] = [];
  reset(): void {
    this.removeAllListeners();
    Object.assign(this, {
      isPackaged: false, singleInstanceLock: true, lockRequested: false, sandboxEnabled: false, quitting: false,
      quitCalls: 0, exitCode: null, quitted: false, aboutPanelOptions: null, aboutPanelShown: 0, locale: 'en-US',
      recentDocuments: [], ready: false, readyResolvers: [],
    });
    const root = join(tmpdir(), `newsdesk-fake-electron-${process.pid}`);
    this.paths = { userData: join(root, 'userData'), appData: root, temp: tmpdir(), home: root, logs: join(root, 'logs') };
  }
  getPath(name: string): string {
    const path = this.paths[name];
    if (path === undefined) throw new Error(`Failed to get '${name}' path`);
    return path;
  }
  setPath(name: string, path: string): void { this.paths[name] = path; }
  getVersion(): string { return this.version; }
  getName(): string { return this.name; }
  getAppPath(): string { return process.cwd(); }
  isReady(): boolean { return this.ready; }
  whenReady(): Promise<void> {
    return this.ready ? Promise.resolve() : new Promise((done) => this.readyResolvers.push(done));
  }
  enableSandbox(): void {
    if (this.ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    this.sandboxEnabled = true;
  }
  requestSingleInstanceLock(): boolean { this.lockRequested = true; return this.singleInstanceLock; }
  releaseSingleInstanceLock(): void { this.lockRequested = false; }
  setAboutPanelOptions(options: unknown): void { this.aboutPanelOptions = options; }
  showAboutPanel(): void { this.aboutPanelShown += 1; }
  getLocale(): string { return this.locale; }
  addRecentDocument(path: string): void { this.recentDocuments.push(path); }
  clearRecentDocuments(): void { this.recentDocuments = []; }
  focus(): void { this.emit('focus'); }
  /** Electron's quit sequence: before-quit, close every window, will-quit, quit; each step may stop it. */
  quit(): void {
    this.quitCalls += 1;
    const before = fakeEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    this.quitting = true;
    for (const win of BrowserWindow.getAllWindows()) win.close();
    if (BrowserWindow.getAllWindows().length > 0) { this.quitting = false; return; }
    const will = fakeEvent();
    this.emit('will-quit', will);
    if (will.defaultPrevented) { this.quitting = false; return; }
    this.quitted = true;
    this.emit('quit', fakeEvent(), 0);
  }
  exit(code = 0): void { this.exitCode = code; this.quitted = true; }
  /** Plays Electron reaching `ready`, then lets the promise chains behind whenReady() run. */
  async simulateReady(): Promise<void> {
    this.ready = true;
    this.emit('ready', fakeEvent(), {});
    for (const resolve of this.readyResolvers.splice(0)) resolve();
    await flush();
    await flush();
  }
  simulateSecondInstance(argv: string[] = [], cwd = process.cwd()): void {
    this.emit('second-instance', fakeEvent(), argv, cwd, {});
  }
}

class FakeProtocol {
  privileged: { scheme: string; privileges?: Record<string, boolean> }[] = [];
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  reset(): void { this.privileged = []; this.handlers.clear(); }
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]): void {
    if (app.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    if (!app.isReady()) throw new Error('protocol.handle() cannot be called before the app is ready');
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
  }
  unhandle(scheme: string): void { this.handlers.delete(scheme); }
  isProtocolHandled(scheme: string): boolean { return this.handlers.has(scheme); }
  /** A request as the renderer would make it, answered by the registered handler. */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const handler = this.handlers.get(url.slice(0, url.indexOf(':')));
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME (${url})`);
    return handler(new Request(url, init));
  }
}

class FakeMenu {
  constructor(readonly template: unknown[]) {}
  static applicationMenu: FakeMenu | null = null;
  /** Every context menu shown, newest last. */
  static popups: { template: unknown[]; options: unknown }[] = [];
  popup(options: unknown = {}): void { FakeMenu.popups.push({ template: this.template, options }); }
  static buildFromTemplate(template: unknown[]): FakeMenu { return new FakeMenu(template); }
  static setApplicationMenu(menu: FakeMenu | null): void { FakeMenu.applicationMenu = menu; }
  static getApplicationMenu(): FakeMenu | null { return FakeMenu.applicationMenu; }
}

const DEFAULT_DISPLAY = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, scaleFactor: 1 };
class FakeScreen extends EventEmitter {
  displays: (typeof DEFAULT_DISPLAY)[] = [DEFAULT_DISPLAY];
  reset(): void { this.removeAllListeners(); this.displays = [DEFAULT_DISPLAY]; }
  /** The first display is the primary one. */
  setDisplays(workAreas: Rect[]): void {
    this.displays = workAreas.map((workArea, index) => ({ id: index + 1, bounds: workArea, workArea, scaleFactor: 1 }));
  }
  getAllDisplays(): (typeof DEFAULT_DISPLAY)[] { return this.displays; }
  getPrimaryDisplay(): typeof DEFAULT_DISPLAY { return this.displays[0] ?? DEFAULT_DISPLAY; }
  getCursorScreenPoint(): { x: number; y: number } { return { x: 0, y: 0 }; }
}

const fakeState = {
  windows: [] as BrowserWindow[],
};

export const app = new FakeApp();
export const protocol = new FakeProtocol();
export const screen = new FakeScreen();
export const Menu = FakeMenu;
export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> { shell.opened.push(url); return Promise.resolve(); },
  openPath: (): Promise<string> => Promise.resolve(''),
  shownInFolder: [] as string[],
  showItemInFolder(path: string): void { shell.shownInFolder.push(path); },
};
type DialogParent = BrowserWindow | null;
interface OpenDialogAnswer { canceled: boolean; filePaths: string[] }
interface SaveDialogAnswer { canceled: boolean; filePath: string }
/** Electron's dialogs take an optional parent window first; this splits the two call shapes. */
function dialogArgs(first: unknown, second: unknown): { parent: DialogParent; options: Record<string, unknown> } {
  return first instanceof BrowserWindow
    ? { parent: first, options: (second ?? {}) as Record<string, unknown> }
    : { parent: null, options: (first ?? {}) as Record<string, unknown> };
}
export const dialog = {
  errorBoxes: [] as { title: string; content: string }[],
  /** Every open/save dialog shown, with its parent window and options. */
  openDialogs: [] as { parent: DialogParent; options: Record<string, unknown> }[],
  saveDialogs: [] as { parent: DialogParent; options: Record<string, unknown> }[],
  /** What the next dialog answers (as if the person chose); closed without a choice by default. */
  nextOpenAnswer: { canceled: true, filePaths: [] } as OpenDialogAnswer,
  nextSaveAnswer: { canceled: true, filePath: '' } as SaveDialogAnswer,
  showErrorBox(title: string, content: string): void { dialog.errorBoxes.push({ title, content }); },
  /** Message boxes shown and not answered yet; `answer(i)` plays the person clicking buttons[i]. */
  messageBoxes: [] as { parent: DialogParent; options: Record<string, unknown>; answer(response: number): void }[],
  showMessageBox(first: unknown, second?: unknown): Promise<{ response: number; checkboxChecked: boolean }> {
    return new Promise((resolve) => {
      const box = {
        ...dialogArgs(first, second),
        answer: (response: number) => {
          dialog.messageBoxes.splice(dialog.messageBoxes.indexOf(box), 1);
          resolve({ response, checkboxChecked: false });
        },
      };
      dialog.messageBoxes.push(box);
    });
  },
  showOpenDialog(first: unknown, second?: unknown): Promise<OpenDialogAnswer> {
    dialog.openDialogs.push(dialogArgs(first, second));
    return Promise.resolve(dialog.nextOpenAnswer);
  },
  showSaveDialog(first: unknown, second?: unknown): Promise<SaveDialogAnswer> {
    dialog.saveDialogs.push(dialogArgs(first, second));
    return Promise.resolve(dialog.nextSaveAnswer);
  },
};
export const clipboard = {
  text: '',
  readText: (): string => clipboard.text,
  writeText: (text: string): void => void (clipboard.text = text),
};
/** Electron 45's safeStorage: working, weak (Chromium's built-in key) or unavailable (see safe-storage.ts). */
export const safeStorage = createFakeSafeStorage(() => app.isReady());
export const net = createFakeNet(() => app.isReady());

/** What the fake electron-store (electron-store.ts) did in this "process": stores opened, IPC listener added. */
export const electronStore = { opened: [] as { name: string; data: Map<string, unknown> }[], listening: false };

/** Puts every fake back to its initial state (listeners, handlers, windows, recorded calls). */
export function resetFakeElectron(): void {
  app.reset();
  protocol.reset();
  screen.reset();
  resetWebContentsFakes();
  fakeState.windows.length = 0;
  FakeMenu.applicationMenu = null;
  FakeMenu.popups = [];
  Notification.supported = true;
  Notification.shown = [];
  shell.opened.length = 0;
  shell.shownInFolder.length = 0;
  dialog.errorBoxes.length = 0;
  dialog.openDialogs.length = 0;
  dialog.saveDialogs.length = 0;
  dialog.nextOpenAnswer = { canceled: true, filePaths: [] };
  dialog.nextSaveAnswer = { canceled: true, filePath: '' };
  dialog.messageBoxes.length = 0;
  safeStorage.reset();
  net.requests.length = 0;
  electronStore.opened.length = 0;
  electronStore.listening = false;
  nativeTheme.reset();
}
resetFakeElectron();
(globalThis as { [key: symbol]: unknown })[Symbol.for('newsdesk.fakeElectron')] = { app, ipcMain, electronStore };

export default {
  app, BrowserWindow, clipboard, contextBridge, dialog, ipcMain, ipcRenderer, Menu, nativeTheme, net, Notification, protocol,
  safeStorage, screen, session, shell, webContents,
};
