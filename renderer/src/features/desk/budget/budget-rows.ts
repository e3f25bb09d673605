import type { BudgetEntry } from '../../../../../shared/desk/budget';

/**
 * The budget's day as the view lists it: one group per section (alphabetical, "No section" last),
 * each story in slot order (stories without a slot after those with one, then by headline).
 * A story belongs to the day it is due, or, without a due time, to the day it last changed.
 */
export interface BudgetRow {
  entry: BudgetEntry;
  /** Words written against the target, 0–1+ (null without a target). */
  progress: number | null;
}

export interface BudgetSection {
  section: string;
  rows: BudgetRow[];
}

/** The local calendar day of an ISO time, as YYYY-MM-DD. */
export function localDay(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The first moment of a local calendar day, in ms (a day whose midnight a clock change skips starts when it resumes). */
function localMidnight(year: number, monthIndex: number, date: number): number {
  const midnight = new Date(0);
  midnight.setFullYear(year, monthIndex, date);
  midnight.setHours(0, 0, 0, 0);
  return midnight.getTime();
}

/**
 * The local calendar day `day` (YYYY-MM-DD) as the span of times in it, [start, end) in ms: a
 * story's time is then placed by comparing numbers, not by working out its local date (a time
 * zone conversion and a new string for each of hundreds of stories).
 */
function daySpan(day: string): [number, number] {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return [localMidnight(year, month - 1, date), localMidnight(year, month - 1, date + 1)];
}

const NO_SECTION = 'No section';

// One collator, made as the module loads: localeCompare looks one up on every call, and the first
// lookup of a page loads the locale's collation data, in the budget's first render otherwise.
const TEXT = new Intl.Collator();

function compareRows(a: BudgetEntry, b: BudgetEntry): number {
  const slotA = a.plan?.slot?.time ?? '99:99';
  const slotB = b.plan?.slot?.time ?? '99:99';
  if (slotA !== slotB) return slotA < slotB ? -1 : 1;
  const feed = TEXT.compare(a.plan?.slot?.feed ?? '', b.plan?.slot?.feed ?? '');
  return feed !== 0 ? feed : TEXT.compare(a.headline, b.headline);
}

export function budgetSections(entries: readonly BudgetEntry[], day: string): BudgetSection[] {
  const groups = new Map<string, BudgetEntry[]>();
  const [start, end] = daySpan(day);
  for (const entry of entries) {
    const time = Date.parse(entry.plan?.due ?? entry.updated);
    if (!(time >= start && time < end)) continue;
    const section = entry.section.trim() || NO_SECTION;
    const list = groups.get(section);
    if (list) list.push(entry);
    else groups.set(section, [entry]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === NO_SECTION ? 1 : b === NO_SECTION ? -1 : TEXT.compare(a, b)))
    .map(([section, list]) => ({
      section,
      rows: list.sort(compareRows).map((entry) => ({
        entry,
        progress: entry.plan && entry.plan.lengthTarget > 0 ? entry.words / entry.plan.lengthTarget : null,
      })),
    }));
}

/**
 * Whether two rows show the same: every budget read brings new objects for every story, and
 * comparing their contents costs far less than rendering hundreds of unchanged rows again.
 */
export function sameRow(a: BudgetRow, b: BudgetRow): boolean {
  return a === b || (a.progress === b.progress && (a.entry === b.entry || JSON.stringify(a.entry) === JSON.stringify(b.entry)));
}

/** The first `limit` rows of the day, section by section (sections past it are left out). */
export function firstRows(sections: readonly BudgetSection[], limit: number): BudgetSection[] {
  const shown: BudgetSection[] = [];
  let left = limit;
  for (const section of sections) {
    if (left <= 0) break;
    shown.push(section.rows.length <= left ? section : { section: section.section, rows: section.rows.slice(0, left) });
    left -= section.rows.length;
  }
  return shown;
}

/** "420 / 600" (or "420" without a target), as the length column shows it. */
// One formatter for every row: toLocaleString builds a new one per call, which a day of 500 stories feels.
const NUMBER = new Intl.NumberFormat('en');

export function lengthText(entry: BudgetEntry): string {
  const target = entry.plan?.lengthTarget ?? 0;
  const words = NUMBER.format(entry.words);
  return target > 0 ? `${words} / ${NUMBER.format(target)}` : words;
}

export const PHOTO_LABELS: Record<BudgetEntry['photo'], string> = { none: '—', wanted: 'Photo wanted', ready: 'Photo ready' };

/** The status column's words (the article's statuses; others as the desk sent them). */
export function statusText(status: string): string {
  return ({ draft: 'Draft', ready: 'Ready for review', approved: 'Approved' } as Record<string, string>)[status] ?? (status || 'Draft');
}

/** A datetime-local value ("2026-12-07T14:00") as ISO 8601 with this machine's offset, '' for none. */
export function dueFromLocal(value: string): string {
  if (value.trim() === '') return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = (n: number): string => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  return `${value.length === 16 ? `${value}:00` : value}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}
