/**
 * The "As of" field of the feed preview: a datetime-local value (local wall time, minutes) and back.
 * The browser's own parser is not used for the value because "YYYY-MM-DDTHH:mm" without an offset
 * has been read as UTC by some engines; the parts are read here and given to the local calendar.
 */

const pad = (n: number): string => String(n).padStart(2, '0');

/** Epoch milliseconds → "2025-03-14T09:30" in local time. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "2025-03-14T09:30" (seconds allowed) → epoch milliseconds in local time; null when it is not a time. */
export function fromLocalInput(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const date = new Date(year, month - 1, day, hour, minute, second);
  // new Date rolls 31 February over into March: such a value is not a real time.
  if (date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date.getTime();
}

