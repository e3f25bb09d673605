import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPhotoMetadata, type MetadataReadResult } from '../../../electron/main/services/media/metadata/read-metadata';
import { EMPTY_PHOTO_METADATA, PhotoMetadata } from '../../../shared/model/photo';
import {
  EXIFTOOL_MISSING_REASON,
  FIXTURE_EXPECTED,
  POOL_IIM_CAPTION,
  exiftoolAvailable,
  makePhotoFixture,
  writeWithExiftool,
} from '../../support/photo-fixtures';

const noExiftool = !exiftoolAvailable();
if (noExiftool) console.warn(`Damaged-metadata tests skipped: ${EXIFTOOL_MISSING_REASON}`);

const XMP_DAMAGED = 'The XMP block is damaged and was skipped.';
const XMP_SKIPPED = 'The XMP block is damaged and was skipped';
const XMP_CUT_SHORT = 'The XMP block is damaged and was skipped: it is cut short before its end, so none of its values could be read.';
const IIM_DAMAGED = 'The IPTC IIM block is damaged and was skipped.';

describe.skipIf(noExiftool)(`reading damaged metadata${noExiftool ? ` (skipped: ${EXIFTOOL_MISSING_REASON})` : ''}`, () => {
  let work: string;
  let pool: Buffer;
  let counter = 0;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'newsdesk-metadata-damaged-'));
    pool = await readFile(await makePhotoFixture(work, 'iimAndXmp'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  async function readBytes(bytes: Uint8Array, extension = 'jpg'): Promise<MetadataReadResult> {
    counter += 1;
    const file = join(work, `damaged-${counter}.${extension}`);
    await writeFile(file, bytes);
    return readPhotoMetadata(file);
  }

  function xmpRange(bytes: Buffer): { start: number; end: number } {
    const start = bytes.indexOf('<?xpacket begin');
    const end = bytes.indexOf('<?xpacket end');
    expect(start).toBeGreaterThan(0);
    return { start, end };
  }

  it('skips an XMP block with bytes overwritten and still reads the IIM block', async () => {
    const bytes = Buffer.from(pool);
    const { start } = xmpRange(bytes);
    bytes.fill(0xff, start + 700, start + 740);
    const result = await readBytes(bytes);
    expect(result.warnings).toEqual([XMP_DAMAGED]);
    expect(result.embedded.xmp).toEqual({});
    expect(result.metadata.creditLine).toBe('POOL/AFP via Getty Images');
    expect(result.sources.creditLine).toBe('iim');
    expect(result.metadata.description).toBe(POOL_IIM_CAPTION);
    expect(result.metadata.altText).toBe('');
  });

  it('skips an XMP block whose markup no longer closes', async () => {
    const bytes = Buffer.from(pool);
    const closing = bytes.indexOf('</rdf:RDF>');
    bytes.write('<<<<<<<<<<', closing, 'latin1');
    const result = await readBytes(bytes);
    expect(result.warnings).toEqual([XMP_DAMAGED]);
    expect(result.metadata.creator).toBe('Gonzalo Fuentes');
    expect(result.sources.creator).toBe('iim');
  });

  it('skips an IIM block whose dataset length runs past its end and still reads the XMP', async () => {
    const bytes = Buffer.from(pool);
    const caption = bytes.indexOf(Buffer.from([0x1c, 0x02, 0x78]));
    bytes[caption + 3] = 0x7f;
    const result = await readBytes(bytes);
    // The warning names what could not be read: the caption, where the block runs out.
    expect(result.warnings).toEqual([
      'The IPTC IIM block is damaged and was skipped: it is cut short in its caption (dataset 2:120), so none of its values could be read.',
    ]);
    expect(result.embedded.iim).toEqual({});
    expect(result.metadata).toEqual({ ...EMPTY_PHOTO_METADATA, ...FIXTURE_EXPECTED.iimAndXmp });
  });

  it('skips an IIM block with an overwritten dataset marker rather than dropping the datasets after it', async () => {
    const bytes = Buffer.from(pool);
    const headline = bytes.indexOf(Buffer.from([0x1c, 0x02, 0x69]));
    bytes[headline] = 0x41;
    const result = await readBytes(bytes);
    expect(result.warnings).toEqual([IIM_DAMAGED]);
    expect(result.metadata.creditLine).toBe('POOL/AFP via Getty Images');
  });

  it('reads what a truncated file still holds, never throwing', async () => {
    const { start, end } = xmpRange(pool);
    const iim = pool.indexOf(Buffer.from([0x1c, 0x01, 0x5a]));
    const markupEnd = pool.indexOf('</x:xmpmeta>');
    const cuts = [3, 8, 20, iim + 10, start - 5, start + 200, markupEnd, end - 1, end + 40, Math.floor(pool.length / 2), pool.length - 2];
    for (const cut of cuts) {
      const result = await readBytes(pool.subarray(0, cut));
      expect(() => PhotoMetadata.parse(result.metadata), `cut at ${cut}`).not.toThrow();
      for (const warning of result.warnings) expect(warning.length, `cut at ${cut}`).toBeLessThanOrEqual(500);
      if (cut > start && cut <= markupEnd) {
        // A packet cut before its closing tags is named as cut short.
        const expected = cut < markupEnd - 30 ? XMP_CUT_SHORT : XMP_SKIPPED;
        expect(result.warnings.some((warning) => warning.startsWith(expected)), `cut at ${cut}: ${result.warnings.join(' | ')}`).toBe(true);
        expect(result.metadata.creditLine, `cut at ${cut}`).toBe('POOL/AFP via Getty Images');
      }
    }
    // Cut in the picture data, after all the metadata: everything is there.
    const half = await readBytes(pool.subarray(0, Math.floor(pool.length / 2)));
    expect(half.metadata).toEqual({ ...EMPTY_PHOTO_METADATA, ...FIXTURE_EXPECTED.iimAndXmp });
    expect(half.warnings).toEqual([]);
  });

  it('skips a GIF XMP packet that never ends', async () => {
    const gif = await readFile(await makePhotoFixture(work, 'xmpOnly', { format: 'gif', name: 'gif-cut' }));
    const end = gif.indexOf('<?xpacket end');
    const bytes = Buffer.concat([gif.subarray(0, end - 300), Buffer.from([0x00, 0x3b])]);
    const result = await readBytes(bytes, 'gif');
    expect(result.warnings).toEqual([XMP_DAMAGED]);
    expect(result.metadata).toEqual(EMPTY_PHOTO_METADATA);
  });

  it('reports damaged EXIF in a WebP without losing its XMP', async () => {
    const file = await makePhotoFixture(work, 'xmpOnly', { format: 'webp', name: 'webp-exif' });
    await writeWithExiftool(file, ['-EXIF:Artist=Someone']);
    const bytes = await readFile(file);
    const exifChunk = bytes.indexOf('EXIF');
    expect(exifChunk).toBeGreaterThan(0);
    bytes.fill(0xee, exifChunk + 8, exifChunk + 24); // the TIFF header and first directory offset
    const result = await readBytes(bytes, 'webp');
    expect(result.metadata.creditLine).toBe('REUTERS');
    expect(result.embedded.exif).toEqual({});
    expect(result.warnings.length).toBeGreaterThan(0);
  });

  it('survives 300 random byte mutations of the metadata with valid results', async () => {
    // A fixed-seed generator: a failure is reproducible.
    let seed = 20260314;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const { end } = xmpRange(pool);
    for (let round = 0; round < 300; round += 1) {
      const bytes = Buffer.from(pool);
      for (let hit = 0; hit < 6; hit += 1) bytes[Math.floor(random() * (end + 100))] = Math.floor(random() * 256);
      const result = await readBytes(bytes);
      expect(() => PhotoMetadata.parse(result.metadata), `round ${round}`).not.toThrow();
      expect(result.warnings.length, `round ${round}`).toBeLessThanOrEqual(20);
    }
  });
});
