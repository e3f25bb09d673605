import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PHOTO_FORMATS } from '../../../shared/model/photo';
import { EXIFTOOL_MISSING_REASON, FIXTURE_EXPECTED, exiftoolAvailable, makePhotoFixture } from '../../support/photo-fixtures';
import {
  bytesOf,
  consistencyProblems,
  importAndWait,
  importBytes,
  listFolders,
  makeImage,
  openTestLibrary,
  removeDir,
  tempDir,
  type TestLibrary,
} from '../../support/media-library';

let work: string;
let root: string;
let test: TestLibrary;

beforeEach(async () => {
  work = await tempDir();
  root = join(work, 'media');
  test = await openTestLibrary(root);
});
afterEach(async () => {
  await test.library.close();
  expect(test.errors).toEqual([]);
  await removeDir(work);
});

describe('import by path', () => {
  it('copies the file in under its SHA-256, with a thumbnail and a record', async () => {
    const source = await makeImage(work, 'harbour.jpg', 1, 'jpeg', { width: 1200, height: 800 });
    const job = await importAndWait(test.library, [source]);
    expect(job).toMatchObject({ finished: true, cancelled: false });
    const [item] = job.items;
    expect(item).toMatchObject({ name: 'harbour.jpg', state: 'imported', message: '' });
    const photo = await test.library.get(item!.photoId!);
    expect(photo).toMatchObject({ fileName: 'harbour.jpg', format: 'jpeg', width: 1200, height: 800 });
    const original = await test.library.filePath(photo.id, 'original');
    expect((await readFile(original!)).equals(await readFile(source))).toBe(true);
    const thumbnail = await sharp((await test.library.filePath(photo.id, 'thumbnail'))!).metadata();
    expect(thumbnail).toMatchObject({ format: 'jpeg', width: 480, height: 320 });
    expect(await consistencyProblems(root)).toEqual([]);
  });

  it('keeps its own copy: the original may move or vanish afterwards', async () => {
    const source = await makeImage(work, 'gone.jpg', 2);
    const job = await importAndWait(test.library, [source]);
    await rm(source);
    const path = await test.library.filePath(job.items[0]!.photoId!, 'original');
    expect(path).not.toBeNull();
    expect((await readFile(path!)).length).toBeGreaterThan(0);
  });

  const noExiftool = !exiftoolAvailable();
  it.skipIf(noExiftool)(`reads the caption and credit from the file${noExiftool ? ` (skipped: ${EXIFTOOL_MISSING_REASON})` : ''}`, async () => {
    const source = await makePhotoFixture(work, 'iimAndXmp', { width: 160, height: 100 });
    const job = await importAndWait(test.library, [source]);
    const photo = await test.library.get(job.items[0]!.photoId!);
    expect(photo.metadata).toMatchObject({
      description: FIXTURE_EXPECTED.iimAndXmp.description,
      creator: FIXTURE_EXPECTED.iimAndXmp.creator,
      creditLine: FIXTURE_EXPECTED.iimAndXmp.creditLine,
    });
    expect(photo.sources.creditLine).toBe('xmp');
    expect(photo.embedded.iim.creator).toBe(FIXTURE_EXPECTED.iimAndXmp.creator);
    expect(job.items[0]!.warnings).toEqual([]);
  });

  it('recognises every supported format by content and stores it with the right extension', async () => {
    // Each picture is named .jpg whatever it really is.
    const sources = await Promise.all(PHOTO_FORMATS.map((format, index) => makeImage(work, `${format}-as.jpg`, 10 + index, format)));
    const job = await importAndWait(test.library, sources);
    expect(job.items.map((item) => [item.name, item.state, item.message])).toEqual(
      PHOTO_FORMATS.map((format) => [`${format}-as.jpg`, 'imported', '']),
    );
    const photos = await test.library.getMany(job.items.map((item) => item.photoId!));
    expect(photos.map((photo) => photo.format)).toEqual([...PHOTO_FORMATS]);
    const { originals } = await listFolders(root);
    for (const photo of photos) {
      const extension = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif', avif: 'avif', tiff: 'tif' }[photo.format];
      expect(originals).toContain(`${photo.id}.${extension}`);
    }
    expect(await consistencyProblems(root)).toEqual([]);
  });
});

