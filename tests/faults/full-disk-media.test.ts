import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBaseJpeg } from '../support/photo-fixtures';
import { mountSmallDisk, smallDiskUnavailable, type SmallDisk } from '../support/small-disk';
import { importAndWait, openTestLibrary } from '../support/media-library';

/**
 * A picture whose copy fits on the disk but whose thumbnail does not: the import must say the disk
 * is full, not that the picture is damaged (the desk would throw away a good photo), and leave no
 * half photo behind.
 */

const skipReason = smallDiskUnavailable();
if (skipReason) console.warn(`Skipped the full-disk import test: ${skipReason}`);

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const PAGE = 4096;

describe.skipIf(skipReason !== null)('an import on a full disk', () => {
  it('says the disk is full when the thumbnail cannot be written, and keeps nothing of the photo', async () => {
    const disk: SmallDisk = mountSmallDisk();
    cleanups.push(() => disk.unmount());
    const source = await mkdtemp(join(tmpdir(), 'newsdesk-full-disk-source-'));
    cleanups.push(() => rm(source, { recursive: true, force: true }));
    const picture = join(source, 'harbour.jpg');
    await makeBaseJpeg(picture, { width: 1600, height: 1200, seed: 3 });
    const bytes = (await stat(picture)).size;

    const { library } = await openTestLibrary(join(disk.dir, 'media'));
    cleanups.push(() => library.close());
    disk.fill();
    // Room for the copy of the file (whole pages) and not a page more: the thumbnail write is refused.
    disk.free(Math.ceil(bytes / PAGE) * PAGE);

    const job = await importAndWait(library, [picture]);
    expect(job.items).toEqual([
      expect.objectContaining({
        state: 'failed',
        message: '“harbour.jpg” could not be stored in the library. The disk is full: free some space and try again.',
      }),
    ]);
    expect((await library.list({})).total).toBe(0);

    // With space, the same picture imports: it was never damaged.
    disk.free();
    expect((await importAndWait(library, [picture])).items).toEqual([expect.objectContaining({ state: 'imported' })]);
  });
});
