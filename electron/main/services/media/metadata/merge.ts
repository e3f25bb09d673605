import {
  EMPTY_PHOTO_METADATA,
  PHOTO_FIELDS,
  type EmbeddedMetadata,
  type FieldSources,
  type PhotoMetadata,
} from '../../../../../shared/model/photo';

/** Where a value is looked for first: XMP is the current standard, IIM its predecessor, EXIF the camera's. */
const PRECEDENCE = ['xmp', 'iim', 'exif'] as const;

/** The working values, field by field from the first block that has one, and where each came from. */
export function mergeBlocks(embedded: EmbeddedMetadata): { metadata: PhotoMetadata; sources: FieldSources } {
  const metadata: PhotoMetadata = { ...EMPTY_PHOTO_METADATA, keywords: [] };
  const sources = Object.fromEntries(PHOTO_FIELDS.map((field) => [field, 'none'])) as FieldSources;
  for (const field of PHOTO_FIELDS) {
    const source = PRECEDENCE.find((block) => {
      const value = embedded[block][field];
      return Array.isArray(value) ? value.length > 0 : Boolean(value);
    });
    if (!source) continue;
    sources[field] = source;
    if (field === 'keywords') metadata.keywords = [...(embedded[source].keywords ?? [])];
    else metadata[field] = embedded[source][field] ?? '';
  }
  return { metadata, sources };
}