describe('import by bytes (drop, paste)', () => {
  it('imports bytes sent after beginImport and reports each file', async () => {
    const first = await bytesOf(await makeImage(work, 'a.jpg', 20));
    const second = await bytesOf(await makeImage(work, 'b.png', 21, 'png'));
    const job = await importBytes(test.library, [
      { name: 'dropped.jpg', bytes: first },
      { name: 'pasted image.png', bytes: second },
    ]);
    expect(job.items.map((item) => item.state)).toEqual(['imported', 'imported']);
    const photos = await test.library.getMany(job.items.map((item) => item.photoId!));
    expect(photos.map((photo) => [photo.fileName, photo.format, photo.bytes])).toEqual([
      ['dropped.jpg', 'jpeg', first.byteLength],
      ['pasted image.png', 'png', second.byteLength],
    ]);
    expect(await consistencyProblems(root)).toEqual([]);
  });

  it('records a file the window could not read as failed, with its reason', async () => {
    const bytes = await bytesOf(await makeImage(work, 'c.jpg', 22));
    const job = test.library.beginImport(['Holiday photos', 'c.jpg']);
    test.library.skipFile(job.jobId, 0, '“Holiday photos” is a folder; choose the photos inside it.');
    await test.library.addFile(job.jobId, 1, bytes);
    const done = await test.library.whenFinished(job.jobId);
    expect(done.items.map((item) => [item.state, item.message])).toEqual([
      ['failed', '“Holiday photos” is a folder; choose the photos inside it.'],
      ['imported', ''],
    ]);
  });

  it('refuses a file number the import does not have, and the same file twice', async () => {
    const bytes = await bytesOf(await makeImage(work, 'd.jpg', 23));
    const job = test.library.beginImport(['d.jpg']);
    await expect(test.library.addFile(job.jobId, 1, bytes)).rejects.toMatchObject({ code: 'invalid-request' });
    await test.library.addFile(job.jobId, 0, bytes);
    await expect(test.library.addFile(job.jobId, 0, bytes)).rejects.toMatchObject({ code: 'conflict' });
    await test.library.whenFinished(job.jobId);
    await expect(test.library.addFile('no-such-job', 0, bytes)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('gives up on files that never arrive, so the job still finishes', async () => {
    await test.library.close();
    test = await openTestLibrary(root, { bytesWaitMs: 50 });
    const job = test.library.beginImport(['never.jpg']);
    const done = await test.library.whenFinished(job.jobId);
    expect(done.items[0]).toMatchObject({ state: 'failed', message: '“never.jpg” never arrived from the window that started the import.' });
  });
});

describe('duplicates', () => {
  it('finds the same bytes imported again, by path or by bytes, and keeps one copy', async () => {
    const source = await makeImage(work, 'same.jpg', 30);
    const first = await importAndWait(test.library, [source]);
    const photoId = first.items[0]!.photoId!;
    const again = await importAndWait(test.library, [source]);
    expect(again.items[0]).toMatchObject({ state: 'duplicate', photoId, message: '' });
    const dropped = await importBytes(test.library, [{ name: 'renamed copy.jpg', bytes: await bytesOf(source) }]);
    expect(dropped.items[0]).toMatchObject({ state: 'duplicate', photoId });
    expect((await listFolders(root)).records).toEqual([`${photoId}.json`]);
    expect((await test.library.get(photoId)).fileName).toBe('same.jpg');
  });

  it('gives one photo and duplicates when the same file is in one batch several times', async () => {
    const source = await makeImage(work, 'twice.jpg', 31);
    const job = await importAndWait(test.library, [source, source, source]);
    const states = job.items.map((item) => item.state).sort();
    expect(states).toEqual(['duplicate', 'duplicate', 'imported']);
    expect(new Set(job.items.map((item) => item.photoId)).size).toBe(1);
    expect(await consistencyProblems(root)).toEqual([]);
  });
});
