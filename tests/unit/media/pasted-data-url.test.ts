import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readImageDataUrl } from '../../../shared/rules/image-data-url';
import { EXIFTOOL_MISSING_REASON, FIXTURE_EXPECTED, exiftoolAvailable, makePhotoFixture } from '../../support/photo-fixtures';
import { importBytes, openTestLibrary, removeDir, tempDir, type TestLibrary } from '../../support/media-library';

let work = '';
let test: TestLibrary | null = null;
afterEach(async () => {
  await test?.library.close();
  test = null;
  await removeDir(work);
});

describe('pictures pasted as data: URLs', () => {
  it('reads base64 and percent-encoded pictures, and names what it cannot import', () => {
    const png = readImageDataUrl('data:image/png;base64,iVBO\nRw0K Gg o=', 3);
    expect(png).toEqual({ ok: true, name: 'pasted-image-3.png', type: 'image/png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) });
    expect(readImageDataUrl('DATA:image/JPG;charset=binary;base64,/9j/', 1)).toMatchObject({ ok: true, name: 'pasted-image-1.jpg', type: 'image/jpeg' });
    expect(readImageDataUrl('data:image/gif,GIF89a', 2)).toMatchObject({ ok: true, bytes: new TextEncoder().encode('GIF89a') });
    expect(readImageDataUrl('data:image/svg+xml;base64,PHN2Zz4=', 1)).toEqual({ ok: false, problem: 'an embedded image/svg+xml that is not a picture Newsdesk imports' });
    expect(readImageDataUrl('data:text/html,<script>', 1)).toEqual({ ok: false, problem: 'an embedded text/html that is not a picture Newsdesk imports' });
    expect(readImageDataUrl('data:image/png;base64,@@@', 1)).toEqual({ ok: false, problem: 'an embedded image whose data cannot be read' });
    expect(readImageDataUrl('data:image/png;base64,', 1)).toEqual({ ok: false, problem: 'an embedded image with no data' });
    expect(readImageDataUrl('data:image/png;base64', 1)).toEqual({ ok: false, problem: 'an embedded image whose data cannot be read' });
  });

  if (!exiftoolAvailable()) console.log(`[skip] agency data: URL import: ${EXIFTOOL_MISSING_REASON}`);
  it.skipIf(!exiftoolAvailable())('imports an agency picture from a data: URL with the metadata it carries', async () => {
    work = await tempDir();
    const file = await makePhotoFixture(work, 'iimAndXmp', { name: 'agency' });
    const url = `data:image/jpeg;base64,${(await readFile(file)).toString('base64')}`;
    const read = readImageDataUrl(url, 1);
    if (!read.ok) throw new Error(read.problem);
    test = await openTestLibrary(join(work, 'media'));
    const job = await importBytes(test.library, [{ name: read.name, bytes: read.bytes }]);
    expect(job.items[0]).toMatchObject({ state: 'imported', name: 'pasted-image-1.jpg' });
    const photo = await test.library.get(job.items[0]!.photoId!);
    expect(photo.metadata).toMatchObject(FIXTURE_EXPECTED.iimAndXmp);
    expect(new Uint8Array(await readFile(join(work, 'media', 'originals', `${photo.id}.jpg`)))).toEqual(read.bytes);
  });
});
