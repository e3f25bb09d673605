import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/contract';

// The composition root (electron/main/index.ts) runs on import against the fake electron. The real
// services and electron-store are replaced: this file tests the wiring, not what they do.
const mocks = vi.hoisted(() => ({
  serviceOptions: [] as Record<string, unknown>[],
  closeCalls: 0,
  close: async (): Promise<void> => {},
  failStart: null as Error | null,
  /** When set, createServices waits for it (startup still in progress). */
  startGate: null as Promise<void> | null,
}));

vi.mock('../../../electron/main/services/compose', async () => {
  const { CHANNELS: channels } = await import('../../../shared/ipc/contract');
  return {
    createServices: async (options: Record<string, unknown>) => {
      mocks.serviceOptions.push(options);
      if (mocks.startGate) await mocks.startGate;
      if (mocks.failStart) throw mocks.failStart;
      const { DEFAULT_SETTINGS } = await import('../../../shared/model/settings');
      const handlers = Object.fromEntries(channels.map((channel) => [channel, () => ({ channel })]));
      return { handlers, settings: { get: () => DEFAULT_SETTINGS }, close: () => ((mocks.closeCalls += 1), mocks.close()) };
    },
  };
});

// Registers electron-store's own IPC listener, as the real constructor does.
vi.mock('electron-store', () => import('../../fakes/electron-store'));

type Fake = typeof import('../../fakes/electron');
let userData: string;

/** Fresh fake electron, optional setup (e.g. a second instance), then the main entry is imported. */
async function launch(setup: (fake: Fake) => void = () => {}): Promise<Fake> {
  vi.resetModules();
  const fake = await import('../../fakes/electron');
  fake.app.setPath('userData', userData);
  setup(fake);
  await import('../../../electron/main/index');
  return fake;
}

async function launchReady(setup?: (fake: Fake) => void): Promise<Fake> {
  const fake = await launch(setup);
  await fake.app.simulateReady();
  return fake;
}

beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'newsdesk-main-'));
  Object.assign(mocks, { serviceOptions: [], closeCalls: 0, close: async () => {}, failStart: null, startGate: null });
  delete process.env.ELECTRON_RENDERER_URL;
  vi.spyOn(console, 'warn').mockImplementation(() => {}); // the shell's log lines
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  delete process.env.ELECTRON_RENDERER_URL;
  rmSync(userData, { recursive: true, force: true });
});

