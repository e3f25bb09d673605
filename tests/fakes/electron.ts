import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A fake `electron` module for unit tests (vitest aliases `electron` here). It records what the
 * shell asks of Electron and lets tests play Electron's side: fire `ready`, navigate a web contents,
 * open a window, invoke an IPC channel from a given frame, quit. It also enforces the ordering rules
 * the real module enforces (e.g. sandbox and scheme privileges only before `ready`), so the
 * shell's startup order is tested too. Call `resetFakeElectron()` between tests.
 */

type AnyFn = (...args: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any
export interface Rect { x: number; y: number; width: number; height: number }
export interface FakeEvent { preventDefault(): void; readonly defaultPrevented: boolean; [key: string]: unknown }

export function fakeEvent(params: Record<string, unknown> = {}): FakeEvent {
  let prevented = false;
  return { ...params, preventDefault: () => void (prevented = true), get defaultPrevented() { return prevented; } };
}

/** Lets pending promise chains (whenReady().then(…) and friends) run. */
export const flush = (): Promise<void> => new Promise((done) => setTimeout(done, 0));

export class FakeWebFrameMain {
  readonly frames: FakeWebFrameMain[] = [];
  constructor(public url: string, readonly parent: FakeWebFrameMain | null = null) {}
  get top(): FakeWebFrameMain { return this.parent ? this.parent.top : this; }
}

export class FakeSession {
  permissionRequestHandler: AnyFn | null = null;
  permissionCheckHandler: AnyFn | null = null;
  devicePermissionHandler: AnyFn | null = null;
  readonly headersReceived: { filter: unknown; listener: AnyFn }[] = [];
  readonly webRequest = {
    onHeadersReceived: (filter: unknown, listener: AnyFn) => void this.headersReceived.push({ filter, listener }),
  };
  setPermissionRequestHandler(handler: AnyFn | null): void { this.permissionRequestHandler = handler; }
  setPermissionCheckHandler(handler: AnyFn | null): void { this.permissionCheckHandler = handler; }
  setDevicePermissionHandler(handler: AnyFn | null): void { this.devicePermissionHandler = handler; }
  /** What a page asking for `permission` gets; Electron grants it when no handler is set. */
  requestPermission(permission: string, contents: unknown = null): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((done) => handler(contents, permission, done, { requestingUrl: 'app://newsdesk/' }));
  }
  checkPermission(permission: string, origin = 'app://newsdesk'): boolean {
    return this.permissionCheckHandler ? Boolean(this.permissionCheckHandler(null, permission, origin, {})) : true;
  }
}

