import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhotoFormat } from '../../../shared/model/photo';
import { EXIFTOOL_MISSING_REASON, FIXTURE_EXPECTED, exiftoolAvailable, makePhotoFixture } from '../../support/photo-fixtures';
import { expectDeskToRead, expectExiftoolToSee, exiftoolValidation, exiftoolXmp, pixelsOf, writeCopy } from './xmp-write-helpers';

const noExiftool = !exiftoolAvailable();
if (noExiftool) console.warn(`XMP write-back tests for WebP, GIF, TIFF and AVIF skipped: ${EXIFTOOL_MISSING_REASON}`);

/** A half-transparent picture in `format`, made by sharp (no metadata). */
async function makeWithSharp(dir: string, name: string, format: 'webp' | 'gif' | 'tiff', options: { lossless?: boolean; alpha?: boolean } = {}): Promise<string> {
  const path = join(dir, name);
  const image = sharp({ create: { width: 97, height: 61, channels: 4, background: { r: 200, g: 60, b: 20, alpha: 0.5 } } });
  const withAlpha = options.alpha === false ? image.removeAlpha() : image;
  if (format === 'webp') await withAlpha.webp({ lossless: options.lossless === true }).toFile(path);
  else if (format === 'gif') await withAlpha.gif().toFile(path);
  else await withAlpha.tiff({ compression: 'lzw' }).toFile(path);
  return path;
}

/**
 * A minimal big-endian ("MM") TIFF: 3×2 RGB pixels, uncompressed. libvips only writes
 * little-endian files, and the writer must handle both byte orders.
 */
function bigEndianTiff(): Buffer {
  const pixels = Buffer.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0, 0, 255, 255, 255, 0, 255]);
  const entries: [tag: number, type: number, count: number, value: number][] = [
    [256, 3, 1, 3], // ImageWidth
    [257, 3, 1, 2], // ImageLength
    [258, 3, 3, 0], // BitsPerSample → offset filled below
    [259, 3, 1, 1], // Compression: none
    [262, 3, 1, 2], // PhotometricInterpretation: RGB
    [273, 4, 1, 0], // StripOffsets → filled below
    [277, 3, 1, 3], // SamplesPerPixel
    [278, 3, 1, 2], // RowsPerStrip
    [279, 4, 1, pixels.length], // StripByteCounts
  ];
  const directorySize = 2 + entries.length * 12 + 4;
  const bitsOffset = 8 + directorySize;
  const pixelOffset = bitsOffset + 6;
  const file = Buffer.alloc(pixelOffset + pixels.length);
  file.write('MM', 0, 'latin1');
  file.writeUInt16BE(42, 2);
  file.writeUInt32BE(8, 4);
  file.writeUInt16BE(entries.length, 8);
  entries.forEach(([tag, type, count, value], index) => {
    const at = 10 + index * 12;
    file.writeUInt16BE(tag, at);
    file.writeUInt16BE(type, at + 2);
    file.writeUInt32BE(count, at + 4);
    const resolved = tag === 258 ? bitsOffset : tag === 273 ? pixelOffset : value;
    if (type === 3 && count === 1) file.writeUInt16BE(resolved, at + 8);
    else file.writeUInt32BE(resolved, at + 8);
  });
  [8, 8, 8].forEach((bits, index) => file.writeUInt16BE(bits, bitsOffset + index * 2));
  pixels.copy(file, pixelOffset);
  return file;
}

