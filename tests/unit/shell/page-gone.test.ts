import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// A window whose page goes away without saying story:close (closed, crashed, reloaded: pagehide is
// not guaranteed) must still let go of its story documents: the composition root tells the
// services which webContents went away. The services are replaced here; only the wiring is tested.
const mocks = vi.hoisted(() => ({ released: [] as number[] }));

vi.mock('../../../electron/main/services/compose', async () => {
  const { CHANNELS: channels } = await import('../../../shared/ipc/contract');
  return {
    createServices: async () => {
      const { DEFAULT_SETTINGS } = await import('../../../shared/model/settings');
      const handlers = Object.fromEntries(channels.map((channel) => [channel, () => ({ channel })]));
      return {
        handlers,
        settings: { get: () => DEFAULT_SETTINGS },
        releaseWindow: async (senderId: number) => void mocks.released.push(senderId),
        close: async () => [],
      };
    },
  };
});
vi.mock('electron-store', () => import('../../fakes/electron-store'));

type Fake = typeof import('../../fakes/electron');
let userData: string;

async function launchReady(): Promise<Fake> {
  vi.resetModules();
  const fake = await import('../../fakes/electron');
  fake.app.setPath('userData', userData);
  await import('../../../electron/main/index');
  await fake.app.simulateReady();
  await fake.flush();
  return fake;
}

function theWindow(fake: Fake) {
  const [win] = fake.BrowserWindow.getAllWindows();
  if (!win) throw new Error('the app should have opened its window');
  return win;
}

beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'newsdesk-page-gone-'));
  mocks.released.length = 0;
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(userData, { recursive: true, force: true });
});

describe('a page that goes away lets go of its stories', () => {
  it('a window destroyed without its page saying anything', async () => {
    const fake = await launchReady();
    const win = theWindow(fake);
    const { id } = win.webContents;
    mocks.released.length = 0;
    win.webContents.destroy();
    await fake.flush();
    expect(mocks.released).toContain(id);
  });

  it('a renderer that crashed', async () => {
    const fake = await launchReady();
    const win = theWindow(fake);
    mocks.released.length = 0;
    win.webContents.crash();
    await fake.flush();
    // Crash recovery reloads the window, which lets go once more: releasing is idempotent.
    expect(new Set(mocks.released)).toEqual(new Set([win.webContents.id]));
  });

  it('a page reloaded, but not a reload the page refused (beforeunload)', async () => {
    const fake = await launchReady();
    const win = theWindow(fake);
    mocks.released.length = 0;
    win.webContents.vetoUnload = true;
    win.webContents.reload();
    await fake.flush();
    expect(mocks.released).toEqual([]);
    win.webContents.vetoUnload = false;
    win.webContents.reload();
    await fake.flush();
    expect(mocks.released).toEqual([win.webContents.id]);
  });
});
