import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Photo } from '../../../shared/model/photo';
import { EXIFTOOL_MISSING_REASON, exiftoolAvailable, readWithExiftool } from '../../support/photo-fixtures';
import { importAndWait, makeImage, openTestLibrary, removeDir, tempDir, type TestLibrary } from '../../support/media-library';

let work: string;
let root: string;
let test: TestLibrary;
let ids: string[];

beforeEach(async () => {
  work = await tempDir();
  root = join(work, 'media');
  let tick = Date.parse('2026-03-14T10:00:00Z');
  test = await openTestLibrary(root, { now: () => new Date((tick += 1000)) });
  const sources = await Promise.all([0, 1, 2].map((index) => makeImage(work, `photo-${index}.jpg`, 60 + index)));
  const job = await importAndWait(test.library, sources);
  ids = job.items.map((item) => item.photoId!);
});
afterEach(async () => {
  await test.library.close();
  expect(test.errors).toEqual([]);
  await removeDir(work);
});

async function recordOnDisk(id: string): Promise<Photo> {
  return Photo.parse(JSON.parse(await readFile(join(root, 'photos', `${id}.json`), 'utf8')));
}

describe('editing one photo', () => {
  it('saves the fields, marks them edited and finds the photo by its new words', async () => {
    const before = await test.library.get(ids[0]!);
    const after = await test.library.update(ids[0]!, { description: 'Lifeboat crew on exercise', keywords: ['rescue', ' sea ', 'Rescue'] });
    expect(after.metadata).toMatchObject({ description: 'Lifeboat crew on exercise', keywords: ['rescue', 'sea'] });
    expect(after.sources).toMatchObject({ description: 'edited', keywords: 'edited', creator: before.sources.creator });
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
    expect(await recordOnDisk(ids[0]!)).toEqual(after);
    expect((await test.library.list({ text: 'lifeboat' })).items.map((photo) => photo.id)).toEqual([ids[0]]);
  });

  it('does not write when nothing changes', async () => {
    const before = await test.library.get(ids[1]!);
    const after = await test.library.update(ids[1]!, { description: before.metadata.description });
    expect(after).toEqual(before);
  });

  it('refuses unknown photos and invalid values with a message', async () => {
    await expect(test.library.update('f'.repeat(64), { description: 'x' })).rejects.toMatchObject({
      code: 'not-found',
      message: 'This photo is no longer in the library.',
    });
    await expect(test.library.update(ids[0]!, { description: 'x'.repeat(10_001) })).rejects.toMatchObject({
      code: 'invalid-request',
      message: 'The photo details were not valid and were not saved.',
    });
    await expect(test.library.get('../../etc/passwd')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('editing a selection at once', () => {
  it('applies credit, copyright and keywords to all, and Undo puts everything back', async () => {
    await test.library.update(ids[0]!, { keywords: ['politics', 'archive'] });
    const originals = await test.library.getMany(ids);
    const result = await test.library.updateMany(ids, {
      creditLine: 'Reuters',
      copyright: '2026 Reuters',
      keywordsAdd: ['budget'],
      keywordsRemove: ['ARCHIVE'],
    });
    expect(result.previous).toEqual(originals.map((photo) => ({ id: photo.id, metadata: photo.metadata })));
    expect(result.photos.map((photo) => photo.metadata.creditLine)).toEqual(['Reuters', 'Reuters', 'Reuters']);
    expect(result.photos.map((photo) => photo.metadata.keywords)).toEqual([['politics', 'budget'], ['budget'], ['budget']]);
    for (const photo of result.photos) {
      expect(photo.sources).toMatchObject({ creditLine: 'edited', copyright: 'edited', keywords: 'edited' });
      expect(await recordOnDisk(photo.id)).toEqual(photo);
    }
    expect((await test.library.list({ text: 'reuters' })).total).toBe(3);

    const restored = await test.library.restoreMetadata(result.previous);
    expect(restored.map((photo) => photo.metadata)).toEqual(originals.map((photo) => photo.metadata));
    expect(restored.map((photo) => photo.sources)).toEqual(originals.map((photo) => photo.sources));
    expect((await test.library.list({ text: 'reuters' })).total).toBe(0);
    for (const photo of restored) expect(await recordOnDisk(photo.id)).toEqual(photo);
  });

  it('changes nothing when one of the photos is unknown', async () => {
    const before = await test.library.getMany(ids);
    await expect(test.library.updateMany([...ids, 'e'.repeat(64)], { creator: 'Someone' })).rejects.toMatchObject({ code: 'not-found' });
    expect(await test.library.getMany(ids)).toEqual(before);
  });

  it('keeps the edits across a reopen', async () => {
    await test.library.updateMany(ids, { creator: 'Jane Doe', usageTerms: 'NO SALES' });
    await test.library.close();
    test = await openTestLibrary(root);
    expect((await test.library.getMany(ids)).map((photo) => photo.metadata.creator)).toEqual(['Jane Doe', 'Jane Doe', 'Jane Doe']);
    expect((await test.library.list({ filter: 'restricted' })).total).toBe(3);
  });
});

describe('exporting a copy', () => {
  it('writes the original byte for byte when XMP is not asked for', async () => {
    const destination = join(work, 'export.jpg');
    await test.library.exportCopy(ids[0]!, destination, { writeXmp: false });
    const original = await test.library.filePath(ids[0]!, 'original');
    expect(await readFile(destination)).toEqual(await readFile(original!));
    expect((await readdir(work)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  const noExiftool = !exiftoolAvailable();
  it.skipIf(noExiftool)(`writes credit, creator and copyright into the copy's XMP${noExiftool ? ` (skipped: ${EXIFTOOL_MISSING_REASON})` : ''}`, async () => {
    await test.library.update(ids[1]!, { creator: 'Gleb Garanich', creditLine: 'REUTERS', copyright: '2026 Reuters' });
    const destination = join(work, 'with-xmp.jpg');
    await test.library.exportCopy(ids[1]!, destination, { writeXmp: true });
    const tags = await readWithExiftool(destination, ['-XMP:all']);
    expect(tags).toMatchObject({ Creator: 'Gleb Garanich', Credit: 'REUTERS', Rights: '2026 Reuters' });
  });

  it('refuses to write into the library or to a relative path, and says why a write failed', async () => {
    await expect(test.library.exportCopy(ids[0]!, join(root, 'originals', 'x.jpg'), { writeXmp: false })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(test.library.exportCopy(ids[0]!, 'relative.jpg', { writeXmp: false })).rejects.toMatchObject({ code: 'invalid-request' });
    await expect(test.library.exportCopy(ids[0]!, join(work, 'no-such-folder', 'x.jpg'), { writeXmp: false })).rejects.toMatchObject({
      code: 'io',
      message: expect.stringContaining('the folder does not exist'),
    });
  });
});
