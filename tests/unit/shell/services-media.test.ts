import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../electron/main/ipc/dispatcher';
import type { Services } from '../../../electron/main/services/compose';
import { exportFileName } from '../../../electron/main/services/media/media-handlers';
import type { ImportJob } from '../../../shared/model/media-library';
import type { Photo } from '../../../shared/model/photo';
import { makeImage, removeDir, tempDir } from '../../support/media-library';
import { memorySettingsStore, openTestServices } from '../../support/test-services';

/**
 * The media:* channels end to end below the window: the real services on a temp folder, behind
 * the same dispatcher as ipcMain, with the system dialogs played by the test.
 */
let dataDir: string;
let services: Services;
let dispatch: Dispatch;
let picked: string[];
let savePath: string | null;
const suggested: string[] = [];
const caller = { url: 'app://newsdesk/index.html', isMainFrame: true };

async function call<T>(channel: string, request: unknown): Promise<T> {
  const result = await dispatch(channel, request, caller);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function start(): Promise<void> {
  services = await openTestServices(dataDir, {
    settingsStore: memorySettingsStore(),
    chooseFiles: async () => picked,
    chooseSavePath: async (name) => {
      suggested.push(name);
      return savePath;
    },
  });

  dispatch = createDispatcher(services.handlers, { trustedOrigins: ['app://newsdesk'] });
}

beforeEach(async () => {
  dataDir = await tempDir('newsdesk-services-');
  picked = [];
  savePath = null;
  suggested.length = 0;
  await start();
});
afterEach(async () => {
  await services.close();
  await removeDir(dataDir);
});

async function finished(job: ImportJob): Promise<ImportJob> {
  return services.media.whenFinished(job.jobId);
}

describe('media channels', () => {
  it('imports what the picker returns into <dataDir>/library/media, and nothing when it is closed', async () => {
    expect(await call('media:chooseAndImport', {})).toBeNull();
    picked = [await makeImage(dataDir, 'picked.jpg', 1)];
    const job = await call<ImportJob>('media:chooseAndImport', {});
    const done = await finished(job);
    expect(done.items[0]).toMatchObject({ name: 'picked.jpg', state: 'imported' });
    const id = done.items[0]!.photoId!;
    expect(await readdir(join(dataDir, 'library', 'media', 'photos'))).toEqual([`${id}.json`]);
    expect(await call<{ total: number }>('media:list', {})).toMatchObject({ total: 1 });
    expect(await call<Photo>('media:get', { id })).toMatchObject({ id, fileName: 'picked.jpg' });
  });

  it('takes dropped bytes through beginImport, addFile and skipFile, with progress', async () => {
    const bytes = new Uint8Array(await readFile(await makeImage(dataDir, 'drop.png', 2, 'png')));
    const job = await call<ImportJob>('media:beginImport', { names: ['drop.png', 'A folder'] });
    expect(await call('media:addFile', { jobId: job.jobId, index: 0, bytes })).toBeNull();
    expect(await call('media:skipFile', { jobId: job.jobId, index: 1, reason: '“A folder” is a folder; choose the photos inside it.' })).toBeNull();
    const done = await finished(job);
    expect(done.items.map((item) => item.state)).toEqual(['imported', 'failed']);
    expect(await call<ImportJob>('media:importStatus', { jobId: job.jobId })).toEqual(done);
    expect(await call<ImportJob>('media:cancelImport', { jobId: job.jobId })).toEqual(done);
    const many = await call<Photo[]>('media:getMany', { ids: [done.items[0]!.photoId, 'f'.repeat(64)] });
    expect(many.map((photo) => photo.fileName)).toEqual(['drop.png']);
  });

  it('edits, batch-edits and undoes through the channels', async () => {
    picked = [await makeImage(dataDir, 'one.jpg', 3), await makeImage(dataDir, 'two.jpg', 4)];
    const done = await finished(await call<ImportJob>('media:chooseAndImport', {}));
    const ids = done.items.map((item) => item.photoId!);
    const edited = await call<Photo>('media:update', { id: ids[0], metadata: { altText: 'A lighthouse at dusk' } });
    expect(edited.sources.altText).toBe('edited');
    const batch = await call<{ previous: { id: string }[] }>('media:updateMany', { ids, changes: { creditLine: 'AFP' } });
    expect(batch.previous.map((item) => item.id)).toEqual(ids);
    const restored = await call<Photo[]>('media:restoreMetadata', { items: batch.previous });
    expect(restored.map((photo) => photo.metadata.creditLine)).toEqual(['', '']);
    const refused = await dispatch('media:update', { id: ids[0], metadata: { nope: 1 } }, caller);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('exports a copy where the save dialog says, with XMP as the setting says', async () => {
    picked = [await makeImage(dataDir, 'really-a-png.jpg', 5, 'png')];
    const id = (await finished(await call<ImportJob>('media:chooseAndImport', {}))).items[0]!.photoId!;
    await call('media:update', { id, metadata: { creditLine: 'Reuters' } });
    expect(await call('media:exportCopy', { id })).toBeNull();
    expect(suggested).toEqual(['really-a-png.png']);

    savePath = join(dataDir, 'plain.png');
    await call('settings:update', { photoDesk: { ...services.settings.get().photoDesk, writeXmpOnExport: false } });
    expect(await call('media:exportCopy', { id })).toEqual({ path: savePath });
    const original = await services.media.filePath(id, 'original');
    expect((await readFile(savePath)).equals(await readFile(original!))).toBe(true);

    savePath = join(dataDir, 'tagged.png');
    await call('settings:update', { photoDesk: { ...services.settings.get().photoDesk, writeXmpOnExport: true } });
    await call('media:exportCopy', { id });
    expect((await readFile(savePath)).includes('Reuters')).toBe(true);
  });

  it('reports library records set aside in app:info, and keeps photos across a restart', async () => {
    picked = [await makeImage(dataDir, 'kept.jpg', 6)];
    const id = (await finished(await call<ImportJob>('media:chooseAndImport', {}))).items[0]!.photoId!;
    await services.close();
    await start();
    expect(await call<Photo>('media:get', { id })).toMatchObject({ fileName: 'kept.jpg' });
    expect(await call<{ quarantined: unknown[] }>('app:info', {})).toMatchObject({ quarantined: [] });
  });
});

describe('export file name', () => {
  it('keeps the imported name with the extension of what the file really is', () => {
    expect(exportFileName({ fileName: 'AFP_123.JPG', format: 'jpeg' })).toBe('AFP_123.jpg');
    expect(exportFileName({ fileName: 'pasted image.jpg', format: 'png' })).toBe('pasted image.png');
    expect(exportFileName({ fileName: 'no extension', format: 'tiff' })).toBe('no extension.tif');
    expect(exportFileName({ fileName: '.jpg', format: 'webp' })).toBe('photo.webp');
    expect(exportFileName({ fileName: '../../etc/passwd', format: 'gif' })).toBe('_.._etc_passwd.gif');
  });
});
