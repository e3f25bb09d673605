import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BrowserWindow,
  Menu,
  Notification,
  app,
  clipboard,
  dialog,
  ipcMain,
  nativeTheme,
  net,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import Store from 'electron-store';
import { sendAppEvent } from './desktop/app-events';
import { applyAppUserModelId } from './desktop/app-identity';
import { openStoreSettingAside } from './desktop/open-store';
import { whenPageGone } from './desktop/page-gone';
import { createElectronDesktop, type ElectronDesktop } from './desktop/electron-desktop';
import { createAppLog } from './desktop/logging';
import { chromiumFetch } from './desktop/net-fetch';
import type { SavedBeforeClose } from '../../shared/ipc/desktop-contract';
import { createDispatcher, type CallerFrame } from './ipc/dispatcher';
import { registerIpc } from './ipc/register-ipc';
import { APP_ENTRY_URL, APP_ORIGIN, originOf } from './protocol/app-origin';
import { registerAppProtocol, registerAppScheme } from './protocol/app-protocol';
import {
  applyDevContentSecurityPolicy,
  denyAllPermissions,
  installWebContentsHardening,
  openExternalSafely,
} from './security/harden';
import { keychainSecretBox } from './security/keychain';
import { createServices, type Services } from './services/compose';
import { nodeSystemCertificates } from './services/desk/desk-tls';
import { messageOf } from '../../shared/model/errors';
import type { AppEvent, AppEventPayload } from '../../shared/ipc/events';

/**
 * Composition root of the main process: everything Electron-specific is wired here and nowhere
 * else, the services themselves are plain Node (services/compose.ts).
 */

// The bundle is out/main/index.js; its siblings are out/preload and out/renderer.
const MAIN_DIR = dirname(fileURLToPath(import.meta.url));
const PRELOAD_PATH = join(MAIN_DIR, '../preload/index.cjs');
const RENDERER_DIR = join(MAIN_DIR, '../renderer');
/** How long quitting may wait for the services to flush before giving up. */
const CLOSE_TIMEOUT_MS = 10_000;
/** Help › About (and the macOS app menu's About). */
const ABOUT_PANEL = (version: string) => ({ applicationName: 'Newsdesk', applicationVersion: version, copyright: 'Copyright © Newsdesk' });
/** What the photo import dialog offers; the library checks each file's content whatever its name. */
const PHOTO_FILE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'gif', 'avif', 'tif', 'tiff'];

/** Set up in startNewsdesk, once the logs folder is known; warnings until then. */
let log = (message: string): void => console.warn(`[newsdesk] ${message}`);

/** The Vite dev server URL, trusted only in an unpackaged run (`electron-vite dev`). */
function devRendererUrl(): string | null {
  const url = process.env.ELECTRON_RENDERER_URL;
  if (app.isPackaged || !url) return null;
  const origin = originOf(url);
  return origin !== null && /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(origin) ? url : null;
}

/**
 * The channel electron-store's constructor listens on (ipcMain.on, with sendSync from a renderer
 * that uses electron-store itself). Newsdesk's sandboxed pages never do, and nothing outside the
 * contract may answer a page, so the listener is taken away again.
 */
const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';

/** An electron-store in userData; a damaged file is set aside (see openStoreSettingAside). */
function openStore(name: string): Store {
  try {
    return openStoreSettingAside(() => new Store({ name }), join(app.getPath('userData'), `${name}.json`), (line) => log(line));
  } finally {
    ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL);
  }
}

/** The OS's place for the app's logs; inside the app's data folder if the OS gives none. */
/**
 * Sends one of the contract's events to every window's page (each decides whether it concerns it),
 * except `madeBy`: the window whose editor made the story change, which holds it already.
 */
function broadcast<E extends AppEvent>(event: E, payload: AppEventPayload<E>, madeBy?: number): void {
  for (const win of BrowserWindow.getAllWindows()) if (win.webContents.id !== madeBy) sendAppEvent(win.webContents, event, payload);
}

