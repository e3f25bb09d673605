/**
 * Local wall-clock time (what a datetime-local input holds: "2025-03-30T06:00") to and from the
 * ISO times with an offset that the placement model stores ("2025-03-30T06:00:00+02:00"). Editors
 * think in their own clock; main and the rules compare instants, so the offset must travel along.
 */

/** What a datetime-local input holds: a date and a time, no zone. Seconds are optional. */
const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

const pad = (n: number, width = 2): string => String(Math.trunc(Math.abs(n))).padStart(width, '0');

/** "+02:00", "-05:00", "+05:30" for a Date's offset in the local zone. */
export function offsetOf(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** The local wall-clock of a Date as a datetime-local value, to the minute. */
export function localInputOf(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A stored ISO time shown in a datetime-local input; '' for none or for text that is not a time. */
export function localInputOfIso(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = Date.parse(iso);
  return Number.isNaN(at) ? '' : localInputOf(new Date(at));
}

/** A Date as an ISO time in the local zone with its offset, to the second: "2025-03-30T06:00:00+02:00". */
export function isoWithOffset(date: Date): string {
  return `${localInputOf(date)}:${pad(date.getSeconds())}${offsetOf(date)}`;
}

export type LocalTimeReading =
  /** `iso` is null for an empty field; `shifted` says the clock skipped the time typed (DST gap). */
  | { ok: true; iso: string | null; shifted: boolean }
  | { ok: false; message: string };

/**
 * Reads a datetime-local value as the local time it names. An empty field is "no time". A time the
 * clocks skip when they go forward (02:30 on the night summer time starts) does not exist; it is
 * read as the moment the clock shows after the jump, the way the system's own clock would, and
 * `shifted` lets the form say so. A time that occurs twice when clocks go back is read as the
 * first of the two.
 */
export function isoOfLocalInput(value: string): LocalTimeReading {
  const text = value.trim();
  if (text === '') return { ok: true, iso: null, shifted: false };
  const match = LOCAL_INPUT.exec(text);
  if (!match) return { ok: false, message: 'Give a date and a time, e.g. 2025-06-01 06:00.' };
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hours > 23 || minutes > 59 || seconds > 59) {
    return { ok: false, message: 'That date or time does not exist.' };
  }
  const date = new Date(year, month - 1, day, hours, minutes, seconds);
  // The Date constructor rolls 31 April over into May; the calendar has no such day.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
    return { ok: false, message: 'That date does not exist.' };
  }
  const shifted = date.getHours() !== hours || date.getMinutes() !== minutes;
  return { ok: true, iso: isoWithOffset(date), shifted };
}

/** "UTC+02:00", or "UTC" when there is no offset. */
export function utcOffsetLabel(at: Date): string {
  const offset = offsetOf(at);
  return offset === '+00:00' ? 'UTC' : `UTC${offset}`;
}

/** The system's zone by name ("Europe/Berlin"), or "UTC". */
export function zoneName(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && zone !== 'Etc/UTC' ? zone : 'UTC';
}

/** The zone with its offset at that moment, as the dialog names it: "Europe/Berlin (UTC+02:00)". */
export function zoneLabel(at: Date = new Date()): string {
  const zone = zoneName();
  const utc = utcOffsetLabel(at);
  return zone === 'UTC' ? utc : `${zone} (${utc})`;
}

/** A quick choice: an hour from now, on the next whole five minutes (schedules read better round). */
export function inOneHour(now: Date): Date {
  const later = new Date(now.getTime() + 60 * 60 * 1000);
  later.setSeconds(0, 0);
  const rest = later.getMinutes() % 5;
  if (rest !== 0) later.setMinutes(later.getMinutes() + 5 - rest);
  return later;
}

/** A quick choice: tomorrow at `hour`:00 local time (the morning slot of a news site). */
export function tomorrowAt(now: Date, hour: number): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, hour, 0, 0, 0);
}

const READABLE: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' };

/**
 * "Sat, 1 Jun 2025, 06:00 (UTC+02:00)" for notes under the fields; '' for no time. The offset is
 * that of the day itself: a June schedule made in January is in summer time.
 */
export function readableTime(iso: string | null): string {
  if (!iso) return '';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const date = new Date(at);
  // A formatter made now, not at load: it must use the zone the Date methods use at this moment.
  return `${new Intl.DateTimeFormat(undefined, READABLE).format(date)} (${utcOffsetLabel(date)})`;
}
