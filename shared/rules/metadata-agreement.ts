import { PHOTO_FIELDS, type EmbeddedBlock, type EmbeddedMetadata, type PhotoField } from '../model/photo';

/**
 * Whether a photo's metadata blocks tell the same story. Agencies write a caption into IPTC IIM
 * and XMP; when a later tool updates only one of them the two drift apart, and the desk should see
 * that before trusting the value that won. Dates are compared as moments: "2026-03-14" in XMP and
 * "2026-03-14T09:15:00+02:00" in EXIF agree (one is only less precise), and the precise one is shown.
 */

const ISO_PARTS = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

interface DateParts {
  /** Year, month, day, hour, minute, second as far as the value goes. */
  fields: number[];
  /** Minutes east of UTC, when the value says. */
  offset?: number;
}

function dateParts(value: string): DateParts | null {
  const match = ISO_PARTS.exec(value.trim());
  if (!match) return null;
  const fields = match.slice(1, 7).filter((part): part is string => part !== undefined).map(Number);
  const zone = match[7];
  if (zone === undefined) return { fields };
  if (zone === 'Z') return { fields, offset: 0 };
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return { fields, offset: sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) };
}

/** How much a date says: each component counts, and an offset makes a time an exact moment. */
function precision(parts: DateParts): number {
  return parts.fields.length + (parts.offset === undefined ? 0 : 1);
}

function instant(parts: DateParts): number {
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = parts.fields;
  return Date.UTC(year, month - 1, day, hour, minute, second) - (parts.offset ?? 0) * 60_000;
}

/** True when two dates can name the same moment: equal as far as both go (as instants when both have offsets and times). */
export function datesAgree(a: string, b: string): boolean {
  const first = dateParts(a);
  const second = dateParts(b);
  if (!first || !second) return a.trim() === b.trim();
  const both = Math.min(first.fields.length, second.fields.length);
  const hasTimes = first.fields.length >= 5 && second.fields.length >= 5;
  if (hasTimes && first.offset !== undefined && second.offset !== undefined) {
    // Compare down to the coarser of the two (minutes when one has no seconds).
    const unit = both >= 6 ? 1000 : 60_000;
    return Math.floor(instant(first) / unit) === Math.floor(instant(second) / unit);
  }
  return first.fields.slice(0, both).every((value, index) => value === second.fields[index]);
}

/** Of dates that agree, the one that says most; undefined when none is given. */
export function mostPreciseDate(values: readonly string[]): string | undefined {
  let best: { value: string; score: number } | undefined;
  for (const value of values) {
    const parts = dateParts(value);
    const score = parts ? precision(parts) : 0;
    if (!best || score > best.score) best = { value, score };
  }
  return best?.value;
}

function sameText(a: string, b: string): boolean {
  return a.replace(/\s+/gu, ' ').trim() === b.replace(/\s+/gu, ' ').trim();
}

function valuesDiffer(field: PhotoField, a: EmbeddedBlock[PhotoField], b: EmbeddedBlock[PhotoField]): boolean {
  if (a === undefined || b === undefined) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    const left = (Array.isArray(a) ? a : [a]).map((item) => item.toLowerCase()).sort();
    const right = (Array.isArray(b) ? b : [b]).map((item) => item.toLowerCase()).sort();
    return left.join('\n') !== right.join('\n');
  }
  if (field === 'dateCreated') return !datesAgree(a, b);
  return !sameText(a, b);
}

/**
 * The fields whose IPTC IIM and XMP values differ (both present). The date is also compared with
 * EXIF's, the camera's own clock; EXIF's other fields are the camera owner's settings, not the
 * agency's text, so a difference there says nothing.
 */
export function disagreeingFields(embedded: EmbeddedMetadata): PhotoField[] {
  return PHOTO_FIELDS.filter((field) => {
    const blocks = field === 'dateCreated' ? [embedded.xmp, embedded.iim, embedded.exif] : [embedded.xmp, embedded.iim];
    return blocks.some((first, index) => blocks.slice(index + 1).some((second) => valuesDiffer(field, first[field], second[field])));
  });
}
