/**
 * Reads the time an embargo lifts from the free text agencies write after "EMBARGOED UNTIL":
 * "0001 GMT 2 DECEMBER 2026", "2026-12-02T10:00Z", "10:00 a.m. EST, Dec. 2, 2026". Hand-rolled
 * because no date library the app ships parses free English text; it only accepts dates it can
 * read without guessing (a year and a month name or an ISO date) and returns undefined otherwise.
 * A time without a zone is read as UTC, the zone agencies state embargoes in.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';
const MONTH_LABELS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Offsets from UTC in minutes for the zones agencies use (ambiguous ones such as IST left out). */
const ZONE_OFFSETS: Record<string, number> = {
  z: 0, gmt: 0, utc: 0, wet: 0, bst: 60, west: 60, cet: 60, cest: 120, eet: 120, eest: 180, msk: 180,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  jst: 540, kst: 540, hkt: 480, sgt: 480, aest: 600, aedt: 660,
};
const ZONE_NAMES = Object.keys(ZONE_OFFSETS).join('|');

const ISO_DATE =
  /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?(?!\d)/i;
const DAY_MONTH_YEAR = new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_NAMES})\\.?,?\\s+(\\d{4})(?!\\d)`, 'i');
const MONTH_DAY_YEAR = new RegExp(`(?<![a-z])(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'i');
const CLOCK_TIME = /(?<![\d.:])(\d{1,2})[:.](\d{2})(?![\d.:])\s*(a\.?m\.?|p\.?m\.?)?/i;
const HOUR_ONLY = /(?<![\d.:])(\d{1,2})\s*(a\.?m\.?|p\.?m\.?)(?![a-z])/i;
const MILITARY_TIME = new RegExp(`(?<!\\d)([01]\\d|2[0-3])([0-5]\\d)\\s*(?:hrs?\\b|h\\b)?\\s*(?=${ZONE_NAMES}|hrs?\\b|h\\b)`, 'i');
const NAMED_TIME = /\b(noon|midday|midnight)\b/i;
const ZONE = new RegExp(`(?<![a-z])(${ZONE_NAMES})(?![a-z])(?:\\s*([+-])\\s*(\\d{1,2})(?::?(\\d{2}))?)?`, 'i');
const NUMERIC_OFFSET = /(?<![\d:])([+-])(\d{2}):?(\d{2})(?!\d)/;

interface Clock {
  hours: number;
  minutes: number;
}

function utcIso(year: number, month: number, day: number, clock: Clock, offsetMinutes: number): string | undefined {
  const calendarDay = new Date(Date.UTC(year, month - 1, day));
  const valid =
    calendarDay.getUTCFullYear() === year && calendarDay.getUTCMonth() === month - 1 && calendarDay.getUTCDate() === day;
  if (!valid || clock.hours > 23 || clock.minutes > 59) return undefined;
  return new Date(Date.UTC(year, month - 1, day, clock.hours, clock.minutes) - offsetMinutes * 60_000).toISOString();
}

function offsetFrom(sign: string, hours: string, minutes: string | undefined): number {
  const size = Number(hours) * 60 + Number(minutes ?? 0);
  return sign === '-' ? -size : size;
}

function twelveHour(hours: number, meridiem: string | undefined): number {
  if (!meridiem) return hours;
  const isPm = meridiem.toLowerCase().startsWith('p');
  return (hours % 12) + (isPm ? 12 : 0);
}

function clockIn(text: string): Clock {
  const military = MILITARY_TIME.exec(text);
  if (military) return { hours: Number(military[1]), minutes: Number(military[2]) };
  const clock = CLOCK_TIME.exec(text);
  if (clock) return { hours: twelveHour(Number(clock[1]), clock[3]), minutes: Number(clock[2]) };
  const hourOnly = HOUR_ONLY.exec(text);
  if (hourOnly) return { hours: twelveHour(Number(hourOnly[1]), hourOnly[2]), minutes: 0 };
  const named = NAMED_TIME.exec(text);
  if (named) return { hours: named[1]?.toLowerCase() === 'midnight' ? 0 : 12, minutes: 0 };
  return { hours: 0, minutes: 0 };
}

function offsetIn(text: string): number {
  const zone = ZONE.exec(text);
  if (zone) {
    const base = ZONE_OFFSETS[zone[1]?.toLowerCase() ?? ''] ?? 0;
    return zone[2] && zone[3] ? base + offsetFrom(zone[2], zone[3], zone[4]) : base;
  }
  const numeric = NUMERIC_OFFSET.exec(text);
  return numeric ? offsetFrom(numeric[1] ?? '+', numeric[2] ?? '0', numeric[3]) : 0;
}

function fromIso(match: RegExpExecArray): string | undefined {
  const [, year, month, day, hours, minutes, , zone] = match;
  const clock = { hours: Number(hours ?? 0), minutes: Number(minutes ?? 0) };
  let offset = 0;
  if (zone && zone.toUpperCase() !== 'Z') offset = offsetFrom(zone.charAt(0), zone.slice(1, 3), zone.slice(-2));
  return utcIso(Number(year), Number(month), Number(day), clock, offset);
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
  /** Where the date was written, so the rest of the text can be searched for a time. */
  start: number;
  end: number;
}

/** "2 December 2026", "2nd of Dec 2026" or "Dec. 2, 2026". */
function calendarDateIn(text: string): CalendarDate | undefined {
  const dayFirst = DAY_MONTH_YEAR.exec(text);
  if (dayFirst) {
    const [written, day = '', month = '', year = ''] = dayFirst;
    return { year: Number(year), month: monthNumber(month), day: Number(day), start: dayFirst.index, end: dayFirst.index + written.length };
  }
  const monthFirst = MONTH_DAY_YEAR.exec(text);
  if (monthFirst) {
    const [written, month = '', day = '', year = ''] = monthFirst;
    return { year: Number(year), month: monthNumber(month), day: Number(day), start: monthFirst.index, end: monthFirst.index + written.length };
  }
  return undefined;
}

/** The ISO UTC time the text names, or undefined when it names none that can be read safely. */
export function parseEmbargoTime(text: string): string | undefined {
  const iso = ISO_DATE.exec(text);
  if (iso) return fromIso(iso);
  const date = calendarDateIn(text);
  if (!date) return undefined;
  // The date is cut out first so its day and year are not read as a time of day.
  const rest = `${text.slice(0, date.start)} ${text.slice(date.end)}`;
  return utcIso(date.year, date.month, date.day, clockIn(rest), offsetIn(rest));
}

/** "2026-12-02T10:00:00.000Z" → "2 Dec 2026 10:00 UTC", the same on every machine. */
export function formatUtc(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  const pad = (value: number) => String(value).padStart(2, '0');
  const month = MONTH_LABELS[time.getUTCMonth()] ?? '';
  return `${time.getUTCDate()} ${month} ${time.getUTCFullYear()} ${pad(time.getUTCHours())}:${pad(time.getUTCMinutes())} UTC`;
}