describe('startup', () => {
  it('enables the sandbox and the app:// scheme before ready', async () => {
    const fake = await launch();
    expect(fake.app.sandboxEnabled).toBe(true);
    expect(fake.protocol.privileged.map((s) => s.scheme)).toEqual(['app']);
    expect(fake.BrowserWindow.getAllWindows()).toHaveLength(0); // nothing before ready
  });

  it('on ready: protocol, menu, services on userData, IPC, then the window', async () => {
    const fake = await launchReady();
    expect(fake.protocol.isProtocolHandled('app')).toBe(true);
    expect(fake.Menu.getApplicationMenu()).not.toBeNull();
    expect(mocks.serviceOptions).toEqual([
      expect.objectContaining({ dataDir: userData, version: '0.1.0', settingsStore: expect.any(Object) }),
    ]);
    // The IPC surface is the contract's channels and nothing else: no ipcMain.on listener either
    // (electron-store's constructor adds one for 'electron-store-get-data').
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(fake.ipcMain.eventNames()).toEqual([]);
    const [win] = fake.BrowserWindow.getAllWindows();
    expect(win?.webContents.loadedUrls).toEqual(['app://newsdesk/index.html']);
    expect(win?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(win?.options.webPreferences.preload).toMatch(/[\\/]preload[\\/]index\.cjs$/);
    expect(fake.electronStore.opened.map((s) => s.name).sort()).toEqual(['recent-articles', 'settings', 'window-state']);
  });

  it('hardens the window it creates and denies permissions on the default session', async () => {
    const fake = await launchReady();
    const win = fake.BrowserWindow.getAllWindows()[0]!;
    expect(win.webContents.simulateNavigation('https://evil.example/')).toBe(false);
    expect(win.webContents.simulateWindowOpen('https://example.com/a')).toEqual({ action: 'deny' });
    await fake.flush();
    expect(fake.shell.opened).toEqual(['https://example.com/a']);
    expect(await fake.session.defaultSession.requestPermission('media')).toBe(false);
    expect(fake.session.defaultSession.checkPermission('notifications')).toBe(false);
  });

  it('answers IPC from the window, and opens only https links for the services', async () => {
    const fake = await launchReady();
    const win = fake.BrowserWindow.getAllWindows()[0]!;
    expect(await fake.ipcMain.invoke('app:info', win.webContents.ipcEvent(), {})).toEqual({ ok: true, value: { channel: 'app:info' } });
    const openExternal = mocks.serviceOptions[0]!.openExternal as (url: string) => Promise<void>;
    await openExternal('https://example.com/');
    await openExternal('file:///etc/passwd');
    expect(fake.shell.opened).toEqual(['https://example.com/']);
  });

  it('moves a corrupt settings file aside instead of failing to start', async () => {
    writeFileSync(join(userData, 'settings.json'), '{ not json');
    const fake = await launchReady();
    expect(fake.BrowserWindow.getAllWindows()).toHaveLength(1);
    expect(readdirSync(userData).some((f) => f.startsWith('settings.json.corrupt-'))).toBe(true);
  });

  it('says why and exits when the services cannot start', async () => {
    mocks.failStart = new Error('The drafts folder is not writable.');
    const fake = await launchReady();
    expect(fake.dialog.errorBoxes).toEqual([{ title: 'Newsdesk could not start', content: 'The drafts folder is not writable.' }]);
    expect(fake.app.exitCode).toBe(1);
    expect(fake.BrowserWindow.getAllWindows()).toHaveLength(0);
  });
});

describe('dev server', () => {
  it('is used and trusted when not packaged', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    const fake = await launchReady();
    const win = fake.BrowserWindow.getAllWindows()[0]!;
    expect(win.webContents.loadedUrls).toEqual(['http://localhost:5173']);
    expect(win.webContents.simulateNavigation('http://localhost:5173/index.html')).toBe(true);
    expect(await fake.ipcMain.invoke('app:info', win.webContents.ipcEvent(), {})).toMatchObject({ ok: true });
    expect(fake.session.defaultSession.headersReceived).toHaveLength(1);
  });

  it('is ignored in a packaged app', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    const fake = await launchReady((f) => void (f.app.isPackaged = true));
    const win = fake.BrowserWindow.getAllWindows()[0]!;
    expect(win.webContents.loadedUrls).toEqual(['app://newsdesk/index.html']);
    expect(win.webContents.simulateNavigation('http://localhost:5173/')).toBe(false);
    win.webContents.mainFrame.url = 'http://localhost:5173/';
    expect(await fake.ipcMain.invoke('app:info', win.webContents.ipcEvent(), {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(fake.session.defaultSession.headersReceived).toHaveLength(0);
  });
});

describe('single instance', () => {
  it('a second launch quits at once, without services or windows', async () => {
    const fake = await launchReady((f) => void (f.app.singleInstanceLock = false));
    expect(fake.app.lockRequested).toBe(true);
    expect(fake.app.quitted).toBe(true);
    expect(mocks.serviceOptions).toEqual([]);
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(fake.BrowserWindow.getAllWindows()).toHaveLength(0);
  });

  it('the first instance restores and focuses its window when launched again', async () => {
    const fake = await launchReady();
    const win = fake.BrowserWindow.getAllWindows()[0]!;
    win.minimize();
    win.focused = false;
    fake.app.simulateSecondInstance(['newsdesk']);
    expect(win.isMinimized()).toBe(false);
    expect(win.isFocused()).toBe(true);
    expect(fake.BrowserWindow.getAllWindows()).toHaveLength(1);
  });

  it('a launch during startup opens no window before IPC answers', async () => {
    let open: () => void = () => {};
    mocks.startGate = new Promise<void>((done) => (open = done));
    const fake = await launchReady();
    fake.app.simulateSecondInstance();
    fake.app.emit('activate');
    expect(fake.BrowserWindow.getAllWindows()).toHaveLength(0);
    open();
    await fake.flush();
    expect(fake.ipcMain.handlers.size).toBe(CHANNELS.length);
    expect(fake.BrowserWindow.getAllWindows()).toHaveLength(1);
  });
});

describe('quitting', () => {
  it('waits for the services to close before the process quits', async () => {
    let finishClose: () => void = () => {};
    mocks.close = () => new Promise<void>((done) => (finishClose = done));
    const fake = await launchReady();
    fake.app.quit();
    await fake.flush();
    expect(fake.BrowserWindow.getAllWindows()).toHaveLength(0);
    expect(mocks.closeCalls).toBe(1);
    expect(fake.app.quitted).toBe(false);
    finishClose();
    await fake.flush();
    expect(fake.app.quitted).toBe(true);
    expect(mocks.closeCalls).toBe(1);
  });

  it('quits when the last window closes (except on macOS)', async () => {
    const fake = await launchReady();
    fake.BrowserWindow.getAllWindows()[0]!.close();
    await fake.flush();
    expect(mocks.closeCalls).toBe(process.platform === 'darwin' ? 0 : 1);
    expect(fake.app.quitted).toBe(process.platform !== 'darwin');
  });

  it('does not hang forever on services that never close', async () => {
    mocks.close = () => new Promise<void>(() => {});
    const fake = await launchReady();
    vi.useFakeTimers();
    fake.app.quit();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fake.app.quitted).toBe(true);
  });
});

describe('application menu', () => {
  it('is installed at startup, with the About panel showing the version', async () => {
    const fake = await launchReady();
    const labels = (fake.Menu.getApplicationMenu()?.template as { label?: string; role?: string }[]).map((item) => item.label ?? item.role);
    expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Article', 'Photo', 'windowMenu', 'help']));
    expect(fake.app.aboutPanelOptions).toMatchObject({ applicationName: 'Newsdesk', applicationVersion: '0.1.0', copyright: expect.stringContaining('Newsdesk') });
  });
});

describe('desktop wiring', () => {
  it('gives the services the desktop shell and applies saved settings as they change', async () => {
    const fake = await launchReady();
    const options = mocks.serviceOptions[0]!;
    expect(options.desktop).toEqual(expect.objectContaining({ windowContext: expect.any(Function), menuState: expect.any(Function) }));
    const { DEFAULT_SETTINGS } = await import('../../../shared/model/settings');
    (options.onSettingsChanged as (settings: unknown) => void)({ ...DEFAULT_SETTINGS, desktop: { theme: 'dark', spellcheckLanguages: [] } });
    expect(fake.nativeTheme.themeSource).toBe('dark');
    const win = fake.BrowserWindow.getAllWindows()[0]!;
    expect(win.webContents.sentEvents).toContainEqual({ channel: 'theme:changed', args: [{ dark: true }] });
  });

  it('a finished publish job becomes an OS notification', async () => {
    const fake = await launchReady();
    const onJobFinished = mocks.serviceOptions[0]!.onJobFinished as (finished: unknown) => void;
    onJobFinished({ job: { id: 'job-1', articleId: 'article-0001', headline: 'Storm', state: 'done', lastError: null }, targetName: 'Site' });
    expect(fake.Notification.shown.map((n) => n.options.title)).toEqual(['Published']);
  });

  it('skips publish notifications where the OS has none, without failing', async () => {
    const fake = await launchReady((f) => void (f.Notification.supported = false));
    const onJobFinished = mocks.serviceOptions[0]!.onJobFinished as (finished: unknown) => void;
    expect(() => onJobFinished({ job: { id: 'job-1', articleId: 'article-0001', headline: 'Storm', state: 'failed', lastError: 'HTTP 500' }, targetName: 'Site' })).not.toThrow();
    expect(fake.Notification.shown).toEqual([]);
  });

  it('gives publishing Electron’s net.fetch (system proxy, OS certificates)', async () => {
    const fake = await launchReady();
    const send = mocks.serviceOptions[0]!.fetch as typeof fetch;
    writeFileSync(join(userData, 'probe.txt'), 'through net');
    const response = await send(pathToFileURL(join(userData, 'probe.txt')));
    expect(await response.text()).toBe('through net');
    expect(fake.net.requests.map((r) => r.url)).toEqual([pathToFileURL(join(userData, 'probe.txt')).href]);
  });

  it('an article file opened from the OS (macOS recent documents) during startup is shown once the window is up', async () => {
    const fake = await launch();
    const event = fake.fakeEvent();
    fake.app.emit('open-file', event, join(userData, 'library', 'drafts', 'article-0001.json'));
    expect(event.defaultPrevented).toBe(true);
    await fake.app.simulateReady();
    const win = fake.BrowserWindow.getAllWindows()[0]!;
    // The services are mocked here, so no IPC handler reaches the shell: the page's first report is played directly.
    (mocks.serviceOptions[0]!.desktop as { menuState(id: number, state: unknown): void }).menuState(win.webContents.id, { view: 'articles', articleId: null, photoSelection: 0 });
    expect(win.webContents.sentEvents).toContainEqual({ channel: 'article:open', args: [{ articleId: 'article-0001' }] });
  });

  it('writes its log file in the logs folder', async () => {
    const fake = await launchReady();
    const { readFileSync: read } = await import('node:fs');
    const text = read(join(fake.app.getPath('logs'), 'main.log'), 'utf8');
    expect(text).toContain('Newsdesk 0.1.0 starting');
  });
});
