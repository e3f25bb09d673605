import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { vi } from 'vitest';
import type { BrowserWindow as FakeBrowserWindow } from '../../fakes/electron';

/**
 * The whole main process (electron/main/index.ts, the composition root) started against the fake
 * `electron` module, with the real services on a temp data folder. Every BrowserWindow the app
 * constructs is recorded as it is made (the fake emits 'web-contents-created' from its
 * constructor), so a window kind added later is seen without this file knowing about it.
 *
 * The caller must mock `electron-store` (a package, so vitest would hand it the real electron):
 * `vi.mock('electron-store', () => import('./support/memory-store'))`.
 */
export type Fake = typeof import('../../fakes/electron');

export interface LaunchedApp {
  fake: Fake;
  /** Every window constructed so far, in order, including ones closed since. */
  windows: FakeBrowserWindow[];
  userData: string;
  /** The preload the app is meant to load: electron/preload next to electron/main (out/preload in a build). */
  expectedPreload: string;
  /** The first window, to send IPC from. */
  mainWindow(): FakeBrowserWindow;
  /** Sends an IPC request as the renderer of `win` would; resolves to the Result. */
  invoke(channel: string, payload: unknown, win?: FakeBrowserWindow): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  /** Quits the way the user would (services flushed), then removes the data folder. */
  quit(): Promise<void>;
}

export const MAIN_ENTRY = resolve('electron/main/index.ts');

/** Waits for something the app does in the background (services starting, quitting), with a bound. */
async function settle(fake: Fake, done: () => boolean, what: string): Promise<void> {
  for (let round = 0; round < 2_000 && !done(); round += 1) await fake.flush();
  if (!done()) throw new Error(`The app did not finish: ${what}`);
}

export async function launchApp(): Promise<LaunchedApp> {
  vi.resetModules();
  const fake: Fake = await import('../../fakes/electron');
  const userData = await mkdtemp(join(tmpdir(), 'newsdesk-security-'));
  fake.app.setPath('userData', userData);
  const windows: FakeBrowserWindow[] = [];
  fake.app.on('web-contents-created', (_event: unknown, contents: unknown) => {
    const win = fake.BrowserWindow.fromWebContents(contents);
    if (win && !windows.includes(win)) windows.push(win);
  });
  await import('../../../electron/main/index');
  await fake.app.simulateReady();
  await settle(fake, () => windows.length > 0, 'the first window after ready');

  const mainWindow = (): FakeBrowserWindow => {
    const first = windows[0];
    if (!first) throw new Error('The app opened no window');
    return first;
  };
  return {
    fake,
    windows,
    userData,
    expectedPreload: join(dirname(MAIN_ENTRY), '../preload/index.cjs'),
    mainWindow,
    invoke: async (channel, payload, win = mainWindow()) =>
      (await fake.ipcMain.invoke(channel, win.webContents.ipcEvent(), payload)) as Awaited<ReturnType<LaunchedApp['invoke']>>,
    quit: async () => {
      fake.app.quit();
      await settle(fake, () => fake.app.quitted, 'quitting');
      await rm(userData, { recursive: true, force: true });
    },
  };
}

interface MenuItemLike {
  label?: string;
  id?: string;
  click?: (...args: unknown[]) => unknown;
  submenu?: unknown;
}

function menuItems(items: unknown): MenuItemLike[] {
  if (!Array.isArray(items)) return [];
  return (items as MenuItemLike[]).flatMap((item) => [item, ...menuItems(item.submenu)]);
}

/**
 * Drives every way the app opens a window that the shell offers today or is expected to offer:
 * the main window at ready, a relaunch and a dock click, "open in a new window" over IPC for a real
 * article, and any menu item about windows. Paths that open nothing (yet) simply add no window.
 */
export async function openEveryWindowKind(launched: LaunchedApp): Promise<void> {
  const { fake } = launched;
  const created = await launched.invoke('drafts:create', { section: 'News' });
  if (!created.ok) throw new Error(`drafts:create failed: ${created.error?.message}`);
  const articleId = (created.value as { id: string }).id;
  const opened = await launched.invoke('app:openArticleWindow', { articleId });
  if (!opened.ok) throw new Error(`app:openArticleWindow failed: ${opened.error?.message}`);

  fake.app.simulateSecondInstance(['newsdesk']);
  fake.app.emit('activate', fake.fakeEvent(), true);

  const template = (fake.Menu.getApplicationMenu()?.template ?? []) as unknown[];
  for (const item of menuItems(template)) {
    if (typeof item.click !== 'function' || !/window/i.test(`${item.label ?? ''} ${item.id ?? ''}`)) continue;
    try {
      await item.click(item, launched.mainWindow(), {});
    } catch {
      // A menu command that needs more of Electron than the fake offers still counts: its window, if any, was recorded.
    }
  }
  for (let round = 0; round < 20; round += 1) await fake.flush();
}
