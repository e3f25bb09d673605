import { z } from 'zod';

/**
 * A photo in the media library. Its id is the SHA-256 of the file's bytes, so importing the same
 * picture twice finds the first copy. `metadata` holds the values the desk works with (read from the
 * file on import, then edited); `embedded` keeps what each metadata block of the file said, apart,
 * and `sources` says where each working value came from.
 */
/** v2 added transmission reference, sub-location, province/state, country code and extended description. */
export const PHOTO_SCHEMA_VERSION = 2;

export const PhotoId = z.string().regex(/^[0-9a-f]{64}$/, 'Not a valid photo id');
export type PhotoId = z.infer<typeof PhotoId>;

export const PHOTO_FORMATS = ['jpeg', 'png', 'webp', 'gif', 'avif', 'tiff'] as const;
export const PhotoFormat = z.enum(PHOTO_FORMATS);

/** The media type of each format, as files, uploads and ninjs renditions name it. */
export const PHOTO_MIME_TYPES: Readonly<Record<(typeof PHOTO_FORMATS)[number], string>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
  tiff: 'image/tiff',
};
export type PhotoFormat = z.infer<typeof PhotoFormat>;

/** The text fields a photo desk reads and edits, in the order the editor shows them. */
export const PHOTO_TEXT_FIELDS = [
  'description',
  'headline',
  'title',
  'creator',
  'creatorJobTitle',
  'creditLine',
  'source',
  'copyright',
  'usageTerms',
  'webStatement',
  'altText',
  'extendedDescription',
  'instructions',
  'transmissionReference',
  'dateCreated',
  'sublocation',
  'city',
  'state',
  'country',
  'countryCode',
] as const;
/** The text fields schema v2 added; records of v1 get them empty. */
const FIELDS_ADDED_IN_V2 = ['extendedDescription', 'transmissionReference', 'sublocation', 'state', 'countryCode'] as const;
export type PhotoTextField = (typeof PHOTO_TEXT_FIELDS)[number];
export type PhotoField = PhotoTextField | 'keywords';
export const PHOTO_FIELDS: readonly PhotoField[] = [...PHOTO_TEXT_FIELDS, 'keywords'];

export const PHOTO_FIELD_LABELS: Record<PhotoField, string> = {
  description: 'Description',
  headline: 'Headline',
  title: 'Title',
  creator: 'Creator',
  creatorJobTitle: "Creator's job title",
  creditLine: 'Credit line',
  source: 'Source',
  copyright: 'Copyright notice',
  usageTerms: 'Usage terms',
  webStatement: 'Web statement of rights',
  altText: 'Alt text',
  extendedDescription: 'Extended description',
  instructions: 'Special instructions',
  transmissionReference: 'Transmission reference',
  dateCreated: 'Date created',
  sublocation: 'Sub-location',
  city: 'City',
  state: 'Province/State',
  country: 'Country',
  countryCode: 'Country code',
  keywords: 'Keywords',
};

const Text = z.string().max(10_000);
/** How many keywords a photo may carry, and how long each may be. */
export const KEYWORD_LIMITS = { maxItems: 200, maxLength: 200 } as const;
const Keywords = z.array(z.string().trim().min(1).max(KEYWORD_LIMITS.maxLength)).max(KEYWORD_LIMITS.maxItems);

export const PhotoMetadata = z.object({
  description: Text,
  headline: Text,
  title: Text,
  /** Several creators are joined with "; ". */
  creator: Text,
  creatorJobTitle: Text,
  creditLine: Text,
  source: Text,
  copyright: Text,
  usageTerms: Text,
  webStatement: Text,
  altText: Text,
  /** Longer accessibility description (IPTC "Extended description"). */
  extendedDescription: Text,
  instructions: Text,
  /** The agency's job or transmission id (IIM 2:103), cited in kill and correction notices. */
  transmissionReference: Text,
  /** ISO 8601 date or date-time as found in the file ("" when absent). */
  dateCreated: Text,
  sublocation: Text,
  city: Text,
  state: Text,
  country: Text,
  /** ISO 3166 code as the file gives it ("GBR", "FR"). */
  countryCode: Text,
  keywords: Keywords,
});
export type PhotoMetadata = z.infer<typeof PhotoMetadata>;

