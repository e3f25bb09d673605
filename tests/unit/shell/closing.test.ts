import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_CHOICES, SAVE_ANSWER_TIMEOUT_MS } from '../../../electron/main/window/close-guard';

// Closing a window and quitting while the page holds unsaved work, through the whole composition
// root (electron/main/index.ts) on the fake electron, whose windows honour a page's beforeunload
// veto as Electron does: the close (and any quit) is cancelled unless main overrules it in
// 'will-prevent-unload'. The services are stubbed: this is about the shell.
const mocks = vi.hoisted(() => ({ closeCalls: 0 }));

vi.mock('../../../electron/main/services/compose', async () => {
  const { CHANNELS } = await import('../../../shared/ipc/contract');
  const { DEFAULT_SETTINGS } = await import('../../../shared/model/settings');
  return {
    createServices: async () => ({
      handlers: Object.fromEntries(CHANNELS.map((channel) => [channel, () => null])),
      settings: { get: () => DEFAULT_SETTINGS },
      close: async () => void (mocks.closeCalls += 1),
    }),
  };
});
vi.mock('electron-store', () => import('../../fakes/electron-store'));

type Fake = typeof import('../../fakes/electron');
type Win = InstanceType<Fake['BrowserWindow']>;
const [SAVE_AGAIN, DISCARD, KEEP_EDITING] = [0, 1, 2];
let userData: string;

async function launch(): Promise<{ fake: Fake; win: Win }> {
  vi.resetModules();
  const fake = await import('../../fakes/electron');
  fake.app.setPath('userData', userData);
  await import('../../../electron/main/index');
  await fake.app.simulateReady();
  const win = fake.BrowserWindow.getAllWindows()[0]!;
  // The page holds an edit it has not saved yet: its beforeunload refuses.
  win.webContents.vetoUnload = true;
  return { fake, win };
}

/** The requestIds main sent this window with 'app:saveBeforeClose', oldest first. */
function saveRequests(win: Win): number[] {
  return win.webContents.sentEvents.filter((e) => e.channel === 'app:saveBeforeClose').map((e) => (e.args[0] as { requestId: number }).requestId);
}

/** The page's answer, sent over IPC as the renderer sends it. */
async function answer(fake: Fake, win: Win, body: Record<string, unknown>): Promise<unknown> {
  const result = await fake.ipcMain.invoke('app:savedBeforeClose', win.webContents.ipcEvent(), body);
  await fake.flush();
  return result;
}

beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'newsdesk-closing-'));
  mocks.closeCalls = 0;
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  rmSync(userData, { recursive: true, force: true });
});

