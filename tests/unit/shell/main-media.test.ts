import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeBaseImage } from '../../support/photo-fixtures';

// The composition root (electron/main/index.ts) against the fake electron, with the services
// replaced: this checks how the photo desk's dialogs and the media route are wired in the app.
const mocks = vi.hoisted(() => ({
  serviceOptions: [] as Record<string, unknown>[],
  mediaLookups: [] as [string, string][],
  mediaFile: null as string | null,
}));

vi.mock('../../../electron/main/services/compose', async () => {
  const { CHANNELS: channels } = await import('../../../shared/ipc/contract');
  return {
    createServices: async (options: Record<string, unknown>) => {
      mocks.serviceOptions.push(options);
      const handlers = Object.fromEntries(channels.map((channel) => [channel, () => ({ channel })]));
      const media = {
        filePath: async (id: string, kind: string) => {
          mocks.mediaLookups.push([id, kind]);
          return mocks.mediaFile;
        },
      };
      const { DEFAULT_SETTINGS } = await import('../../../shared/model/settings');
      return { handlers, media, settings: { get: () => DEFAULT_SETTINGS }, close: async () => {} };
    },
  };
});

vi.mock('electron-store', () => ({
  default: class {
    get(): unknown {
      return undefined;
    }
    set(): void {}
  },
}));

type Fake = typeof import('../../fakes/electron');
let userData: string;

async function launchReady(): Promise<Fake> {
  vi.resetModules();
  const fake = await import('../../fakes/electron');
  fake.app.setPath('userData', userData);
  await import('../../../electron/main/index');
  await fake.app.simulateReady();
  return fake;
}

type ChooseFiles = () => Promise<string[]>;
type ChooseSavePath = (suggestedName: string) => Promise<string | null>;

beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'newsdesk-main-media-'));
  Object.assign(mocks, { serviceOptions: [], mediaLookups: [], mediaFile: null });
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(userData, { recursive: true, force: true });
});

describe('photo dialogs', () => {
  it('the import picker allows several photos, offers image types and is attached to the window', async () => {
    const fake = await launchReady();
    const chooseFiles = mocks.serviceOptions[0]!.chooseFiles as ChooseFiles;
    expect(await chooseFiles()).toEqual([]); // closed without a choice
    fake.dialog.nextOpenAnswer = { canceled: false, filePaths: ['/photos/a.jpg', '/photos/b.tif'] };
    expect(await chooseFiles()).toEqual(['/photos/a.jpg', '/photos/b.tif']);
    const [shown] = fake.dialog.openDialogs;
    expect(shown!.parent).toBe(fake.BrowserWindow.getAllWindows()[0]);
    expect(shown!.options.properties).toEqual(expect.arrayContaining(['openFile', 'multiSelections']));
    expect(shown!.options.filters).toEqual([
      { name: 'Photos', extensions: ['jpg', 'jpeg', 'png', 'webp', 'gif', 'avif', 'tif', 'tiff'] },
    ]);
  });

  it('the save dialog suggests the name and gives the chosen path, or null when closed', async () => {
    const fake = await launchReady();
    const chooseSavePath = mocks.serviceOptions[0]!.chooseSavePath as ChooseSavePath;
    expect(await chooseSavePath('harbour.jpg')).toBeNull();
    expect(fake.dialog.saveDialogs[0]!.options.defaultPath).toBe('harbour.jpg');
    fake.dialog.nextSaveAnswer = { canceled: false, filePath: '/exports/harbour.jpg' };
    expect(await chooseSavePath('harbour.jpg')).toBe('/exports/harbour.jpg');
  });
});

describe('app://newsdesk/media/', () => {
  it('asks the media library for the id and serves the file it names', async () => {
    const fake = await launchReady();
    const id = '0f'.repeat(32);
    expect((await fake.protocol.fetch(`app://newsdesk/media/${id}/thumbnail`)).status).toBe(404);
    mocks.mediaFile = join(userData, 'thumb.jpg');
    await makeBaseImage(mocks.mediaFile, 'jpeg', { width: 32, height: 32 });
    const response = await fake.protocol.fetch(`app://newsdesk/media/${id}/thumbnail`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(mocks.mediaLookups).toEqual([
      [id, 'thumbnail'],
      [id, 'thumbnail'],
    ]);
  });
});
