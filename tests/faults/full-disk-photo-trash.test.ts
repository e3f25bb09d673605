import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mountSmallDisk, smallDiskUnavailable, type SmallDisk } from '../support/small-disk';
import { consistencyProblems, importAndWait, makeImage, openTestLibrary, type TestLibrary } from '../support/media-library';

/**
 * The photo trash on a full disk: a delete the disk refuses says so and leaves the photo in the
 * library (no half entry); restoring and emptying need no space and work on a full disk; after
 * reopening, the library holds exactly what was acknowledged.
 */

const skipReason = smallDiskUnavailable();
if (skipReason) console.warn(`Skipped the full-disk photo trash test: ${skipReason}`);

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.skipIf(skipReason !== null)('the photo trash on a full disk', () => {
  it('refuses a delete with a readable message and moves nothing; restores and empties without space', async () => {
    const disk: SmallDisk = mountSmallDisk();
    cleanups.push(() => disk.unmount());
    const root = join(disk.dir, 'media');
    let test: TestLibrary = await openTestLibrary(root);
    cleanups.push(() => test.library.close());
    const pictures = await Promise.all([1, 2].map((seed) => makeImage(disk.dir, `p${seed}.jpg`, seed)));
    const [first, second] = (await importAndWait(test.library, pictures)).items.map((item) => item.photoId!) as [string, string];

    disk.fill();
    await expect(test.library.moveToTrash([first])).rejects.toThrow('The photo could not be moved to the trash. The disk is full: free some space and try again.');
    expect((await test.library.list({})).total).toBe(2);
    expect(test.library.listTrash()).toEqual([]);
    expect(await readdir(join(root, 'trash')).catch(() => [])).toEqual([]);

    disk.free();
    expect(await test.library.moveToTrash([first, second])).toEqual([first, second]);
    disk.fill();
    expect((await test.library.restoreFromTrash([second])).map((photo) => photo.id)).toEqual([second]);
    expect(await test.library.emptyTrash()).toBe(1);

    await test.library.close();
    disk.free();
    test = await openTestLibrary(root);
    expect((await test.library.list({})).items.map((photo) => photo.id)).toEqual([second]);
    expect(test.library.listTrash()).toEqual([]);
    expect(await consistencyProblems(root)).toEqual([]);
  });
});
