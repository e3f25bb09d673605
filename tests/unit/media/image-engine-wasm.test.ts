import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageEngine, loadImageEngine, useImageEngineLoader } from '../../../electron/main/services/media/image-engine';
import { FIXTURE_EXPECTED, EXIFTOOL_MISSING_REASON, exiftoolAvailable, makePhotoFixture } from '../../support/photo-fixtures';
import { importAndWait, makeImage, openTestLibrary, removeDir, tempDir } from '../../support/media-library';
import { DESK_METADATA, expectDeskToRead, expectExiftoolToSee, exiftoolXmp, writeCopy } from './xmp-write-helpers';

// The route Linux users get inside Electron: sharp's WebAssembly build in worker-thread lanes.
// Plain Node here, but the same lanes, the same WebAssembly libvips and the same messages.

const noExiftool = !exiftoolAvailable();
if (noExiftool) console.warn(`WebAssembly XMP round trips skipped: ${EXIFTOOL_MISSING_REASON}`);

let work: string;
let restore: () => Promise<void>;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'newsdesk-wasm-engine-'));
  restore = useImageEngineLoader(() => loadImageEngine('wasm-lanes', 2, 1));
});
afterAll(async () => {
  await restore();
  await rm(work, { recursive: true, force: true });
});

describe('the WebAssembly lanes', () => {
  it('are what the engine runs (a lane refuses to start on anything but the WebAssembly build)', async () => {
    const engine = await imageEngine();
    expect(engine.route).toBe('wasm-lanes');
  });

  it('make an upright 480 px thumbnail of a sideways camera JPEG', async () => {
    // Stored 640×400 with EXIF orientation 6 ("rotate 90° clockwise"): shown 400×640.
    const source = join(work, 'sideways.jpg');
    await sharp({ create: { width: 640, height: 400, channels: 3, background: '#3366aa' } }).jpeg().withMetadata({ orientation: 6 }).toFile(source);
    const destination = join(work, 'sideways-thumb.jpg');
    const size = await (await imageEngine()).thumbnail(source, destination);
    expect(size).toEqual({ width: 300, height: 480 });
    expect(await sharp(destination).metadata()).toMatchObject({ format: 'jpeg', width: 300, height: 480 });
  });

  it('imports every accepted format with its thumbnail, and names what is not a photo', async () => {
    const dir = await tempDir('newsdesk-wasm-import-');
    const test = await openTestLibrary(join(dir, 'media'));
    try {
      const formats = ['jpeg', 'png', 'webp', 'gif', 'avif', 'tiff'] as const;
      const files = await Promise.all(formats.map((format, index) => makeImage(dir, `photo-${index}.${format}`, index + 1, format, { width: 720, height: 480 })));
      const svg = join(dir, 'drawing.jpg');
      await writeFile(svg, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
      const truncated = join(dir, 'cut.jpg');
      await writeFile(truncated, (await readFile(files[0]!)).subarray(0, 4000));
      const job = await importAndWait(test.library, [...files, svg, truncated]);
      expect(job.items.slice(0, formats.length).map((item) => item.state)).toEqual(formats.map(() => 'imported'));
      for (const item of job.items.slice(0, formats.length)) {
        const thumbnail = await sharp((await test.library.filePath(item.photoId!, 'thumbnail'))!).metadata();
        expect(thumbnail).toMatchObject({ format: 'jpeg', width: 480, height: 320 });
      }
      expect(job.items[formats.length]).toMatchObject({ state: 'failed', message: expect.stringContaining('an SVG drawing') });
      expect(job.items[formats.length + 1]).toMatchObject({ state: 'failed', message: expect.stringContaining('is incomplete') });
      expect(test.errors).toEqual([]);
    } finally {
      await test.library.close();
      await removeDir(dir);
    }
  }, 120_000);
});

describe.skipIf(noExiftool)(`metadata through the WebAssembly lanes${noExiftool ? ` (skipped: ${EXIFTOOL_MISSING_REASON})` : ''}`, () => {
  it('reads a WebP\'s EXIF block (WebP metadata is read through libvips)', async () => {
    const source = await makePhotoFixture(work, 'exifOnly', { format: 'webp', name: 'camera-webp' });
    const read = await (await import('../../../electron/main/services/media/metadata/read-metadata')).readPhotoMetadata(source);
    expect(read.embedded.exif).toEqual(FIXTURE_EXPECTED.exifOnly);
  });

  it('writes XMP back into an AVIF (re-encoded in the lane) that exiftool and the desk read back', async () => {
    // Small: the AV1 encoder is the slowest part of the WebAssembly build.
    const source = await makePhotoFixture(work, 'exifOnly', { format: 'avif', name: 'camera-avif', width: 96, height: 64 });
    const { path } = await writeCopy(source, 'avif');
    expectExiftoolToSee(await exiftoolXmp(path));
    const read = await expectDeskToRead(path);
    expect(read.embedded.exif).toMatchObject({ creator: FIXTURE_EXPECTED.exifOnly.creator, copyright: FIXTURE_EXPECTED.exifOnly.copyright });
    const [before, after] = await Promise.all([sharp(source).metadata(), sharp(path).metadata()]);
    expect([after.width, after.height]).toEqual([before.width, before.height]);
  }, 120_000);

  it('writes XMP back into a JPEG copy exiftool reads', async () => {
    const source = await makePhotoFixture(work, 'iimAndXmp', { name: 'agency' });
    const { path } = await writeCopy(source, 'jpeg');
    expectExiftoolToSee(await exiftoolXmp(path));
    expect((await expectDeskToRead(path)).metadata.creditLine).toBe(DESK_METADATA.creditLine);
  });
});
