import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createDispatcher, type Dispatch } from '../../../electron/main/ipc/dispatcher';
import { appProtocolHandler } from '../../../electron/main/protocol/app-protocol';
import type { Services } from '../../../electron/main/services/compose';
import type { DesktopShell } from '../../../electron/main/services/desktop/desktop-shell';
import type { AppEvent, AppEventPayload } from '../../../shared/ipc/events';
import { createTestSecretBox } from '../../fakes/secret-box';
import { openTestServices } from '../../support/test-services';
import { HARNESS_ORIGIN, RENDERER_DIR, serveAppProtocol } from './app-route';
import { bridgeScript } from './bridge-script';
import { createScriptedDesk, type DeskScript, type ScriptedDesk } from './scripted-desk';

export interface HarnessApp {
  page: Page;
  /** The app's data folder (what userData is in the app). */
  dataDir: string;
  /** The page's URL; its origin is the only one the dispatcher trusts. */
  url: string;
  /** The live main-process services behind the bridge. */
  services(): Services;
  /**
   * What the system's photo picker returns the next time the page asks for it (media:chooseAndImport);
   * used once. A picker opened with nothing set behaves as if it was closed without a choice.
   */
  pickFiles(paths: string[]): void;
  /** What the system's save dialog returns the next time (media:exportCopy); used once, null = closed. */
  saveTo(path: string | null): void;
  /** Quits the "main process" (flushing services) and starts it again on the same folder, then reloads. */
  restart(): Promise<void>;
  /** Sends an event to the page as main does (webContents.send), e.g. a menu command. */
  emit<E extends AppEvent>(event: E, payload: AppEventPayload<E>): Promise<void>;
  /**
   * Opens a second window of the same app: another page in the same browser context, on the same
   * main services (same library, same story documents). Main's events go to every open page.
   */
  openWindow(): Promise<Page>;
  /** How many times the pages have called `channel` so far (e.g. to prove it does not poll). */
  callsOf(channel: string): number;
  /**
   * Holds every answer on `channel` until the returned function is called, to put a race in a fixed
   * order (e.g. a question main answers late while the window moves on). With `once`, only the
   * next call is held; the calls after it are answered as they come.
   */
  holdCalls(channel: string, options?: { once?: boolean }): () => void;
  /** The scripted desk behind the desk:* channels, when launched with `desk` (null otherwise). */
  desk: ScriptedDesk | null;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** An existing data folder (e.g. seeded with files); a fresh temp folder otherwise. */
  dataDir?: string;
  /** The page's origin, answered by the app's protocol handler (see app-route.ts). */
  origin?: string;
  /**
   * The OS keychain behind publishing secrets. 'unavailable' plays a desktop without one (no GNOME
   * Keyring or KWallet): the services' secret box reports encryption unavailable, as safeStorage does.
   */
  keychain?: 'available' | 'unavailable';
  /** The desktop shell behind the app:* window channels; none (headless) unless given. */
  desktop?: DesktopShell;
  /** Another build of the renderer to serve (the typing benchmark compares two); out/renderer unless given. */
  rendererDir?: string;
  /**
   * Scripted desk:* answers instead of main's (see scripted-desk.ts), for UI states the harness
   * cannot reach without a desk server: signed in, offline, people in stories.
   */
  desk?: DeskScript;
  /** The system's proxy list for an address (Electron's session.resolveProxy in the app); direct unless given. */
  resolveProxy?: (url: string) => Promise<string>;
}

export async function makeDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'newsdesk-e2e-'));
}

/**
 * Opens Newsdesk in a Playwright page the way the app would: the real main-process services on a
 * real folder, behind the contract's dispatcher, reached through the same bridge code as the
 * preload. page.exposeBinding stands in for ipcRenderer/ipcMain and reports the calling frame.
 */
