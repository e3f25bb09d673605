import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JPEG_XMP_BYTES } from '../../../electron/main/services/media/metadata/jpeg-xmp';
import { buildXmpPacket, embedXmp } from '../../../electron/main/services/media/metadata/write-xmp';
import { UserFacingError } from '../../../shared/model/errors';
import { EMPTY_PHOTO_METADATA, type PhotoMetadata } from '../../../shared/model/photo';
import { EXIFTOOL_MISSING_REASON, FIXTURE_EXPECTED, POOL_IIM_CAPTION, exiftoolAvailable, makePhotoFixture } from '../../support/photo-fixtures';
import {
  DESK_METADATA,
  expectDeskToRead,
  expectExiftoolToSee,
  exiftoolValidation,
  exiftoolXmp,
  pixelsOf,
  writeCopy,
} from './xmp-write-helpers';

const noExiftool = !exiftoolAvailable();
if (noExiftool) console.warn(`XMP write-back tests skipped: ${EXIFTOOL_MISSING_REASON}`);

const XMP_NAMESPACE = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');

/** Where a JPEG's compressed picture starts (its SOS marker). */
function scanStart(bytes: Uint8Array): number {
  const buffer = Buffer.from(bytes);
  return buffer.indexOf(Buffer.from([0xff, 0xda]));
}

function occurrences(bytes: Uint8Array, needle: Buffer): number {
  const buffer = Buffer.from(bytes);
  let count = 0;
  for (let at = buffer.indexOf(needle); at !== -1; at = buffer.indexOf(needle, at + 1)) count += 1;
  return count;
}

describe('the XMP packet', () => {
  it('leaves out empty fields and escapes text', () => {
    const packet = buildXmpPacket({ ...EMPTY_PHOTO_METADATA, creditLine: 'A & B <C> "D"', keywords: [] });
    expect(packet).toContain('<photoshop:Credit>A &amp; B &lt;C&gt; &quot;D&quot;</photoshop:Credit>');
    expect(packet).not.toContain('dc:subject');
    expect(packet).not.toContain('dc:description');
    expect(packet.startsWith('<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>')).toBe(true);
    expect(packet.endsWith('<?xpacket end="w"?>')).toBe(true);
  });

  it('uses the XMP list types: creators in order, keywords as a bag, texts as language alternatives', () => {
    const packet = buildXmpPacket(DESK_METADATA);
    expect(packet).toMatch(/<dc:creator>\s*<rdf:Seq>\s*<rdf:li>Zoë Ångström<\/rdf:li>\s*<rdf:li>Graham Hughes<\/rdf:li>/);
    expect(packet).toMatch(/<dc:subject>\s*<rdf:Bag>/);
    expect(packet).toMatch(/<dc:rights>\s*<rdf:Alt>\s*<rdf:li xml:lang="x-default">© 2026 The Canadian Press<\/rdf:li>/);
    expect(packet).toMatch(/<Iptc4xmpCore:AltTextAccessibility>\s*<rdf:Alt>/);
  });

  it('drops characters XML cannot carry', () => {
    const packet = buildXmpPacket({ ...EMPTY_PHOTO_METADATA, headline: 'Bell\u0007 and\u0000 null' });
    expect(packet).toContain('<photoshop:Headline>Bell and null</photoshop:Headline>');
  });
});

