import { createHash } from 'node:crypto';
import { readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consistencyProblems, importAndWait, makeImage, openTestLibrary, removeDir, tempDir, type TestLibrary } from '../../support/media-library';

// What the library finds when it opens after a crash or a damaged file: the person's pictures are
// never lost with a record, and files left out of step with their record are put right.

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

async function importOne(name: string, seed: number): Promise<string> {
  const job = await importAndWait(test.library, [await makeImage(work, name, seed)]);
  expect(job.items[0]?.state).toBe('imported');
  return job.items[0]!.photoId!;
}

/** Resolves once `condition` holds; the test's own timeout bounds the wait. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('opening the library after a crash or damage', () => {
  it('keeps the picture of a record it cannot read, in the quarantine folder with its reason', async () => {
    const id = await importOne('only-copy.jpg', 21);
    await test.library.close();
    await writeFile(join(root, 'photos', `${id}.json`), '{ "schemaVersion": 1, "id": "cut short by a disk err');

    test = await openTestLibrary(root);
    expect((await test.library.list({})).total).toBe(0);
    const kept = test.library.quarantined().find((entry) => entry.file === join('media', 'originals', `${id}.jpg`));
    expect(kept?.reason).toMatch(/record .* could not be read/);
    // The library's copy may be the only one left: the picture is still there, byte for byte.
    const bytes = await readFile(kept!.movedTo);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(id);
    expect(await readdir(join(root, 'quarantine'))).toContain(`${kept!.movedTo.split(/[\\/]/).pop()}.reason.txt`);
    expect(await consistencyProblems(root)).toEqual([]);
  });

  it('makes a thumbnail again that a power cut left empty', async () => {
    const id = await importOne('empty-thumb.jpg', 22);
    await test.library.close();
    const thumbnail = join(root, 'thumbnails', `${id}.jpg`);
    await truncate(thumbnail, 0);

    test = await openTestLibrary(root);
    await until(async () => (await stat(thumbnail)).size > 0);
    const info = await sharp(thumbnail).metadata();
    expect(info.format).toBe('jpeg');
    expect(test.errors).toEqual([]);
  });
});