export const EMPTY_PHOTO_METADATA: PhotoMetadata = {
  description: '',
  headline: '',
  title: '',
  creator: '',
  creatorJobTitle: '',
  creditLine: '',
  source: '',
  copyright: '',
  usageTerms: '',
  webStatement: '',
  altText: '',
  extendedDescription: '',
  instructions: '',
  transmissionReference: '',
  dateCreated: '',
  sublocation: '',
  city: '',
  state: '',
  country: '',
  countryCode: '',
  keywords: [],
};

/** What one metadata block of the file said, mapped to the desk's field names; absent fields are left out. */
export const EmbeddedBlock = PhotoMetadata.partial();
export type EmbeddedBlock = z.infer<typeof EmbeddedBlock>;

export const EmbeddedMetadata = z.object({ xmp: EmbeddedBlock, iim: EmbeddedBlock, exif: EmbeddedBlock });
export type EmbeddedMetadata = z.infer<typeof EmbeddedMetadata>;

export const FIELD_SOURCES = ['xmp', 'iim', 'exif', 'edited', 'none'] as const;
export const FieldSource = z.enum(FIELD_SOURCES);
export type FieldSource = z.infer<typeof FieldSource>;

export const FIELD_SOURCE_LABELS: Record<FieldSource, string> = {
  xmp: 'XMP',
  iim: 'IPTC IIM',
  exif: 'EXIF',
  edited: 'Edited',
  none: 'Not in file',
};

export const FieldSources = z.record(z.enum(PHOTO_FIELDS as [PhotoField, ...PhotoField[]]), FieldSource);
export type FieldSources = Record<PhotoField, FieldSource>;

/**
 * A photo withdrawn by its source (an agency's kill of a picture, a legal order): kept in the
 * library so the notice can be read and its uses found, but never placed or published again.
 */
export const PhotoKill = z
  .object({
    at: z.iso.datetime({ offset: true }),
    reason: z.string().trim().min(1, 'Say why the photo is withdrawn').max(2000),
    /** The agency's transmission reference of the killed picture, when it had one: its other copies match by it. */
    transmissionReference: z.string().max(10_000),
  })
  .strict();
export type PhotoKill = z.infer<typeof PhotoKill>;

export const Photo = z.object({
  schemaVersion: z.literal(PHOTO_SCHEMA_VERSION),
  id: PhotoId,
  /** The file name it was imported under (the library keeps its own copy). */
  fileName: z.string().max(500),
  format: PhotoFormat,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().nonnegative(),
  importedAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  metadata: PhotoMetadata,
  sources: FieldSources,
  embedded: EmbeddedMetadata,
  /** Problems met while reading the file's metadata (the picture itself was fine). */
  metadataWarnings: z.array(z.string().max(500)).max(20),
  /** Set when the photo was killed (withdrawn by its source): it may not be placed or published again. */
  kill: PhotoKill.optional(),
});
export type Photo = z.infer<typeof Photo>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A stored record brought up to the current schema: v1 records get the fields v2 added, empty and
 * "not in file" (their files were read before those fields were). Anything else is left to Photo.
 */
export function upgradePhotoRecord(data: unknown): unknown {
  if (!isRecord(data) || data.schemaVersion !== 1 || !isRecord(data.metadata) || !isRecord(data.sources)) return data;
  const metadata = { ...data.metadata };
  const sources = { ...data.sources };
  for (const field of FIELDS_ADDED_IN_V2) {
    metadata[field] ??= '';
    sources[field] ??= 'none';
  }
  return { ...data, schemaVersion: 2, metadata, sources };
}

/** URL paths the app serves photos under (app://newsdesk/media/… in the app). */
export function photoThumbnailPath(id: PhotoId): string {
  return `/media/${id}/thumbnail`;
}
export function photoOriginalPath(id: PhotoId): string {
  return `/media/${id}/original`;
}
