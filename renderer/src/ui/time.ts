const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const sameYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const otherYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const precise = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** "just now", "5 minutes ago", "3 hours ago", then a date: how a desk talks about last changes. */
export function formatUpdated(iso: string, now = Date.now()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((now - then) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return relative.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 12) return relative.format(-hours, 'hour');
  const date = new Date(then);
  return date.getFullYear() === new Date(now).getFullYear() ? sameYear.format(date) : otherYear.format(date);
}

export function formatFull(iso: string): string {
  const then = Date.parse(iso);
  return Number.isNaN(then) ? iso : full.format(new Date(then));
}

/** With seconds: revisions saved in the same minute must still be told apart. */
export function formatPrecise(iso: string): string {
  const then = Date.parse(iso);
  return Number.isNaN(then) ? iso : precise.format(new Date(then));
}

export function formatClock(iso: string): string {
  const then = Date.parse(iso);
  return Number.isNaN(then) ? '' : clock.format(new Date(then));
}

const count = new Intl.NumberFormat();
export function formatWords(words: number): string {
  return `${count.format(words)} ${words === 1 ? 'word' : 'words'}`;
}
