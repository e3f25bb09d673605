import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPhotoMetadata } from '../../../electron/main/services/media/metadata/read-metadata';
import { EXIFTOOL_MISSING_REASON, exiftoolAvailable, makeBaseJpeg, writeWithExiftool } from '../../support/photo-fixtures';

/**
 * exifr reads a file in pieces (512 bytes, then 64 KB at a time) and loses an IPTC block that starts
 * near the end of a piece. Where the block lands depends on the size of the EXIF block before it,
 * so these files move it across the first boundary with a growing EXIF description.
 */
const available = exiftoolAvailable();
if (!available) console.log(`Skipping chunk-boundary metadata tests: ${EXIFTOOL_MISSING_REASON}`);

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsdesk-boundary-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!available)('metadata blocks near a read boundary', () => {
  it('finds the IPTC credit line whatever the size of the EXIF block before it', async () => {
    const missing: number[] = [];
    for (let length = 380; length <= 410; length += 2) {
      const file = join(dir, `boundary-${length}.jpg`);
      await makeBaseJpeg(file, { width: 64, height: 48, seed: length });
      await writeWithExiftool(file, [
        `-EXIF:ImageDescription=${'x'.repeat(length)}`,
        '-IPTC:CodedCharacterSet=UTF8',
        '-IPTC:By-line=Ana Ruiz',
        '-IPTC:Credit=Reuters',
        `-XMP-photoshop:Source=Wire ${length}`,
      ]);
      const read = await readPhotoMetadata(file);
      if (read.embedded.iim.creditLine !== 'Reuters' || read.embedded.xmp.source !== `Wire ${length}`) missing.push(length);
    }
    expect(missing).toEqual([]);
  });

  it('finds metadata that follows a large EXIF thumbnail, past the first 64 KB', async () => {
    const thumb = join(dir, 'thumb.jpg');
    await makeBaseJpeg(thumb, { width: 160, height: 120, seed: 7 });
    const missing: number[] = [];
    for (const size of [60_000, 62_000, 63_000]) {
      const file = join(dir, `large-exif-${size}.jpg`);
      await makeBaseJpeg(file, { width: 64, height: 48, seed: size });
      await writeWithExiftool(file, [
        `-EXIF:ImageDescription=${'y'.repeat(size)}`,
        '-IPTC:Credit=AFP',
        '-XMP-dc:Creator=Lee Chan',
      ]);
      const read = await readPhotoMetadata(file);
      if (read.embedded.iim.creditLine !== 'AFP' || read.embedded.xmp.creator !== 'Lee Chan') missing.push(size);
    }
    expect(missing).toEqual([]);
  });
});
