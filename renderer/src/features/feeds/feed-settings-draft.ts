import { feedIdFor, type Feed, type FeedKind } from '../../../../shared/model/feed';

/**
 * The feed list as the settings dialog edits it. Pure functions, so the rules (ids, order,
 * validation) are tested without a page. A row's `key` is stable while it is edited and moved;
 * new feeds get their id from their final name only when saved.
 */

export interface FeedRow {
  key: string;
  /** The stored id; null for a feed added in this dialog. */
  id: string | null;
  name: string;
  label: string;
  kind: FeedKind;
  /** As typed, so "1" on the way to "12" is not refused mid-typing. */
  pageSize: string;
  archived: boolean;
}

export type RowErrors = Partial<Record<'name' | 'label' | 'pageSize', string>>;

export function rowsOf(feeds: readonly Feed[]): FeedRow[] {
  return feeds.map((feed) => ({ key: feed.id, id: feed.id, name: feed.name, label: feed.label, kind: feed.kind, pageSize: String(feed.pageSize), archived: feed.archived }));
}

let nextNewKey = 0;
export function newRow(): FeedRow {
  nextNewKey += 1;
  return { key: `new-${nextNewKey}`, id: null, name: '', label: '', kind: 'articles', pageSize: '10', archived: false };
}

/** A new name; the label follows the name while the two were the same (as a new feed's are). */
export function renamed(row: FeedRow, name: string): FeedRow {
  return { ...row, name, label: row.label === row.name ? name : row.label };
}

/** Moves a feed one place up or down among the feeds that are not archived (the board's columns). */
export function moved(rows: readonly FeedRow[], key: string, direction: -1 | 1): FeedRow[] {
  const at = rows.findIndex((row) => row.key === key);
  if (at < 0 || rows[at]!.archived) return [...rows];
  let other = at + direction;
  while (other >= 0 && other < rows.length && rows[other]!.archived) other += direction;
  if (other < 0 || other >= rows.length) return [...rows];
  const next = [...rows];
  [next[at], next[other]] = [next[other]!, next[at]!];
  return next;
}

/** Archives or restores a feed; it keeps its place, so a restored column comes back where it was. */
export function archived(rows: readonly FeedRow[], key: string, archive: boolean): FeedRow[] {
  return rows.map((row) => (row.key === key ? { ...row, archived: archive } : row));
}

/** "12" → 12; anything but a whole number from 1 to 100 → null. */
export function pageSizeOf(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const size = Number(trimmed);
  return size >= 1 && size <= 100 ? size : null;
}

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** What is wrong with each row, by key; rows without problems are left out. */
export function rowErrors(rows: readonly FeedRow[]): Map<string, RowErrors> {
  const errors = new Map<string, RowErrors>();
  rows.forEach((row, index) => {
    const found: RowErrors = {};
    if (row.name.trim() === '') found.name = 'The feed needs a name.';
    else if (row.name.trim().length > 80) found.name = 'Keep the name under 80 characters.';
    else if (rows.some((other, at) => at < index && sameName(other.name, row.name))) found.name = `Another feed is already called “${row.name.trim()}”.`;
    if (row.label.trim() === '') found.label = 'The feed needs a label for readers.';
    else if (row.label.trim().length > 80) found.label = 'Keep the label under 80 characters.';
    if (pageSizeOf(row.pageSize) === null) found.pageSize = 'A page holds 1 to 100 items.';
    if (Object.keys(found).length > 0) errors.set(row.key, found);
  });
  return errors;
}

/** The feed list to save, with ids for the new feeds; call only when rowErrors is empty. */
export function feedsOf(rows: readonly FeedRow[]): Feed[] {
  const taken = rows.flatMap((row) => (row.id ? [row.id] : []));
  return rows.map((row) => {
    const id = row.id ?? feedIdFor(row.name, taken);
    if (!row.id) taken.push(id);
    return { id, name: row.name.trim(), label: row.label.trim(), kind: row.kind, pageSize: pageSizeOf(row.pageSize) ?? 10, archived: row.archived };
  });
}

/** Whether the rows say anything different from the stored feeds. */
export function rowsChanged(rows: readonly FeedRow[], feeds: readonly Feed[]): boolean {
  return JSON.stringify(rows.map(({ key: _key, ...row }) => row)) !== JSON.stringify(rowsOf(feeds).map(({ key: _key, ...row }) => row));
}