let nextContentsId = 1;
export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame = new FakeWebFrameMain('');
  readonly loadedUrls: string[] = [];
  readonly loadedFiles: string[] = [];
  windowOpenHandler: ((details: { url: string; [key: string]: unknown }) => { action: string }) | null = null;
  private destroyed = false;
  constructor(readonly session: FakeSession = fakeState.defaultSession) { super(); fakeState.contents.push(this); }
  loadURL(url: string): Promise<void> { this.loadedUrls.push(url); this.mainFrame.url = url; return Promise.resolve(); }
  loadFile(file: string): Promise<void> { this.loadedFiles.push(file); return Promise.resolve(); }
  getURL(): string { return this.mainFrame.url; }
  setWindowOpenHandler(handler: (details: { url: string; [key: string]: unknown }) => { action: string }): void { this.windowOpenHandler = handler; }
  isDestroyed(): boolean { return this.destroyed; }
  destroy(): void { this.destroyed = true; this.emit('destroyed'); }
  /** Fires `event` (will-navigate, will-redirect, will-frame-navigate) as Electron ≥ 25 does; true if allowed. */
  simulateNavigation(url: string, event = 'will-navigate'): boolean {
    const details = fakeEvent({ url, isMainFrame: true, frame: this.mainFrame });
    this.emit(event, details, url);
    if (!details.defaultPrevented && event !== 'will-frame-navigate') this.mainFrame.url = url;
    return !details.defaultPrevented;
  }
  /** What window.open(url) in the page leads to: the handler's answer (Electron allows without one). */
  simulateWindowOpen(url: string): { action: string } {
    return this.windowOpenHandler ? this.windowOpenHandler({ url, frameName: '', features: '', disposition: 'new-window' }) : { action: 'allow' };
  }
  /** True if a <webview> would be attached. */
  simulateAttachWebview(src = 'https://example.com/'): boolean {
    const event = fakeEvent();
    this.emit('will-attach-webview', event, {}, { src });
    return !event.defaultPrevented;
  }
  addSubFrame(url: string): FakeWebFrameMain {
    const frame = new FakeWebFrameMain(url, this.mainFrame);
    this.mainFrame.frames.push(frame);
    return frame;
  }
  /** The event ipcMain handlers receive for a message sent from `frame` (the main frame by default). */
  ipcEvent(frame: FakeWebFrameMain | null = this.mainFrame): Record<string, unknown> {
    return { sender: this, senderFrame: frame, frameId: 1, processId: 1 };
  }
}

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
  private destroyed = false;
  constructor(readonly options: Record<string, any> = {}) { // eslint-disable-line @typescript-eslint/no-explicit-any
    super();
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
  show(): void { this.visible = true; this.focused = true; this.emit('show'); }
  hide(): void { this.visible = false; this.emit('hide'); }
  focus(): void { this.focused = true; this.emit('focus'); }
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
  /** Fires a preventable 'close', then destroys the window. */
  close(): void {
    if (this.destroyed) return;
    const event = fakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
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
  private ready = false;
  private readyResolvers: (() => void)[] = [];
  reset(): void {
    this.removeAllListeners();
    Object.assign(this, {
      isPackaged: false, singleInstanceLock: true, lockRequested: false, sandboxEnabled: false, quitting: false,
      quitCalls: 0, exitCode: null, quitted: false, aboutPanelOptions: null, ready: false, readyResolvers: [],
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

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, AnyFn>();
  reset(): void { this.removeAllListeners(); this.handlers.clear(); }
  handle(channel: string, handler: AnyFn): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  handleOnce(channel: string, handler: AnyFn): void {
    this.handle(channel, (...args: unknown[]) => { this.handlers.delete(channel); return handler(...args); });
  }
  removeHandler(channel: string): void { this.handlers.delete(channel); }
  /** Plays ipcRenderer.invoke: runs the handler with `event` (see FakeWebContents.ipcEvent). */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

/** Renderer side, for preload tests: invokes reach ipcMain as if sent from `ipcRenderer.from`. */
class FakeIpcRenderer extends EventEmitter {
  /** The frame messages come from; defaults to the main frame of a page on app://newsdesk. */
  from: { contents: FakeWebContents; frame: FakeWebFrameMain | null } | null = null;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    if (!this.from) {
      const contents = new FakeWebContents();
      contents.mainFrame.url = 'app://newsdesk/index.html';
      this.from = { contents, frame: contents.mainFrame };
    }
    return ipcMain.invoke(channel, this.from.contents.ipcEvent(this.from.frame), ...args);
  }
  send(channel: string, ...args: unknown[]): void { this.sent.push({ channel, args }); }
}

class FakeMenu {
  constructor(readonly template: unknown[]) {}
  static applicationMenu: FakeMenu | null = null;
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
  defaultSession: new FakeSession(),
  windows: [] as BrowserWindow[],
  contents: [] as FakeWebContents[],
};

export const app = new FakeApp();
export const protocol = new FakeProtocol();
export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer();
export const screen = new FakeScreen();
export const Menu = FakeMenu;
export const session = {
  get defaultSession(): FakeSession { return fakeState.defaultSession; },
  fromPartition: (): FakeSession => new FakeSession(),
};
export const webContents = {
  getAllWebContents: (): FakeWebContents[] => fakeState.contents.filter((c) => !c.isDestroyed()),
  fromId: (id: number): FakeWebContents | undefined => fakeState.contents.find((c) => c.id === id),
};
export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> { shell.opened.push(url); return Promise.resolve(); },
  openPath: (): Promise<string> => Promise.resolve(''),
  showItemInFolder: (): void => undefined,
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
  showMessageBox: (): Promise<{ response: number; checkboxChecked: boolean }> => Promise.resolve({ response: 0, checkboxChecked: false }),
  showOpenDialog(first: unknown, second?: unknown): Promise<OpenDialogAnswer> {
    dialog.openDialogs.push(dialogArgs(first, second));
    return Promise.resolve(dialog.nextOpenAnswer);
  },
  showSaveDialog(first: unknown, second?: unknown): Promise<SaveDialogAnswer> {
    dialog.saveDialogs.push(dialogArgs(first, second));
    return Promise.resolve(dialog.nextSaveAnswer);
  },
};
export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false, themeSource: 'system' });
export const clipboard = {
  text: '',
  readText: (): string => clipboard.text,
  writeText: (text: string): void => void (clipboard.text = text),
};
export const contextBridge = {
  exposed: {} as Record<string, unknown>,
  exposeInMainWorld(key: string, api: unknown): void {
    if (key in contextBridge.exposed) throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
    contextBridge.exposed[key] = api;
  },
};
export const net = {
  /** file: URLs are read from disk (as Electron's net.fetch does); anything else goes to Node's fetch. */
  async fetch(input: string, init?: RequestInit): Promise<Response> {
    if (input.startsWith('file:')) return new Response(new Uint8Array(await readFile(fileURLToPath(input))));
    return fetch(input, init);
  },
  isOnline: (): boolean => true,
};

/** Puts every fake back to its initial state (listeners, handlers, windows, recorded calls). */
export function resetFakeElectron(): void {
  app.reset();
  protocol.reset();
  ipcMain.reset();
  screen.reset();
  ipcRenderer.removeAllListeners();
  ipcRenderer.from = null;
  ipcRenderer.sent.length = 0;
  fakeState.defaultSession = new FakeSession();
  fakeState.windows.length = 0;
  fakeState.contents.length = 0;
  FakeMenu.applicationMenu = null;
  shell.opened.length = 0;
  dialog.errorBoxes.length = 0;
  dialog.openDialogs.length = 0;
  dialog.saveDialogs.length = 0;
  dialog.nextOpenAnswer = { canceled: true, filePaths: [] };
  dialog.nextSaveAnswer = { canceled: true, filePath: '' };
  contextBridge.exposed = {};
  nativeTheme.shouldUseDarkColors = false;
}
resetFakeElectron();

export default {
  app, BrowserWindow, clipboard, contextBridge, dialog, ipcMain, ipcRenderer, Menu, nativeTheme, net, protocol,
  screen, session, shell, webContents,
};
