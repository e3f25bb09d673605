import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FORMAT_EXTENSIONS } from '../../../electron/main/services/media/paths';
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

let work = '';
let test: TestLibrary | null = null;
afterEach(async () => {
  await test?.library.close();
  test = null;
  await removeDir(work);
});

async function libraryWithPhotos(count: number): Promise<{ root: string; ids: string[] }> {
  work = await tempDir();
  const root = join(work, 'media');
  test = await openTestLibrary(root);
  const files = await Promise.all(Array.from({ length: count }, (_, i) => makeImage(work, `photo-${i}.jpg`, i + 1)));
  const job = await importAndWait(test.library, files);
  return { root, ids: job.items.map((item) => item.photoId!) };
}

async function reopen(root: string): Promise<TestLibrary> {
  await test?.library.close();
  test = await openTestLibrary(root);
  return test;
}

const trashFolder = (root: string, id: string) => join(root, 'trash', id);

describe('photo trash', () => {
  it('moves a photo with its edits to the trash and back, across reopening, leaving the library consistent', async () => {
    const { root, ids } = await libraryWithPhotos(2);
    const [kept, deleted] = ids as [string, string];
    await test!.library.update(deleted, { description: 'Edited caption' });

    expect(await test!.library.moveToTrash([deleted])).toEqual([deleted]);
    expect((await test!.library.list({})).items.map((p) => p.id)).toEqual([kept]);
    expect(test!.library.listTrash().map((t) => t.photo.id)).toEqual([deleted]);
    expect(await test!.library.filePath(deleted, 'original')).toBeNull();
    expect(await test!.library.filePath(deleted, 'thumbnail')).toBe(join(trashFolder(root, deleted), 'thumbnail.jpg'));
    expect((await readdir(trashFolder(root, deleted))).sort()).toEqual(['entry.json', 'original.jpg', 'record.json', 'thumbnail.jpg']);
    expect(await consistencyProblems(root)).toEqual([]);

    await reopen(root);
    expect((await test!.library.list({})).total).toBe(1);
    expect(test!.library.listTrash().map((t) => t.photo.metadata.description)).toEqual(['Edited caption']);

    const [restored] = await test!.library.restoreFromTrash([deleted]);
    expect(restored?.metadata.description).toBe('Edited caption');
    expect(test!.library.listTrash()).toEqual([]);
    await reopen(root);
    expect((await test!.library.get(deleted)).metadata.description).toBe('Edited caption');
    expect(await readdir(join(root, 'trash'))).toEqual([]);
    expect(await consistencyProblems(root)).toEqual([]);
  });

  it('empties the trash for good, and a folder half-emptied by a crash is gone at the next open', async () => {
    const { root, ids } = await libraryWithPhotos(3);
    await test!.library.moveToTrash(ids.slice(0, 2));
    expect(await test!.library.emptyTrash()).toBe(2);
    expect(test!.library.listTrash()).toEqual([]);
    expect(await readdir(join(root, 'trash'))).toEqual([]);
    expect((await test!.library.list({})).total).toBe(1);

    await test!.library.close();
    await mkdir(join(root, 'trash', `.emptying-${ids[0]}-0a0b0c0d`), { recursive: true });
    await writeFile(join(root, 'trash', `.emptying-${ids[0]}-0a0b0c0d`, 'original.jpg'), 'left by a crash');
    test = null;
    await reopen(root);
    expect(await readdir(join(root, 'trash'))).toEqual([]);
    expect(await consistencyProblems(root)).toEqual([]);
  });

  it('after a crash between the record and the original, the photo is in the trash with its original, never deleted as an orphan', async () => {
    const { root, ids } = await libraryWithPhotos(1);
    const id = ids[0]!;
    await test!.library.moveToTrash([id]);
    await test!.library.close();
    test = null;
    // As if the crash came right after the record moved: original and thumbnail still in the library's folders.
    await rename(join(trashFolder(root, id), 'original.jpg'), join(root, 'originals', `${id}.${FORMAT_EXTENSIONS.jpeg}`));
    await rename(join(trashFolder(root, id), 'thumbnail.jpg'), join(root, 'thumbnails', `${id}.jpg`));

    await reopen(root);
    expect(test!.library.listTrash().map((t) => t.photo.id)).toEqual([id]);
    expect((await readdir(trashFolder(root, id))).sort()).toEqual(['entry.json', 'original.jpg', 'record.json', 'thumbnail.jpg']);
    expect(await test!.library.restoreFromTrash([id])).toHaveLength(1);
    expect(await consistencyProblems(root)).toEqual([]);
  });

  it('after a crash before the record moved, or after it came back, the photo is in the library and the entry is gone', async () => {
    const { root, ids } = await libraryWithPhotos(2);
    const [before, after] = ids as [string, string];
    await test!.library.moveToTrash([before, after]);
    await test!.library.close();
    test = null;
    // "before": only the entry was written. "after": a restore put everything back but the entry.
    await rename(join(trashFolder(root, before), 'record.json'), join(root, 'photos', `${before}.json`));
    await rename(join(trashFolder(root, before), 'original.jpg'), join(root, 'originals', `${before}.jpg`));
    await rename(join(trashFolder(root, before), 'thumbnail.jpg'), join(root, 'thumbnails', `${before}.jpg`));
    await rename(join(trashFolder(root, after), 'original.jpg'), join(root, 'originals', `${after}.jpg`));
    await rename(join(trashFolder(root, after), 'record.json'), join(root, 'photos', `${after}.json`));

    await reopen(root);
    expect((await test!.library.list({})).total).toBe(2);
    expect(test!.library.listTrash()).toEqual([]);
    expect(await readdir(join(root, 'trash'))).toEqual([]);
    expect(await consistencyProblems(root)).toEqual([]);
  });

  it('refuses to restore a photo whose picture was imported again since, keeping both copies', async () => {
    const { root, ids } = await libraryWithPhotos(1);
    const id = ids[0]!;
    await test!.library.update(id, { description: 'The trashed copy' });
    await test!.library.moveToTrash([id]);
    await importAndWait(test!.library, [join(work, 'photo-0.jpg')]);
    await expect(test!.library.restoreFromTrash([id])).rejects.toThrow(/“photo-0\.jpg” was imported again after it was deleted/);
    await reopen(root);
    expect((await test!.library.list({})).total).toBe(1);
    expect(test!.library.listTrash().map((t) => t.photo.metadata.description)).toEqual(['The trashed copy']);
    expect((await listFolders(root)).originals).toEqual([`${id}.jpg`]);
  });

  it('says when a photo to delete is not in the library, and moves nothing', async () => {
    const { ids } = await libraryWithPhotos(1);
    await expect(test!.library.moveToTrash([ids[0]!, 'f'.repeat(64)])).rejects.toThrow('This photo is no longer in the library.');
    expect((await test!.library.list({})).total).toBe(1);
  });
});
