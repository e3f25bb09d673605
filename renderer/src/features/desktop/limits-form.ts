import { DEFAULT_LIMITS, LIMIT_FIELDS, LIMIT_LABELS, type Limits, type LimitsPatch } from '../../../../shared/model/settings';

/**
 * The Limits pane's form, kept apart from React: what each field shows, what a typed value means,
 * and the sentence that refuses it. The allowed ranges are read from the settings schema, so the
 * form can never accept what main would refuse.
 */

export type LimitKey = keyof Limits;

const MEGABYTE = 1024 * 1024;

interface LimitRow {
  key: LimitKey;
  label: string;
  /** Sizes are typed in megabytes (a desk thinks in MB, the file stores bytes); lengths in characters. */
  unit: 'MB' | 'characters';
  /** What the limit protects, in one sentence. */
  protects: string;
}

export const LIMIT_ROWS: readonly LimitRow[] = [
  {
    key: 'storyMaxBytes',
    label: LIMIT_LABELS.storyMaxBytes,
    unit: 'MB',
    protects: 'A story larger than this is refused when saved, so one file can never freeze the app.',
  },
  {
    key: 'captionMaxChars',
    label: LIMIT_LABELS.captionMaxChars,
    unit: 'characters',
    protects: 'A longer photo caption is refused when saved, in the photo library and in a story.',
  },
  {
    key: 'photoRecordMaxBytes',
    label: LIMIT_LABELS.photoRecordMaxBytes,
    unit: 'MB',
    protects: 'A photo’s details (its metadata) beyond this are neither saved nor read, so one damaged record cannot stall the library.',
  },
  {
    key: 'importMaxBytes',
    label: LIMIT_LABELS.importMaxBytes,
    unit: 'MB',
    protects: 'A picture file larger than this is not imported or downloaded, so one huge file cannot fill the disk or the memory.',
  },
];

export type LimitTexts = Record<LimitKey, string>;

const rowOf = (key: LimitKey): LimitRow => LIMIT_ROWS.find((row) => row.key === key)!;

/** The bounds the settings schema allows, in stored units (bytes or characters). */
export function boundsOf(key: LimitKey): { min: number; max: number } {
  const field = LIMIT_FIELDS[key];
  return { min: field.minValue ?? 0, max: field.maxValue ?? Number.MAX_SAFE_INTEGER };
}

/** A stored value as the field shows it: "16", "0.25", "10000". */
export function limitText(key: LimitKey, value: number): string {
  if (rowOf(key).unit === 'characters') return String(value);
  // Two decimals show every bound exactly (256 KB is 0.25 MB) without a tail of digits.
  return String(Number((value / MEGABYTE).toFixed(2)));
}

/** A value with its unit, as sentences print it: "0.25 MB", "10,000 characters". */
export function limitWithUnit(key: LimitKey, value: number): string {
  const number = rowOf(key).unit === 'characters' ? value.toLocaleString('en-US') : limitText(key, value);
  return `${number} ${rowOf(key).unit}`;
}

export function textsOf(limits: Limits): LimitTexts {
  return Object.fromEntries(LIMIT_ROWS.map(({ key }) => [key, limitText(key, limits[key])])) as LimitTexts;
}

export const DEFAULT_TEXTS: LimitTexts = textsOf(DEFAULT_LIMITS);

export type ParsedLimit = { ok: true; value: number } | { ok: false; message: string };

/** What a typed value means in stored units, or the sentence shown next to the field when it is refused. */
export function parseLimit(key: LimitKey, text: string): ParsedLimit {
  const { min, max } = boundsOf(key);
  const range = `between ${limitWithUnit(key, min)} and ${limitWithUnit(key, max)}`;
  const trimmed = text.trim().replace(/,/g, '');
  // Number('') is 0 and Number('0x10') is 16: only plain decimals are a value here.
  const pattern = rowOf(key).unit === 'characters' ? /^\d+$/ : /^\d+(\.\d+)?$/;
  if (!pattern.test(trimmed)) {
    const what = rowOf(key).unit === 'characters' ? 'a whole number of characters' : 'a number of megabytes';
    return { ok: false, message: `Type ${what}, ${range}.` };
  }
  const typed = Number(trimmed);
  const value = rowOf(key).unit === 'characters' ? typed : Math.round(typed * MEGABYTE);
  if (value < min || value > max) return { ok: false, message: `This limit can be ${range}.` };
  return { ok: true, value };
}

/** Every field's problem, by key; empty when the whole form can be saved. */
export function problemsOf(texts: LimitTexts): Partial<Record<LimitKey, string>> {
  const problems: Partial<Record<LimitKey, string>> = {};
  for (const { key } of LIMIT_ROWS) {
    const parsed = parseLimit(key, texts[key]);
    if (!parsed.ok) problems[key] = parsed.message;
  }
  return problems;
}

/**
 * The change to save, or null while any field is refused. Fields whose text still shows the saved
 * value are left out: a limit set in the file to a value two decimals cannot show stays exact.
 */
export function patchOf(texts: LimitTexts, saved: Limits): LimitsPatch | null {
  const patch: LimitsPatch = {};
  for (const { key } of LIMIT_ROWS) {
    const parsed = parseLimit(key, texts[key]);
    if (!parsed.ok) return null;
    if (texts[key].trim() !== limitText(key, saved[key])) patch[key] = parsed.value;
  }
  return patch;
}