function logsFolder(): string {
  try {
    return app.getPath('logs');
  } catch {
    return join(app.getPath('userData'), 'logs');
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((done) => {
    timer = setTimeout(() => {
      log(`services did not close within ${ms} ms; quitting anyway`);
      done(undefined);
    }, ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * What the disk refused at close stays in memory: the editor is told and may free space and try
 * again (each try writes it again), or quit knowing what is not saved.
 */
async function untilSavedOrDismissed(services: Promise<Services>, unsaved: string[]): Promise<void> {
  while (unsaved.length > 0) {
    log(`not saved at close: ${unsaved.join(' ')}`);
    const { response } = await dialog.showMessageBox({
      type: 'warning',
      message: 'Newsdesk could not save everything before quitting',
      detail: unsaved.join('\n\n'),
      buttons: ['Try Again', 'Quit Anyway'],
      defaultId: 0,
      cancelId: 1,
    });
    if (response !== 0) return;
    unsaved = await (await services).close();
  }
}

export function startNewsdesk(): void {
  const appLog = createAppLog({ dir: logsFolder(), console: !app.isPackaged });
  log = (message) => appLog.warn(message);
  // Both must happen before `ready`: Chromium reads them once at startup.
  app.enableSandbox();
  registerAppScheme(protocol);
  applyAppUserModelId(app, process.platform);

  // A second launch hands over to the running instance (see 'second-instance') and exits.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const devUrl = devRendererUrl();
  const devOrigin = devUrl === null ? null : originOf(devUrl);
  const trustedOrigins = devOrigin === null ? [APP_ORIGIN] : [APP_ORIGIN, devOrigin];
  const openExternal = async (url: string): Promise<void> => {
    if (!(await openExternalSafely((target) => shell.openExternal(target), url))) {
      log(`Refused to open ${url.slice(0, 200)} externally`);
    }
  };

  installWebContentsHardening(app, { allowedOrigins: trustedOrigins, openExternal, log });

  let desktop: ElectronDesktop | null = null;
  /** Articles asked for before the windows could show them (macOS 'open-file' during startup). */
  const pendingPaths: string[] = [];
  let services: Promise<Services> | null = null;
  let servicesClosed = false;
  /** Set while quitting waits for the services; a second quit meanwhile waits for the same close. */
  let closingServices = false;
  /** Set once IPC answers: a window opened earlier would see its first calls fail. */
  let ipcRegistered = false;

  // A page that goes away (closed, crashed, reloaded) lets go of the story documents it had open.
  app.on('web-contents-created', (_event, contents) =>
    whenPageGone(contents, (senderId) => {
      void services?.then((started) => started.releaseWindow(senderId)).catch((error: unknown) => log(`could not let go of a closed window's stories: ${messageOf(error)}`));
    }),
  );

  // The system dialogs the photo desk uses, attached to the window when there is one.
  const parentWindow = (): BrowserWindow | null => {
    const focused = BrowserWindow.getFocusedWindow();
    if (focused && !focused.isDestroyed()) return focused;
    const main = desktop?.windows.main() ?? null;
    return main && !main.isDestroyed() ? main : null;
  };
  const chooseFiles = async (): Promise<string[]> => {
    const options: OpenDialogOptions = {
      title: 'Import photos',
      buttonLabel: 'Import',
      properties: ['openFile', 'multiSelections'],
      filters: [{ name: 'Photos', extensions: PHOTO_FILE_EXTENSIONS }],
    };
    const parent = parentWindow();
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
  };
  const chooseSavePath = async (suggestedName: string): Promise<string | null> => {
    const options: SaveDialogOptions = {
      title: 'Save a copy',
      defaultPath: suggestedName,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const parent = parentWindow();
    const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
  // The app:// protocol is up before the services; until they are, photos are simply not found.
  const mediaFile = async (id: string, kind: 'original' | 'thumbnail'): Promise<string | null> => {
    const started = services;
    if (started === null) return null;
    return started.then((ready) => ready.media.filePath(id, kind)).catch(() => null);
  };

  const openWindow = (): void => {
    if (desktop === null || !ipcRegistered) return;
    desktop.openMainWindow();
    if (pendingPaths.length > 0) desktop.openPaths(pendingPaths.splice(0));
  };

  // A second launch (or a file from the Windows recent list) comes to the running instance.
  app.on('second-instance', (_event, argv) => {
    if (desktop !== null && ipcRegistered && desktop.openPaths(argv.slice(1))) return;
    openWindow();
  });

  // macOS: an article picked from the Dock's or the File menu's recent documents.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (desktop !== null && ipcRegistered) desktop.openPaths([path]);
    else pendingPaths.push(path);
  });

  // macOS keeps the app running without windows; the dock icon brings one back.
  app.on('activate', () => {
    if (desktop !== null && desktop.windows.main() === null) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Quitting waits for the services to flush (draft index, pending writes). 'will-quit' comes after
  // every window has closed, so no renderer can send another save once the flush has started.
  app.on('will-quit', (event) => {
    if (closingServices) return event.preventDefault();
    if (services === null || servicesClosed) return;
    event.preventDefault();
    closingServices = true;
    const closing = services;
    services = null;
    void withTimeout(
      closing.then((started) => started.close()),
      CLOSE_TIMEOUT_MS,
    )
      .then((unsaved) => untilSavedOrDismissed(closing, unsaved ?? []))
      .catch((error: unknown) => log(`services failed to close: ${String(error)}`))
      .finally(() => {
        servicesClosed = true;
        closingServices = false;
        app.quit();
      });
  });

  const onReady = async (): Promise<void> => {
    denyAllPermissions(session.defaultSession);
    if (devOrigin !== null) applyDevContentSecurityPolicy(session.defaultSession, devOrigin);
    registerAppProtocol(protocol, RENDERER_DIR, mediaFile);
    app.setAboutPanelOptions(ABOUT_PANEL(app.getVersion()));
    log(`Newsdesk ${app.getVersion()} starting on ${process.platform} (Electron ${process.versions.electron ?? '?'})`);

    const dataDir = app.getPath('userData');
    const ready = createElectronDesktop({
      app,
      BrowserWindow,
      Menu,
      Notification,
      nativeTheme,
      screen,
      session: session.defaultSession,
      shell,
      clipboard,
      dialog,
      platform: process.platform,
      dev: !app.isPackaged,
      windowStore: openStore('window-state'),
      recentStore: openStore('recent-articles'),
      preloadPath: PRELOAD_PATH,
      entryUrl: devUrl ?? APP_ENTRY_URL,
      draftsDir: join(dataDir, 'library', 'drafts'),
      logFile: appLog.filePath,
      log,
    });
    desktop = ready;
    ready.refreshMenu();
    services = createServices({
      dataDir,
      version: app.getVersion(),
      settingsStore: openStore('settings'),
      openExternal,
      chooseFiles,
      chooseSavePath,
      secretBox: keychainSecretBox(safeStorage, process.platform),
      desktop: ready.shell,
      onSettingsChanged: (settings) => ready.applySettings(settings),
      onJobFinished: (finished) => ready.jobFinished(finished),
      notifyAssignment: (notice) => ready.notifyAssignment(notice),
      onOutboxChanged: () => broadcast('outbox:changed', {}),
      onDraftsChanged: (ids) => broadcast('drafts:changed', { ids }),
      onImportProgress: (job) => broadcast('media:importProgress', job),
      // DeskEvents and the contract's payloads of the same names are one type (checked in events.ts).
      onDeskEvent: (event, payload, madeBy) => broadcast(event, payload as AppEventPayload<typeof event>, madeBy),
      onDeskMention: (mention) => ready.mentioned(mention),
      // Chromium's network stack (system proxy, OS certificates); callable now that the app is ready.
      fetch: chromiumFetch((input, init) => net.fetch(input, init)),
      // The desk's connections are Node's (ws, undici): they ask Chromium which proxy the system gives.
      resolveProxy: (url) => session.defaultSession.resolveProxy(url),
      // ws checks wss:// against Node's list only; the OS store's authorities are added, as Chromium trusts them.
      systemCertificates: nodeSystemCertificates,
    });
    const started = await services;
    ready.applySettings(started.settings.get());
    const handlers = {
      ...started.handlers,
      // Answered by the shell, not the services: a window saying it saved before closing.
      'app:savedBeforeClose': (answer: SavedBeforeClose, caller?: CallerFrame) => {
        ready.savedBeforeClose(caller?.senderId ?? 0, answer);
        return null;
      },
    };
    const dispatch = createDispatcher(handlers, {
      trustedOrigins,
      onInternalError: (channel, error) => log(`${channel} failed: ${error instanceof Error ? error.stack : String(error)}`),
    });
    registerIpc(ipcMain, dispatch);
    ipcRegistered = true;
    openWindow();
  };

  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      // Without its services there is nothing Newsdesk can safely show: say why, then leave.
      const detail = messageOf(error);
      dialog.showErrorBox('Newsdesk could not start', detail);
      services = null;
      app.exit(1);
    });
}

startNewsdesk();
