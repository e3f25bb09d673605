import {
  EMPTY_PHOTO_METADATA,
  PHOTO_FIELDS,
  type EmbeddedMetadata,
  type FieldSources,
  type PhotoMetadata,
} from '../../../../../shared/model/photo';
import { datesAgree, mostPreciseDate } from '../../../../../shared/rules/metadata-agreement';

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
  preferPreciseDate(embedded, metadata, sources);
  return { metadata, sources };
}

/**
 * When every block that has a date names the same moment, the most precise one is shown: XMP's
 * "2026-03-14" gives way to EXIF's "2026-03-14T09:15:00+02:00". When they differ, the usual order
 * stands and the editor shows the difference.
 */
function preferPreciseDate(embedded: EmbeddedMetadata, metadata: PhotoMetadata, sources: FieldSources): void {
  const dated = PRECEDENCE.filter((block) => Boolean(embedded[block].dateCreated));
  const values = dated.map((block) => embedded[block].dateCreated ?? '');
  if (values.length < 2 || !values.every((value) => values.every((other) => datesAgree(value, other)))) return;
  const best = mostPreciseDate(values);
  const block = dated[values.indexOf(best ?? '')];
  if (best === undefined || block === undefined) return;
  metadata.dateCreated = best;
  sources.dateCreated = block;
}
