/**
 * Time-limited use as agencies write it in instructions: "FOR USE WITHIN 14 DAYS", "ONE-TIME USE
 * FOR 30 DAYS", "USE UNTIL 31 DEC", "valid until December 31, 2026". The last day of use is worked
 * out when the text gives enough to do so without guessing: a number of days counts from the day
 * the photo was taken (its date created), a day and month without a year takes the year of the
 * date created (the next one when that day has already passed by then).
 */

const MONTH_PATTERN = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';
const MONTH_LABELS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MONTH = new RegExp(`^\\s*(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_PATTERN})\\.?(?:,?\\s+(\\d{4}))?(?!\\d)`, 'i');
const MONTH_DAY = new RegExp(`^\\s*(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?!\\d)`, 'i');
const ISO_DAY = /^\s*(\d{4})-(\d{2})-(\d{2})(?!\d)/;
const CREATED_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

export interface UsePeriod {
  label: string;
  /** The last day the photo may be used, as YYYY-MM-DD, when it could be worked out. */
  until?: string;
}

interface Day {
  year: number;
  month: number;
  day: number;
}

function isoDay({ year, month, day }: Day): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** "2026-03-28" → "28 Mar 2026". */
export function formatDay(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTH_LABELS[(month ?? 1) - 1] ?? ''} ${year}`;
}

function validDay(year: number, month: number, day: number): Day | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? { year, month, day } : undefined;
}

function createdDay(dateCreated: string): Day | undefined {
  const found = CREATED_DAY.exec(dateCreated);
  return found ? validDay(Number(found[1]), Number(found[2]), Number(found[3])) : undefined;
}

function monthNumber(name: string): number {
  return MONTH_LABELS.findIndex((label) => name.toLowerCase().startsWith(label.toLowerCase())) + 1;
}

/** "FOR 14 DAYS": the last day of use counted from the date created, when the photo has one. */
export function useForDays(days: number, dateCreated: string): UsePeriod {
  const label = `USE WITHIN ${days} DAY${days === 1 ? '' : 'S'}`;
  const created = createdDay(dateCreated);
  if (!created) return { label };
  const last = new Date(Date.UTC(created.year, created.month - 1, created.day + days));
  const until = isoDay({ year: last.getUTCFullYear(), month: last.getUTCMonth() + 1, day: last.getUTCDate() });
  return { label: `${label} (until ${formatDay(until)})`, until };
}

/** The day written at the start of `text` (what follows "until"), with its year filled in when it can be. */
function dayAtStart(text: string, dateCreated: string): Day | 'no-year' | undefined {
  const iso = ISO_DAY.exec(text);
  if (iso) return validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = DAY_MONTH.exec(text);
  const monthFirst = dayFirst ? null : MONTH_DAY.exec(text);
  const day = Number(dayFirst?.[1] ?? monthFirst?.[2]);
  const month = monthNumber(dayFirst?.[2] ?? monthFirst?.[1] ?? '');
  const year = dayFirst?.[3] ?? monthFirst?.[3];
  if (!day || month < 1) return undefined;
  if (year) return validDay(Number(year), month, day);
  const created = createdDay(dateCreated);
  if (!created) return 'no-year';
  const sameYear = validDay(created.year, month, day);
  if (sameYear && isoDay(sameYear) >= isoDay(created)) return sameYear;
  return validDay(created.year + 1, month, day);
}

/** "USE UNTIL 31 DEC": `after` is the text following the keyword. */
export function useUntil(after: string, dateCreated: string): UsePeriod {
  const day = dayAtStart(after, dateCreated);
  if (day === undefined) return { label: 'TIME-LIMITED USE' };
  if (day === 'no-year') {
    const written = (DAY_MONTH.exec(after) ?? MONTH_DAY.exec(after))?.[0].trim() ?? '';
    return { label: `USE UNTIL ${written.toUpperCase()}` };
  }
  const until = isoDay(day);
  return { label: `USE UNTIL ${formatDay(until)}`, until };
}

/** Whether the last day of use is over at `now` (the whole of that day, in UTC, still counts). */
export function usePeriodEnded(until: string, now: Date): boolean {
  return Date.parse(`${until}T23:59:59.999Z`) < now.getTime();
}