export async function launchNewsdesk(page: Page, options: LaunchOptions = {}): Promise<HarnessApp> {
  const dataDir = options.dataDir ?? (await makeDataDir());
  const ownsDataDir = !options.dataDir;
  const origin = options.origin ?? HARNESS_ORIGIN;
  const trustedOrigins = [origin];
  const secretBox = createTestSecretBox({ available: options.keychain !== 'unavailable' });
  // The system dialogs' next answers, set by the test (pickFiles / saveTo).
  let nextPick: string[] = [];
  let nextSavePath: string | null = null;
  const calls = new Map<string, number>();
  // Calls the pages made that main has not answered yet. Closing waits for them and refuses new
  // ones, as the app closes its windows before its services: a save still running when the folder
  // is removed wrote into it meanwhile (ENOTEMPTY on the teardown's rm).
  const inFlight = new Set<Promise<unknown>>();
  let closing = false;
  const held = new Map<string, Promise<void>>();
  const releasers = new Set<() => void>();
  const heldOnce = new Set<Promise<void>>();
  // Every open window (openWindow adds more); main's events go to all of them, as index.ts sends
  // them to every BrowserWindow with webContents.send.
  const pages: Page[] = [page];
  // Each page's webContents id (see attach).
  const senderIds = new Map<Page, number>();
  const emitToOne = (target: Page, event: AppEvent, payload: unknown) =>
    target.evaluate(([name, value]) => (window as unknown as { __newsdeskEmit(event: string, payload: unknown): void }).__newsdeskEmit(name, value), [event, payload] as const);
  // As index.ts: a story change is not sent back to the window (senderId) whose editor made it.
  const emitToPage = async (event: AppEvent, payload: unknown, madeBy?: number) => {
    // A page closing or navigating meanwhile misses the event, as a closed window would.
    const targets = pages.filter((open) => !open.isClosed() && (madeBy === undefined || senderIds.get(open) !== madeBy));
    const sent = await Promise.allSettled(targets.map((open) => emitToOne(open, event, payload)));
    const failed = sent.find((outcome) => outcome.status === 'rejected');
    if (failed && pages.length === 1) throw failed.reason;
  };
  const desk = options.desk ? createScriptedDesk(options.desk, secretBox, (event, payload) => emitToPage(event, payload).catch(() => undefined)) : null;
  // One "main process": the services on the data folder and the dispatcher in front of them.
  const start = async (): Promise<{ services: Services; dispatch: Dispatch }> => {
    const services = await openTestServices(dataDir, {
      chooseFiles: async () => {
        const picked = nextPick;
        nextPick = [];
        return picked;
      },
      chooseSavePath: async () => {
        const chosen = nextSavePath;
        nextSavePath = null;
        return chosen;
      },
      desktop: options.desktop,
      secretBox,
      resolveProxy: options.resolveProxy,
      // Pasted web pictures come from a test server on 127.0.0.1 standing in for a web site.
      remoteImages: { allowLoopback: true },
      // A page closing or navigating meanwhile misses the event, as a closed window would.
      onOutboxChanged: () => void emitToPage('outbox:changed', {}).catch(() => undefined),
      onDraftsChanged: (ids) => void emitToPage('drafts:changed', { ids }).catch(() => undefined),
      onImportProgress: (job) => void emitToPage('media:importProgress', job).catch(() => undefined),
      onDeskEvent: (event, payload, madeBy) => void emitToPage(event, payload, madeBy).catch(() => undefined),
    });
    const handlers = desk ? { ...services.handlers, ...desk.handlers } : services.handlers;
    return { services, dispatch: createDispatcher(handlers, { trustedOrigins }) };
  };
  let main = await start();

  /**
   * Each page stands for one window: its calls carry a webContents id of its own, and when the page
   * reloads, navigates or closes main lets go of the stories it held (as index.ts does for a
   * window whose page went away: its editors cannot say so themselves).
   */
  const attach = async (target: Page): Promise<void> => {
    const senderId = senderIds.size + 1;
    senderIds.set(target, senderId);
    const release = () => {
      const released = main.services.releaseWindow(senderId).catch(() => undefined);
      inFlight.add(released);
      void released.finally(() => inFlight.delete(released));
    };
    // A new document in the main frame, as Electron's did-navigate: in-page navigations (pushState,
    // anchors) keep the page and its stories.
    target.on('request', (request) => {
      if (request.isNavigationRequest() && request.frame() === target.mainFrame()) release();
    });
    target.on('close', release);
    // Answers cross as one JSON string: Playwright serialises a returned object value by value, which
    // for a 2,000-item board takes half a second and holds the page, a cost Electron's IPC does not have.
    // Every answer is plain JSON data (the contract's responses hold no typed arrays or dates).
    await target.exposeBinding('__newsdeskInvoke', async (source, channel: unknown, request: unknown) => {
      if (typeof channel === 'string') calls.set(channel, (calls.get(channel) ?? 0) + 1);
      const caller = { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame(), senderId: senderIds.get(source.page) };
      if (closing) return JSON.stringify({ ok: false, error: { code: 'io', message: 'Newsdesk is closing.' } });
      const hold = typeof channel === 'string' ? held.get(channel) : undefined;
      if (hold && typeof channel === 'string' && heldOnce.has(hold)) held.delete(channel);
      const answer = (async () => {
        const result = await main.dispatch(channel, request, caller);
        if (hold) await hold;
        return result;
      })();
      inFlight.add(answer);
      try {
        return JSON.stringify(await answer);
      } finally {
        inFlight.delete(answer);
      }
    });
    await target.addInitScript({ content: await bridgeScript() });
    // Every request of the page's origin is answered by the handler the app gives protocol.handle:
    // the built renderer under the app's CSP and path rules, photos from the live library.
    await serveAppProtocol(target, appProtocolHandler(options.rendererDir ?? RENDERER_DIR, (id, kind) => main.services.media.filePath(id, kind)), origin);
    await target.goto(url);
    await untilAppShown(target);
  };
  const url = `${origin}/index.html`;
  await attach(page);

  return {
    page,
    dataDir,
    url,
    services: () => main.services,
    pickFiles(paths) {
      nextPick = [...paths];
    },
    saveTo(path) {
      nextSavePath = path;
    },
    async emit(event, payload) {
      await emitToPage(event, payload);
    },
    async openWindow() {
      const second = await page.context().newPage();
      pages.push(second);
      await attach(second);
      return second;
    },
    callsOf: (channel) => calls.get(channel) ?? 0,
    holdCalls(channel, { once = false } = {}) {
      let resolveHold = () => undefined as void;
      const hold = new Promise<void>((resolve) => (resolveHold = resolve));
      held.set(channel, hold);
      if (once) heldOnce.add(hold);
      const release = () => {
        if (held.get(channel) === hold) held.delete(channel);
        releasers.delete(release);
        resolveHold();
      };
      releasers.add(release);
      return release;
    },
    desk,
    async restart() {
      await main.services.close();
      main = await start();
      await page.reload();
      await untilAppShown(page);
    },
    async close() {
      closing = true;
      for (const release of [...releasers]) release();
      for (const open of pages.slice(1)) if (!open.isClosed()) await open.close();
      await Promise.allSettled([...inFlight]);
      await main.services.close();
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}

/**
 * The page has loaded when goto() returns, but the app is shown only once React has rendered and
 * the window knows what it is for (app:windowContext). Its key listeners are attached by then, so
 * a test's first shortcut is never pressed into a page that cannot hear it yet.
 */
async function untilAppShown(page: Page): Promise<void> {
  await page.locator('.nd-window:not(.nd-window--pending), .nd-article-window').first().waitFor({ state: 'attached' });
}

