import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { expect } from 'vitest';
import { readPhotoMetadata, type MetadataReadResult } from '../../../electron/main/services/media/metadata/read-metadata';
import { embedXmp } from '../../../electron/main/services/media/metadata/write-xmp';
import { EMPTY_PHOTO_METADATA, type PhotoFormat, type PhotoMetadata } from '../../../shared/model/photo';
import { readWithExiftool } from '../../support/photo-fixtures';

/** What the desk writes back in the tests: every field, with text that needs escaping and non-ASCII. */
export const DESK_METADATA: PhotoMetadata = {
  ...EMPTY_PHOTO_METADATA,
  description: 'Demonstrators march through MONTRÉAL & Québec City.\nSecond paragraph.',
  headline: 'Protest <in> the "rain"',
  title: '0123-MONTREAL',
  creator: 'Zoë Ångström; Graham Hughes',
  creatorJobTitle: 'Staff photographer',
  creditLine: 'Zoë Ångström/The Canadian Press via AP',
  source: 'The Canadian Press',
  copyright: '© 2026 The Canadian Press',
  usageTerms: 'Editorial use only. NO SALES.',
  webStatement: 'https://example.com/licence?a=1&b=2',
  altText: 'People with umbrellas walk along a wet street.',
  instructions: 'MANDATORY CREDIT',
  dateCreated: '2026-03-14T10:22:05-05:00',
  city: 'MONTRÉAL',
  country: 'Canada',
  keywords: ['protest', 'Québec', '0800'],
};

let counter = 0;

/** Writes `metadata` into `source`'s XMP, saves the copy next to it and returns its path and bytes. */
export async function writeCopy(
  source: string,
  format: PhotoFormat,
  metadata: PhotoMetadata = DESK_METADATA,
): Promise<{ path: string; bytes: Uint8Array; original: Buffer }> {
  const original = await readFile(source);
  const bytes = await embedXmp(original, format, metadata);
  counter += 1;
  const path = join(source, '..', `copy-${counter}-${source.split('/').pop() ?? 'photo'}`);
  await writeFile(path, bytes);
  return { path, bytes, original };
}

/** The pixels sharp decodes, for comparing a copy with its original. */
export async function pixelsOf(input: string | Uint8Array): Promise<Buffer> {
  return sharp(input, { animated: true }).raw().toBuffer();
}

/** exiftool's XMP reading of a file (arrays for lists), and whether it validates without problems. */
export async function exiftoolXmp(path: string): Promise<Record<string, unknown>> {
  return readWithExiftool(path, ['-XMP:all', '-struct']);
}

export async function exiftoolValidation(path: string): Promise<unknown> {
  return (await readWithExiftool(path, ['-validate', '-warning', '-error', '-a'])).Validate;
}

/** Checks exiftool reads every desk field from the copy's XMP, as written. */
export function expectExiftoolToSee(xmp: Record<string, unknown>, metadata: PhotoMetadata = DESK_METADATA): void {
  expect(xmp).toMatchObject({
    Description: metadata.description,
    Headline: metadata.headline,
    Title: metadata.title,
    Creator: metadata.creator.split('; '),
    AuthorsPosition: metadata.creatorJobTitle,
    Credit: metadata.creditLine,
    Source: metadata.source,
    Rights: metadata.copyright,
    UsageTerms: metadata.usageTerms,
    WebStatement: metadata.webStatement,
    AltTextAccessibility: metadata.altText,
    Instructions: metadata.instructions,
    City: metadata.city,
    Country: metadata.country,
  });
  // exiftool prints dates in its own style.
  expect(xmp.DateCreated).toBe(metadata.dateCreated.replace(/^(\d{4})-(\d{2})-(\d{2})T/, '$1:$2:$3 '));
  expect([xmp.Subject].flat().map(String)).toEqual(metadata.keywords);
}

/** Reads the copy back with the desk's own reader and checks its XMP block holds the desk's values. */
export async function expectDeskToRead(path: string, metadata: PhotoMetadata = DESK_METADATA): Promise<MetadataReadResult> {
  const result = await readPhotoMetadata(path);
  expect(result.warnings).toEqual([]);
  expect(result.embedded.xmp).toEqual(Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== '' && !(Array.isArray(value) && value.length === 0))));
  return result;
}