describe('closing a window with unsaved work', () => {
  it('asks the page to save, then closes once it has', async () => {
    const { fake, win } = await launch();
    win.close();
    expect(win.isDestroyed()).toBe(false);
    const [requestId] = saveRequests(win);
    expect(requestId).toBeGreaterThan(0);

    win.webContents.vetoUnload = false; // the save went through
    expect(await answer(fake, win, { requestId, saved: true })).toEqual({ ok: true, value: null });
    expect(win.isDestroyed()).toBe(true);
    expect(fake.dialog.messageBoxes).toEqual([]);
  });

  it('when the save fails, says why and offers Save Again, Discard Changes, Keep Editing', async () => {
    const { fake, win } = await launch();
    win.close();
    await answer(fake, win, { requestId: saveRequests(win)[0], saved: false, reason: 'The disk is full.' });
    const [box] = fake.dialog.messageBoxes;
    expect(box?.parent).toBe(win);
    expect(box?.options.buttons).toEqual([...CLOSE_CHOICES]);
    expect(box?.options.detail).toContain('The disk is full.');
    expect(box?.options.cancelId).toBe(KEEP_EDITING);
    expect(win.isDestroyed()).toBe(false);
  });

  it('Save Again asks the page again, and closes when that save works', async () => {
    const { fake, win } = await launch();
    win.close();
    await answer(fake, win, { requestId: saveRequests(win)[0], saved: false, reason: 'The disk is full.' });
    fake.dialog.messageBoxes[0]!.answer(SAVE_AGAIN);
    await fake.flush();
    const requests = saveRequests(win);
    expect(requests).toHaveLength(2);
    win.webContents.vetoUnload = false;
    await answer(fake, win, { requestId: requests[1], saved: true });
    expect(win.isDestroyed()).toBe(true);
  });

  it('Discard Changes closes the window although the page still refuses', async () => {
    const { fake, win } = await launch();
    win.close();
    await answer(fake, win, { requestId: saveRequests(win)[0], saved: false, reason: 'The disk is full.' });
    fake.dialog.messageBoxes[0]!.answer(DISCARD);
    await fake.flush();
    expect(win.isDestroyed()).toBe(true);
  });

  it('Keep Editing leaves the window open, and a later close asks again', async () => {
    const { fake, win } = await launch();
    win.close();
    await answer(fake, win, { requestId: saveRequests(win)[0], saved: false, reason: 'The disk is full.' });
    fake.dialog.messageBoxes[0]!.answer(KEEP_EDITING);
    await fake.flush();
    expect(win.isDestroyed()).toBe(false);
    expect(saveRequests(win)).toHaveLength(1);

    win.close();
    expect(saveRequests(win)).toHaveLength(2);
  });

  it('ignores an answer to a request it did not make', async () => {
    const { fake, win } = await launch();
    win.close();
    win.webContents.vetoUnload = false;
    await answer(fake, win, { requestId: saveRequests(win)[0]! + 1, saved: true });
    expect(win.isDestroyed()).toBe(false);
    expect(await answer(fake, win, { requestId: 1, saved: 'yes' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('a page that never answers counts as a failed save (the person decides)', async () => {
    const { fake, win } = await launch();
    vi.useFakeTimers();
    win.close();
    await vi.advanceTimersByTimeAsync(SAVE_ANSWER_TIMEOUT_MS);
    expect(fake.dialog.messageBoxes[0]?.options.detail).toContain('did not answer');
    fake.dialog.messageBoxes[0]!.answer(DISCARD);
    await vi.advanceTimersByTimeAsync(0);
    expect(win.isDestroyed()).toBe(true);
  });

  it('leaves a refused reload alone (only closing is taken over)', async () => {
    const { win } = await launch();
    win.webContents.reload();
    expect(saveRequests(win)).toEqual([]);
    expect(win.isDestroyed()).toBe(false);
  });
});

describe('quitting with a window that holds unsaved work', () => {
  it('completes once the page has saved', async () => {
    const { fake, win } = await launch();
    fake.app.quit();
    expect(fake.app.quitted).toBe(false); // Electron cancels the quit when a page refuses to unload
    win.webContents.vetoUnload = false;
    await answer(fake, win, { requestId: saveRequests(win)[0], saved: true });
    await fake.flush();
    expect(win.isDestroyed()).toBe(true);
    expect(fake.app.quitted).toBe(true);
    expect(mocks.closeCalls).toBe(1);
  });

  it('completes after Discard Changes when the save fails', async () => {
    const { fake, win } = await launch();
    fake.app.quit();
    await answer(fake, win, { requestId: saveRequests(win)[0], saved: false, reason: 'The disk is full.' });
    expect(fake.app.quitted).toBe(false);
    fake.dialog.messageBoxes[0]!.answer(DISCARD);
    await fake.flush();
    await fake.flush();
    expect(fake.app.quitted).toBe(true);
    expect(mocks.closeCalls).toBe(1);
  });

  it('goes on when the window it waited for is gone some other way', async () => {
    const { fake, win } = await launch();
    fake.app.quit();
    expect(saveRequests(win)).toHaveLength(1);
    win.destroy(); // e.g. the page closed itself after saving
    await fake.flush();
    await fake.flush();
    expect(fake.app.quitted).toBe(true);
  });

  it('is cancelled cleanly by Keep Editing: the window stays and the app keeps running', async () => {
    const { fake, win } = await launch();
    fake.app.quit();
    await answer(fake, win, { requestId: saveRequests(win)[0], saved: false, reason: 'The disk is full.' });
    fake.dialog.messageBoxes[0]!.answer(KEEP_EDITING);
    await fake.flush();
    expect(win.isDestroyed()).toBe(false);
    expect(fake.app.quitted).toBe(false);
    expect(fake.app.quitCalls).toBe(1);
    expect(mocks.closeCalls).toBe(0);
  });
});
