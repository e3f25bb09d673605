import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importAndWait, makeImage, openTestLibrary, removeDir, tempDir, type TestLibrary } from '../../support/media-library';

// Background work of the library (thumbnails made again at open) fails without taking anything
// down: its errors are reported, never left as an unhandled rejection, and closing still works.

const thumbnails = vi.hoisted(() => ({ failWith: null as null | ((destination: string) => Promise<never>) }));

vi.mock('../../../electron/main/services/media/thumbnail', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../electron/main/services/media/thumbnail')>();
  return {
    ...actual,
    makeThumbnail: (source: string, destination: string) =>
      thumbnails.failWith ? thumbnails.failWith(destination) : actual.makeThumbnail(source, destination),
  };
});

let work: string;
let root: string;
let test: TestLibrary;

beforeEach(async () => {
  work = await tempDir();
  root = join(work, 'media');
  test = await openTestLibrary(root);
});
afterEach(async () => {
  thumbnails.failWith = null;
  await test.library.close().catch(() => undefined);
  await removeDir(work);
});

describe('background thumbnails', () => {
  it('reports a thumbnail that cannot be made again, even when its temp file cannot be removed', async () => {
    const job = await importAndWait(test.library, [await makeImage(work, 'thumb.jpg', 31)]);
    const id = job.items[0]!.photoId!;
    await test.library.close();
    await rm(join(root, 'thumbnails', `${id}.jpg`));

    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      // The decoder fails after leaving something at the temp path that rm cannot take away (a
      // folder here; a file held open by a virus scanner on Windows does the same).
      thumbnails.failWith = async (destination) => {
        await mkdir(join(destination, 'held'), { recursive: true });
        throw new Error('The picture could not be decoded.');
      };
      test = await openTestLibrary(root);
      await expect(test.library.close()).resolves.toBeUndefined();
      // Let a rejection nobody handled reach the process, as it would in the app.
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(unhandled).toEqual([]);
      expect(test.errors.map((error) => (error as Error).message)).toContain('The picture could not be decoded.');
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
