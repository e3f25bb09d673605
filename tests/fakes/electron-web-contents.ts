import { EventEmitter } from 'node:events';

/**
 * The page side of the fake `electron` module (`tests/fakes/electron.ts` re-exports all of it):
 * frames, sessions, web contents, IPC between a page and main, and the preload's context bridge.
 * Kept in its own file so the fake module itself holds the app, its windows and the OS-facing fakes.
 */

type AnyFn = (...args: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any
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

/** The session new web contents use and every web contents made so far; reset with the other fakes. */
const contentsState = {
  defaultSession: new FakeSession(),
  contents: [] as FakeWebContents[],
};

let nextContentsId = 1;
export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame = new FakeWebFrameMain('');
  readonly loadedUrls: string[] = [];
  readonly loadedFiles: string[] = [];
  windowOpenHandler: ((details: { url: string; [key: string]: unknown }) => { action: string }) | null = null;
  /** The page's beforeunload refuses to unload (it holds unsaved work). */
  vetoUnload = false;
  /** Loads fail with this Chromium error, as loadURL does when the page cannot be loaded. */
  loadFailure: { code: string; errno: number } | null = null;
  private destroyed = false;
  constructor(readonly session: FakeSession = contentsState.defaultSession) { super(); contentsState.contents.push(this); }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    const failure = this.loadFailure;
    if (failure) {
      // Like Electron: 'did-fail-load', then the promise rejects with the code on the error.
      this.emit('did-fail-load', fakeEvent(), failure.errno, failure.code, url, true);
      return Promise.reject(Object.assign(new Error(`${failure.code} (${failure.errno}) loading '${url}'`), { ...failure, url }));
    }
    this.mainFrame.url = url;
    // The new document is committed: Electron emits 'did-navigate' for the main frame.
    this.emit('did-navigate', fakeEvent(), url, 200, 'OK');
    return Promise.resolve();
  }
  /**
   * Whether the page may unload (a close or a reload). A page that refuses makes Electron emit
   * 'will-prevent-unload'; only preventDefault() there lets it unload anyway, otherwise the close
   * (and any quit waiting on it) is cancelled without a prompt.
   */
  confirmUnload(): boolean {
    if (!this.vetoUnload || this.destroyed) return true;
    const event = fakeEvent();
    this.emit('will-prevent-unload', event);
    return event.defaultPrevented;
  }
  /** Reloads the page as Electron does: no pagehide is promised to the page, only these events to main. */
  reload(): void {
    if (!this.confirmUnload()) return;
    this.emit('did-start-loading');
    this.emit('did-navigate', fakeEvent(), this.mainFrame.url, 200, 'OK');
  }
  /** The renderer process dies (crash, OOM, killed): the page is gone, nothing of it runs any more. */
  crash(reason = 'crashed'): void { this.emit('render-process-gone', fakeEvent(), { reason, exitCode: 1 }); }
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

export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer();
export const session = {
  get defaultSession(): FakeSession { return contentsState.defaultSession; },
  fromPartition: (): FakeSession => new FakeSession(),
};
export const webContents = {
  getAllWebContents: (): FakeWebContents[] => contentsState.contents.filter((c) => !c.isDestroyed()),
  fromId: (id: number): FakeWebContents | undefined => contentsState.contents.find((c) => c.id === id),
};
export const contextBridge = {
  exposed: {} as Record<string, unknown>,
  exposeInMainWorld(key: string, api: unknown): void {
    if (key in contextBridge.exposed) throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
    contextBridge.exposed[key] = api;
  },
};

/** Puts sessions, web contents, IPC and the bridge back to their initial state (part of resetFakeElectron). */
export function resetWebContentsFakes(): void {
  ipcMain.reset();
  ipcRenderer.removeAllListeners();
  ipcRenderer.from = null;
  ipcRenderer.sent.length = 0;
  contentsState.defaultSession = new FakeSession();
  contentsState.contents.length = 0;
  contextBridge.exposed = {};
}
