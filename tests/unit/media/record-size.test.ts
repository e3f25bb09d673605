import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importAndWait, makeImage, openTestLibrary, removeDir, tempDir, type TestLibrary } from '../../support/media-library';

let work = '';
let test: TestLibrary | null = null;
afterEach(async () => {
  await test?.library.close();
  await removeDir(work);
});

describe('photo records: size', () => {
  it('sets aside a record far larger than any the app writes, without parsing it, and names it with its size', async () => {
    work = await tempDir();
    const root = join(work, 'media');
    test = await openTestLibrary(root);
    const job = await importAndWait(test.library, [await makeImage(work, 'harbour.jpg', 5)]);
    const id = job.items[0]!.photoId!;
    await test.library.close();
    const file = join(root, 'photos', `${id}.json`);
    const record = await readFile(file, 'utf8');
    await writeFile(file, `{"padding":${JSON.stringify('x'.repeat(9 * 1024 * 1024))},${record.slice(1)}`);

    test = await openTestLibrary(root);
    expect((await test.library.list({})).total).toBe(0);
    const [aside] = test.library.quarantined();
    expect(aside?.file).toContain(`${id}.json`);
    expect(aside?.reason).toMatch(/^The photo record is 9 MB, over the 8 MB a photo record may hold \(Preferences › Limits › “Largest photo details”\)/);
  });
});
