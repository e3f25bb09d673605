import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  consistencyProblems,
  importAndWait,
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
  await removeDir(work);
});

async function reopen(): Promise<void> {
  await test.library.close();
  test = await openTestLibrary(root);
}

/** Resolves once `condition` holds; the test's own timeout bounds the wait. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('reopening the library', () => {
  it('finds every photo again, with its edits, newest first', async () => {
    const first = await importAndWait(test.library, [await makeImage(work, 'one.jpg', 1)]);
    const second = await importAndWait(test.library, [await makeImage(work, 'two.webp', 2, 'webp')]);
    const edited = await test.library.update(first.items[0]!.photoId!, { description: 'Fishing boats at dawn' });
    await reopen();
    const page = await test.library.list({});
    expect(page.items.map((photo) => photo.fileName)).toEqual(['two.webp', 'one.jpg']);
    expect(await test.library.get(edited.id)).toEqual(edited);
    expect(await test.library.filePath(second.items[0]!.photoId!, 'thumbnail')).not.toBeNull();
    expect(test.errors).toEqual([]);
  });

  it('cleans up what an interrupted session left: incoming files, orphans, temp records', async () => {
    const job = await importAndWait(test.library, [await makeImage(work, 'kept.jpg', 3)]);
    await test.library.close();
    const orphanId = 'a'.repeat(64);
    await writeFile(join(root, 'incoming', 'half-copied.part'), 'partial');
    await writeFile(join(root, 'originals', `${orphanId}.jpg`), 'an import stopped before its record was written');
    await writeFile(join(root, 'thumbnails', `${orphanId}.jpg`), 'thumb');
    await writeFile(join(root, 'photos', `.${orphanId}.json.0123456789ab.tmp`), '{"half":');
    test = await openTestLibrary(root);
    const folders = await listFolders(root);
    expect(folders.incoming).toEqual([]);
    expect(folders.records).toEqual([`${job.items[0]!.photoId}.json`]);
    expect(await consistencyProblems(root)).toEqual([]);
    expect(test.library.quarantined()).toEqual([]);
  });

  it('moves a record it cannot read aside with the reason, and opens with the rest', async () => {
    const good = await importAndWait(test.library, [await makeImage(work, 'good.jpg', 4)]);
    const damaged = await importAndWait(test.library, [await makeImage(work, 'damaged.jpg', 5)]);
    const noOriginal = await importAndWait(test.library, [await makeImage(work, 'lost.png', 6, 'png')]);
    await test.library.close();
    const damagedId = damaged.items[0]!.photoId!;
    const lostId = noOriginal.items[0]!.photoId!;
    await writeFile(join(root, 'photos', `${damagedId}.json`), '{ "schemaVersion": 1, "id": "trunc');
    await rm(join(root, 'originals', `${lostId}.png`));

    test = await openTestLibrary(root);
    expect((await test.library.list({})).items.map((photo) => photo.id)).toEqual([good.items[0]!.photoId]);
    const reasons = Object.fromEntries(test.library.quarantined().map((entry) => [entry.file, entry.reason]));
    expect(reasons[join('media', 'photos', `${damagedId}.json`)]).toMatch(/^The photo record could not be read as JSON/);
    expect(reasons[join('media', 'photos', `${lostId}.json`)]).toBe('The original picture of this photo record is missing from the library.');
    const aside = await readdir(join(root, 'quarantine'));
    // The two records, and the picture of the unreadable one (kept, as it may be the only copy).
    expect(aside.filter((name) => name.endsWith('.reason.txt'))).toHaveLength(3);
    expect(await consistencyProblems(root)).toEqual([]);
    // Importing the picture again works: its leftovers were cleared.
    const again = await importAndWait(test.library, [join(work, 'damaged.jpg')]);
    expect(again.items[0]).toMatchObject({ state: 'imported', photoId: damagedId });
  });

  it('refuses a record that does not validate', async () => {
    const job = await importAndWait(test.library, [await makeImage(work, 'wrong.jpg', 7)]);
    await test.library.close();
    const id = job.items[0]!.photoId!;
    const file = join(root, 'photos', `${id}.json`);
    const record = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...record, width: -3 }));
    test = await openTestLibrary(root);
    expect(test.library.quarantined()[0]?.reason).toMatch(/^The photo record is not valid \(width: /);
    expect((await test.library.list({})).total).toBe(0);
  });

  it('makes a lost thumbnail again in the background', async () => {
    const job = await importAndWait(test.library, [await makeImage(work, 'thumb.jpg', 8)]);
    await test.library.close();
    const id = job.items[0]!.photoId!;
    await rm(join(root, 'thumbnails', `${id}.jpg`));
    test = await openTestLibrary(root);
    await until(async () => (await test.library.filePath(id, 'thumbnail')) !== null);
    expect(await consistencyProblems(root)).toEqual([]);
  });

  it('opens a library folder made by hand without photos', async () => {
    await test.library.close();
    await removeDir(root);
    await mkdir(root);
    test = await openTestLibrary(root);
    expect(await test.library.list({})).toEqual({ items: [], total: 0 });
  });
});
