import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPhotoMetadata } from '../../../electron/main/services/media/metadata/read-metadata';
import { EMPTY_PHOTO_METADATA, upgradePhotoRecord, Photo } from '../../../shared/model/photo';
import { HANDOUT_EXPECTED } from '../../support/photo-fixture-agency';
import { EXIFTOOL_MISSING_REASON, exiftoolAvailable, makePhotoFixture, readWithExiftool } from '../../support/photo-fixtures';
import { writeCopy } from './xmp-write-helpers';
import { makePhoto } from '../shared/photo-fixtures';

const noExiftool = !exiftoolAvailable();
if (noExiftool) console.warn(`Agency field tests skipped: ${EXIFTOOL_MISSING_REASON}`);

describe.skipIf(noExiftool)(`transmission reference, location and extended description${noExiftool ? ` (skipped: ${EXIFTOOL_MISSING_REASON})` : ''}`, () => {
  let work: string;
  let handout: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'newsdesk-agency-fields-'));
    handout = await makePhotoFixture(work, 'handout');
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('reads them from both the IIM and the XMP block', async () => {
    const { metadata, embedded, sources, warnings } = await readPhotoMetadata(handout);
    expect(metadata).toEqual({ ...EMPTY_PHOTO_METADATA, ...HANDOUT_EXPECTED });
    expect(warnings).toEqual([]);
    expect(embedded.iim).toMatchObject({
      transmissionReference: 'RC2X4A9ZQ1B8',
      sublocation: 'Port of Odesa',
      state: 'Odesa Oblast',
      countryCode: 'UKR',
    });
    // IIM has no dataset for the extended description.
    expect(embedded.iim).not.toHaveProperty('extendedDescription');
    expect(sources.extendedDescription).toBe('xmp');
  });

  it('writes them back into the XMP of a copy, where exiftool finds them', async () => {
    const metadata = { ...EMPTY_PHOTO_METADATA, ...HANDOUT_EXPECTED, transmissionReference: 'RC-EDITED-1', countryCode: 'UA' };
    const copy = await writeCopy(handout, 'jpeg', metadata);
    const seen = await readWithExiftool(copy.path, ['-XMP:all']);
    expect(seen).toMatchObject({
      TransmissionReference: 'RC-EDITED-1',
      State: 'Odesa Oblast',
      CountryCode: 'UA',
      Location: 'Port of Odesa',
      ExtDescrAccessibility: HANDOUT_EXPECTED.extendedDescription,
    });
    const reread = await readPhotoMetadata(copy.path);
    expect(reread.embedded.xmp).toMatchObject({ transmissionReference: 'RC-EDITED-1', countryCode: 'UA', sublocation: 'Port of Odesa' });
  });
});

describe('photo records of schema v1', () => {
  it('load with the fields v2 added, empty and "not in file"', () => {
    const current = makePhoto('a', { description: 'Harbour at dawn' });
    const { extendedDescription: _a, transmissionReference: _b, sublocation: _c, state: _d, countryCode: _e, ...oldMetadata } = current.metadata;
    const { extendedDescription: _f, transmissionReference: _g, sublocation: _h, state: _i, countryCode: _j, ...oldSources } = current.sources;
    const v1 = { ...current, schemaVersion: 1, metadata: oldMetadata, sources: oldSources };
    expect(Photo.safeParse(v1).success).toBe(false);
    const upgraded = Photo.parse(upgradePhotoRecord(v1));
    expect(upgraded.schemaVersion).toBe(2);
    expect(upgraded.metadata).toMatchObject({ transmissionReference: '', countryCode: '', description: current.metadata.description });
    expect(upgraded.sources.sublocation).toBe('none');
  });
});