describe.skipIf(noExiftool)(`writing XMP into JPEG and PNG copies${noExiftool ? ` (skipped: ${EXIFTOOL_MISSING_REASON})` : ''}`, () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'newsdesk-xmp-write-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('replaces a JPEG\'s XMP, keeps its IIM and leaves the compressed picture byte for byte', async () => {
    const source = await makePhotoFixture(work, 'iimAndXmp');
    const { path, bytes, original } = await writeCopy(source, 'jpeg');
    expect(Buffer.from(bytes.subarray(scanStart(bytes))).equals(original.subarray(scanStart(original)))).toBe(true);
    expect((await pixelsOf(bytes)).equals(await pixelsOf(original))).toBe(true);
    expect(occurrences(bytes, XMP_NAMESPACE)).toBe(1);

    expectExiftoolToSee(await exiftoolXmp(path));
    expect(await exiftoolValidation(path)).toBe('OK');
    const read = await expectDeskToRead(path);
    expect(read.embedded.iim.description).toBe(POOL_IIM_CAPTION);
    expect(read.embedded.iim.creditLine).toBe(FIXTURE_EXPECTED.iimAndXmp.creditLine);
    expect(read.metadata.creditLine).toBe(DESK_METADATA.creditLine);
  });

  it('adds XMP to a JPEG that has none', async () => {
    const source = await makePhotoFixture(work, 'none', { name: 'bare' });
    const { path, bytes, original } = await writeCopy(source, 'jpeg');
    expect(Buffer.from(bytes).indexOf(XMP_NAMESPACE)).toBeLessThan(scanStart(bytes));
    expect((await pixelsOf(bytes)).equals(await pixelsOf(original))).toBe(true);
    expectExiftoolToSee(await exiftoolXmp(path));
    expect(await exiftoolValidation(path)).toBe('OK');
    await expectDeskToRead(path);
  });

  it('keeps a JPEG\'s EXIF first, and writes XMP only once when written again', async () => {
    const source = await makePhotoFixture(work, 'exifOnly', { name: 'camera' });
    const first = await writeCopy(source, 'jpeg');
    expect(Buffer.from(first.bytes).indexOf('Exif\0')).toBeLessThan(Buffer.from(first.bytes).indexOf(XMP_NAMESPACE));
    const second = await writeCopy(first.path, 'jpeg', { ...DESK_METADATA, creditLine: 'Second credit' });
    expect(occurrences(second.bytes, XMP_NAMESPACE)).toBe(1);
    const read = await expectDeskToRead(second.path, { ...DESK_METADATA, creditLine: 'Second credit' });
    expect(read.embedded.exif).toEqual(FIXTURE_EXPECTED.exifOnly);
    // exiftool finds the same (minor) faults in the camera file before and after: none are added.
    expect(await exiftoolValidation(second.path)).toEqual(await exiftoolValidation(source));
  });

  it('replaces a PNG\'s XMP before its image data, leaving the pixels as they were', async () => {
    const source = await makePhotoFixture(work, 'xmpOnly', { format: 'png', name: 'graphic' });
    const { path, bytes, original } = await writeCopy(source, 'png');
    const buffer = Buffer.from(bytes);
    expect(occurrences(bytes, Buffer.from('XML:com.adobe.xmp\0', 'latin1'))).toBe(1);
    expect(buffer.indexOf('iTXt')).toBeLessThan(buffer.indexOf('IDAT'));
    expect((await pixelsOf(bytes)).equals(await pixelsOf(original))).toBe(true);
    expectExiftoolToSee(await exiftoolXmp(path));
    expect(await exiftoolValidation(path)).toBe('OK');
    await expectDeskToRead(path);
  });

  it('keeps a PNG\'s EXIF when adding XMP', async () => {
    const source = await makePhotoFixture(work, 'exifOnly', { format: 'png', name: 'png-camera' });
    const { path } = await writeCopy(source, 'png');
    const read = await expectDeskToRead(path);
    expect(read.embedded.exif).toEqual(FIXTURE_EXPECTED.exifOnly);
  });
});

describe.skipIf(noExiftool)(`XMP that does not fit, and damaged files${noExiftool ? ` (skipped: ${EXIFTOOL_MISSING_REASON})` : ''}`, () => {
  let work: string;
  let jpeg: Buffer;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'newsdesk-xmp-limits-'));
    jpeg = await readFile(await makePhotoFixture(work, 'none', { width: 64, height: 48 }));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('keeps only the keywords that fit a JPEG\'s XMP segment, never cutting the texts', async () => {
    const keywords = Array.from({ length: 200 }, (_, index) => `keyword ${String(index).padStart(3, '0')} ${'k'.repeat(180)}`);
    const description = '€'.repeat(10_000);
    const metadata: PhotoMetadata = { ...EMPTY_PHOTO_METADATA, description, creditLine: 'Credit', keywords };
    expect(Buffer.byteLength(buildXmpPacket(metadata))).toBeGreaterThan(MAX_JPEG_XMP_BYTES);
    const bytes = await embedXmp(jpeg, 'jpeg', metadata);
    const path = join(work, 'many-keywords.jpg');
    await writeFile(path, bytes);
    const xmp = await exiftoolXmp(path);
    expect(xmp.Description).toBe(description);
    const written = [xmp.Subject].flat() as string[];
    expect(written.length).toBeGreaterThan(100);
    expect(written.length).toBeLessThan(200);
    expect(written).toEqual(keywords.slice(0, written.length));
    expect(await exiftoolValidation(path)).toBe('OK');
  });

  it('refuses, with a clear message, texts too long for a JPEG\'s XMP segment', async () => {
    const long = '€'.repeat(10_000);
    const metadata: PhotoMetadata = { ...EMPTY_PHOTO_METADATA, description: long, headline: long, title: long, usageTerms: long };
    const attempt = embedXmp(jpeg, 'jpeg', metadata);
    await expect(attempt).rejects.toBeInstanceOf(UserFacingError);
    await expect(attempt).rejects.toThrow(/too long to fit in a JPEG's XMP block/);
  });

  it('refuses damaged files with a message instead of writing a broken copy', async () => {
    const truncated = jpeg.subarray(0, scanStart(jpeg) - 10);
    await expect(embedXmp(truncated, 'jpeg', DESK_METADATA)).rejects.toThrow(/The JPEG file is damaged/);
    await expect(embedXmp(Buffer.from('not a picture'), 'jpeg', DESK_METADATA)).rejects.toThrow(/does not start like a JPEG/);
    await expect(embedXmp(jpeg, 'png', DESK_METADATA)).rejects.toThrow(/The PNG file is damaged/);
    await expect(embedXmp(jpeg, 'webp', DESK_METADATA)).rejects.toThrow(/The WebP file is damaged/);
    await expect(embedXmp(jpeg, 'gif', DESK_METADATA)).rejects.toThrow(/The GIF file is damaged/);
    await expect(embedXmp(jpeg, 'tiff', DESK_METADATA)).rejects.toThrow(/The TIFF file is damaged/);
    await expect(embedXmp(jpeg, 'avif', DESK_METADATA)).rejects.toBeInstanceOf(UserFacingError);
  });
});
