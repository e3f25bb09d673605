import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPhotoMetadata } from '../../../electron/main/services/media/metadata/read-metadata';
import { EMPTY_PHOTO_METADATA, PHOTO_FIELDS } from '../../../shared/model/photo';
import {
  EXIFTOOL_MISSING_REASON,
  FIXTURE_EXPECTED,
  FIXTURE_EXPECTED_SOURCES,
  FIXTURE_KINDS,
  POOL_IIM_CAPTION,
  exiftoolAvailable,
  makePhotoFixture,
  makePhotoFixtures,
  writeWithExiftool,
  type FixtureKind,
} from '../../support/photo-fixtures';

const noExiftool = !exiftoolAvailable();
if (noExiftool) console.warn(`Photo metadata reading tests skipped: ${EXIFTOOL_MISSING_REASON}`);

describe.skipIf(noExiftool)(`reading photo metadata${noExiftool ? ` (skipped: ${EXIFTOOL_MISSING_REASON})` : ''}`, () => {
  let work: string;
  let fixtures: Record<FixtureKind, string>;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'newsdesk-metadata-read-'));
    fixtures = await makePhotoFixtures(work);
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  describe.each(FIXTURE_KINDS)('a %s picture', (kind) => {
    it('gives the expected working values, with every other field empty', async () => {
      const result = await readPhotoMetadata(fixtures[kind]);
      expect(result.metadata).toEqual({ ...EMPTY_PHOTO_METADATA, ...FIXTURE_EXPECTED[kind] });
      expect(result.warnings).toEqual([]);
      // Absent fields are left out of a block, never reported as "" or [].
      const reported = [result.embedded.xmp, result.embedded.iim, result.embedded.exif].flatMap((block) => Object.values(block));
      expect(reported.filter((value) => (Array.isArray(value) ? value.length === 0 : value === ''))).toEqual([]);
    });

    it('says which block each value came from, and "none" for the rest', async () => {
      const { sources } = await readPhotoMetadata(fixtures[kind]);
      const expected = Object.fromEntries(PHOTO_FIELDS.map((field) => [field, FIXTURE_EXPECTED_SOURCES[kind][field] ?? 'none']));
      expect(sources).toEqual(expected);
    });
  });

  it('keeps the blocks apart, and XMP wins over IIM where both have a field', async () => {
    const { embedded, metadata, sources } = await readPhotoMetadata(fixtures.iimAndXmp);
    expect(embedded.iim.description).toBe(POOL_IIM_CAPTION);
    expect(embedded.xmp.description).toBe(FIXTURE_EXPECTED.iimAndXmp.description);
    expect(metadata.description).toBe(FIXTURE_EXPECTED.iimAndXmp.description);
    expect(sources.description).toBe('xmp');
    expect(embedded.iim.creditLine).toBe('POOL/AFP via Getty Images');
    expect(embedded.xmp.creditLine).toBe('POOL/AFP via Getty Images');
    // Fields IIM has no dataset for exist only in the XMP block.
    expect(embedded.iim).not.toHaveProperty('altText');
    expect(embedded.iim).not.toHaveProperty('usageTerms');
    expect(embedded.exif).toEqual({});
  });

  it('falls back to IIM, then EXIF, field by field', async () => {
    const file = await makePhotoFixture(work, 'xmpOnly', { name: 'mixed' });
    await writeWithExiftool(file, ['-IPTC:Headline=From IIM', '-IPTC:Credit=IIM credit', '-EXIF:Artist=EXIF artist', '-EXIF:Copyright=EXIF copyright']);
    const { metadata, sources } = await readPhotoMetadata(file);
    expect([metadata.headline, sources.headline]).toEqual(['From IIM', 'iim']);
    expect([metadata.creditLine, sources.creditLine]).toEqual(['REUTERS', 'xmp']);
    expect([metadata.creator, sources.creator]).toEqual(['Gleb Garanich', 'xmp']);
    expect([metadata.copyright, sources.copyright]).toEqual([FIXTURE_EXPECTED.xmpOnly.copyright, 'xmp']);
    expect([metadata.title, sources.title]).toEqual(['', 'none']);
  });

  it('honours the UTF-8 marker (1:90) of IIM text', async () => {
    const bytes = await readFile(fixtures.iimUtf8);
    expect(bytes.includes(Buffer.from([0x1c, 0x01, 0x5a, 0x00, 0x03, 0x1b, 0x25, 0x47]))).toBe(true);
    const { metadata } = await readPhotoMetadata(fixtures.iimUtf8);
    expect(metadata.city).toBe('MONTRÉAL');
    expect(metadata.city).not.toBe('MONTRÃ\u0089AL');
    expect(metadata.headline).toBe('Manifestation à Montréal');
    expect(metadata.keywords).toEqual(['manifestation', 'Québec']);
  });

  it('reads IIM without the marker as Latin-1', async () => {
    const bytes = await readFile(fixtures.iimLatin1);
    expect(bytes.includes(Buffer.from('MONTR\u00c9AL', 'latin1'))).toBe(true);
    expect(bytes.includes(Buffer.from([0x1b, 0x25, 0x47]))).toBe(false);
    const { metadata } = await readPhotoMetadata(fixtures.iimLatin1);
    expect(metadata.city).toBe('MONTRÉAL');
    expect(metadata.description).toBe(FIXTURE_EXPECTED.iimLatin1.description);
  });

  it('joins several creators with "; " and keeps text exactly as written', async () => {
    const file = await makePhotoFixture(work, 'none', { name: 'exact-text' });
    await writeWithExiftool(file, [
      '-XMP-dc:Creator=Smith & Jones <Pool>',
      '-XMP-dc:Creator+=Zoë Ångström',
      '-XMP-photoshop:Headline=007',
      '-XMP-dc:Subject=0800',
      '-XMP-dc:Subject+=true',
      '-XMP-dc:Title-fr=Titre',
      '-XMP-dc:Title=Title',
      '-XMP-dc:Description=First line\nSecond line',
    ]);
    const { metadata } = await readPhotoMetadata(file);
    expect(metadata.creator).toBe('Smith & Jones <Pool>; Zoë Ångström');
    expect(metadata.headline).toBe('007');
    expect(metadata.keywords).toEqual(['0800', 'true']);
    expect(metadata.title).toBe('Title');
    expect(metadata.description).toBe('First line\nSecond line');
  });

  it('takes the first language when an alternative has no x-default', async () => {
    const file = await makePhotoFixture(work, 'none', { name: 'languages' });
    await writeWithExiftool(file, ['-XMP-dc:Description-de=Beschreibung', '-XMP-dc:Description-fr=Description']);
    const { metadata } = await readPhotoMetadata(file);
    expect(metadata.description).toBe('Beschreibung');
  });

  const formats = [
    ['png', 'xmpOnly'],
    ['webp', 'xmpOnly'],
    ['tiff', 'xmpOnly'],
    ['gif', 'xmpOnly'],
    ['avif', 'xmpOnly'],
    ['tiff', 'iimAndXmp'],
    ['tiff', 'iimUtf8'],
    ['png', 'exifOnly'],
    ['webp', 'exifOnly'],
    ['tiff', 'exifOnly'],
    ['avif', 'exifOnly'],
  ] as const;
  it.each(formats)('reads a %s file (%s)', async (format, kind) => {
    const file = await makePhotoFixture(work, kind, { format, name: `${kind}-${format}` });
    const result = await readPhotoMetadata(file);
    expect(result.warnings).toEqual([]);
    expect(result.metadata).toEqual({ ...EMPTY_PHOTO_METADATA, ...FIXTURE_EXPECTED[kind] });
    const sources = Object.entries(result.sources).filter(([, source]) => source !== 'none');
    expect(Object.fromEntries(sources)).toEqual(FIXTURE_EXPECTED_SOURCES[kind]);
  });

  it('still reads a picture whose name does not match its format', async () => {
    const png = await makePhotoFixture(work, 'xmpOnly', { format: 'png', name: 'renamed' });
    const renamed = join(work, 'renamed.jpg');
    await writeFile(renamed, await readFile(png));
    expect((await readPhotoMetadata(renamed)).metadata.creditLine).toBe('REUTERS');
  });
});

describe('reading files that are not photos', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'newsdesk-metadata-odd-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('gives empty metadata and a warning for a text file named .jpg', async () => {
    const file = join(work, 'notes.jpg');
    await writeFile(file, 'These are not the pictures you are looking for.\n');
    const result = await readPhotoMetadata(file);
    expect(result.metadata).toEqual(EMPTY_PHOTO_METADATA);
    expect(Object.values(result.sources).every((source) => source === 'none')).toBe(true);
    expect(result.warnings).toEqual(['The file is not a JPEG, PNG, WebP, GIF, AVIF or TIFF picture, so no metadata was read from it.']);
  });

  it('gives empty metadata for an empty file', async () => {
    const file = join(work, 'empty.jpg');
    await writeFile(file, '');
    const result = await readPhotoMetadata(file);
    expect(result.metadata).toEqual(EMPTY_PHOTO_METADATA);
    expect(result.warnings).toHaveLength(1);
  });

  it('throws for a missing file and for a folder', async () => {
    await expect(readPhotoMetadata(join(work, 'gone.jpg'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(readPhotoMetadata(work)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
