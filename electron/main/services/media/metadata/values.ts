import type { EmbeddedBlock, PhotoTextField } from '../../../../../shared/model/photo';

/**
 * Turning what a metadata block holds into values the desk's schema accepts: trimmed text within
 * the schema's limits, clean keyword lists, ISO 8601 dates. Files from the wild carry NULs,
 * control characters, padding and placeholder dates; none of that should reach the editor.
 */

/** The photo schema's limits (shared/model/photo.ts): longer values would make the record invalid. */
const MAX_TEXT = 10_000;
const MAX_KEYWORD = 200;
const MAX_KEYWORDS = 200;

// Keeps tab and newline (captions have paragraphs); drops the rest of C0/C1 and NUL padding.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Any value a parser may hand back (string, number, list) as one clean line of text, or "" when empty. */
export function cleanText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return cleanList(value).join('; ');
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return '';
  const text = String(value).replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '').trim();
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT).trimEnd() : text;
}

/** A single value or a list as a list of clean, non-empty, distinct strings. */
export function cleanList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  const seen = new Set<string>();
  for (const item of items) {
    const text = cleanText(item);
    if (text !== '') seen.add(text);
  }
  return [...seen];
}

export function cleanKeywords(value: unknown): string[] {
  const keywords = new Set<string>();
  for (const keyword of cleanList(value)) {
    const line = keyword.replace(/\s+/g, ' ').slice(0, MAX_KEYWORD).trim();
    if (line !== '') keywords.add(line);
    if (keywords.size === MAX_KEYWORDS) break;
  }
  return [...keywords];
}

/** Adds `text` to `block` under `field` when it is not empty (absent fields stay out of a block). */
export function putText(block: EmbeddedBlock, field: PhotoTextField, value: unknown): void {
  const text = cleanText(value);
  if (text !== '') block[field] = text;
}

export function putKeywords(block: EmbeddedBlock, value: unknown): void {
  const keywords = cleanKeywords(value);
  if (keywords.length > 0) block.keywords = keywords;
}

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;
const COLON_DATE = /^(\d{4}):(\d{2}):(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const ZERO_DATE = /^0{4}|^\d{4}-00|^\d{4}-\d{2}-00/;

function validDate(iso: string): string {
  return ZERO_DATE.test(iso) ? '' : iso;
}

/** "+0100" → "+01:00"; "Z" stays; "" when absent or malformed. */
export function isoOffset(offset: unknown): string {
  const text = cleanText(offset);
  if (text === 'Z') return 'Z';
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  return match ? `${match[1]}${match[2]}:${match[3]}` : '';
}

/**
 * An XMP date (ISO 8601 already, or the "YYYY:MM:DD hh:mm:ss" some writers put there by mistake),
 * or an EXIF date-time with its separate offset, as ISO 8601. "" for placeholders and garbage.
 */
export function isoDateTime(value: unknown, offset?: unknown): string {
  const text = cleanText(value);
  if (ISO_DATE.test(text)) return validDate(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  const match = COLON_DATE.exec(text);
  if (!match) return '';
  const [, year, month, day, hour, minute, second] = match;
  const date = `${year}-${month}-${day}`;
  if (hour === undefined) return validDate(date);
  return validDate(`${date}T${hour}:${minute}:${second ?? '00'}${isoOffset(offset)}`);
}

/** IPTC IIM keeps the date (CCYYMMDD) and the time (HHMMSS±HHMM) in two datasets. */
export function isoFromIim(date: unknown, time: unknown): string {
  const day = /^(\d{4})(\d{2})(\d{2})$/.exec(cleanText(date));
  if (!day) return '';
  const iso = validDate(`${day[1]}-${day[2]}-${day[3]}`);
  const clock = /^(\d{2})(\d{2})(\d{2})([+-]\d{4})?$/.exec(cleanText(time));
  if (iso === '' || !clock) return iso;
  return `${iso}T${clock[1]}:${clock[2]}:${clock[3]}${isoOffset(clock[4])}`;
}