describe.skipIf(noExiftool)(`writing XMP into WebP, GIF, TIFF and AVIF copies${noExiftool ? ` (skipped: ${EXIFTOOL_MISSING_REASON})` : ''}`, () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'newsdesk-xmp-formats-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  /** The checks every lossless format gets: same pixels, exiftool and the desk both read the XMP, no new faults. */
  async function expectLosslessCopy(source: string, format: PhotoFormat): Promise<string> {
    const before = await exiftoolValidation(source);
    const { path, bytes, original } = await writeCopy(source, format);
    expect((await pixelsOf(bytes)).equals(await pixelsOf(original))).toBe(true);
    expectExiftoolToSee(await exiftoolXmp(path));
    expect(await exiftoolValidation(path)).toEqual(before);
    await expectDeskToRead(path);
    return path;
  }

  const webps: [string, { lossless: boolean; alpha: boolean }][] = [
    ['a lossy WebP', { lossless: false, alpha: false }],
    ['a lossy WebP with alpha', { lossless: false, alpha: true }],
    ['a lossless WebP with alpha', { lossless: true, alpha: true }],
    ['a lossless WebP without alpha', { lossless: true, alpha: false }],
  ];
  it.each(webps)('adds XMP to %s without re-encoding it', async (label, options) => {
    const source = await makeWithSharp(work, `${label.replace(/ /g, '-')}.webp`, 'webp', options);
    const copy = await expectLosslessCopy(source, 'webp');
    const { hasAlpha } = await sharp(copy).metadata();
    expect(hasAlpha).toBe(options.alpha);
  });

  it('replaces the XMP of a WebP and keeps its EXIF', async () => {
    const source = await makePhotoFixture(work, 'exifOnly', { format: 'webp', name: 'webp-camera' });
    const twice = await writeCopy(await expectLosslessCopy(source, 'webp'), 'webp');
    expect(Buffer.from(twice.bytes).toString('latin1').split('XMP ').length - 1).toBe(1);
    expect((await expectDeskToRead(twice.path)).embedded.exif).toEqual(FIXTURE_EXPECTED.exifOnly);
  });

  it('adds XMP to a GIF, and replaces it when written again', async () => {
    const copy = await expectLosslessCopy(await makeWithSharp(work, 'plain.gif', 'gif'), 'gif');
    const again = await writeCopy(copy, 'gif');
    expect(Buffer.from(again.bytes).toString('latin1').split('XMP DataXMP').length - 1).toBe(1);
    await expectDeskToRead(again.path);
    await expectLosslessCopy(await makePhotoFixture(work, 'xmpOnly', { format: 'gif', name: 'agency-gif' }), 'gif');
  });

  it('adds XMP to a TIFF and keeps its IIM and EXIF', async () => {
    await expectLosslessCopy(await makeWithSharp(work, 'scan.tif', 'tiff'), 'tiff');
    const agency = await expectLosslessCopy(await makePhotoFixture(work, 'iimAndXmp', { format: 'tiff', name: 'agency-tiff' }), 'tiff');
    expect((await expectDeskToRead(agency)).embedded.iim.creditLine).toBe(FIXTURE_EXPECTED.iimAndXmp.creditLine);
    const camera = await expectLosslessCopy(await makePhotoFixture(work, 'exifOnly', { format: 'tiff', name: 'camera-tiff' }), 'tiff');
    expect((await expectDeskToRead(camera)).embedded.exif).toEqual(FIXTURE_EXPECTED.exifOnly);
  });

  it('writes XMP into a big-endian TIFF', async () => {
    const source = join(work, 'big-endian.tif');
    await writeFile(source, bigEndianTiff());
    await expectLosslessCopy(source, 'tiff');
  });

  it('re-encodes an AVIF with the XMP, keeping its size and EXIF', async () => {
    const source = await makePhotoFixture(work, 'exifOnly', { format: 'avif', name: 'camera-avif' });
    const { path } = await writeCopy(source, 'avif');
    expectExiftoolToSee(await exiftoolXmp(path));
    const read = await expectDeskToRead(path);
    expect(read.embedded.exif).toMatchObject({ creator: FIXTURE_EXPECTED.exifOnly.creator, copyright: FIXTURE_EXPECTED.exifOnly.copyright });
    const [before, after] = await Promise.all([sharp(source).metadata(), sharp(path).metadata()]);
    expect([after.width, after.height]).toEqual([before.width, before.height]);
  });
});
