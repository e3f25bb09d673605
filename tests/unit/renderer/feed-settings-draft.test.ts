import { describe, expect, it } from 'vitest';
import { DEFAULT_FEEDS, FeedList, type Feed } from '../../../shared/model/feed';
import {
  archived,
  feedsOf,
  moved,
  newRow,
  pageSizeOf,
  renamed,
  rowErrors,
  rowsChanged,
  rowsOf,
  type FeedRow,
} from '../../../renderer/src/features/feeds/feed-settings-draft';

// The feed settings dialog edits rows; these rules decide ids, order and what may be saved.

const SPORT: Feed = { id: 'sport', name: 'Sport', label: 'Sport', kind: 'articles', pageSize: 8, archived: true };
const FEEDS: Feed[] = [DEFAULT_FEEDS[0]!, SPORT, DEFAULT_FEEDS[1]!, DEFAULT_FEEDS[2]!];
const keys = (rows: readonly FeedRow[]) => rows.map((row) => row.key);

describe('rows of the stored feeds', () => {
  it('keep id, texts, kind, page size (as text) and archived state, keyed by id', () => {
    const rows = rowsOf(FEEDS);
    expect(rows[1]).toEqual({ key: 'sport', id: 'sport', name: 'Sport', label: 'Sport', kind: 'articles', pageSize: '8', archived: true });
    expect(keys(rows)).toEqual(['news-feed', 'sport', 'video', 'opinion']);
  });

  it('save back to the same feeds, and count as unchanged', () => {
    const rows = rowsOf(FEEDS);
    expect(feedsOf(rows)).toEqual(FEEDS);
    expect(rowsChanged(rows, FEEDS)).toBe(false);
  });
});

describe('newRow', () => {
  it('is an empty articles feed of 10 with a key of its own and no id yet', () => {
    const a = newRow();
    const b = newRow();
    expect(a).toMatchObject({ id: null, name: '', label: '', kind: 'articles', pageSize: '10', archived: false });
    expect(a.key).not.toBe(b.key);
    expect(keys(rowsOf(FEEDS))).not.toContain(a.key);
  });
});

describe('renamed', () => {
  it('carries the label along while it was the same as the name', () => {
    let row = newRow();
    for (const name of ['C', 'Cu', 'Culture']) row = renamed(row, name);
    expect(row).toMatchObject({ name: 'Culture', label: 'Culture' });
  });

  it('leaves a label of its own alone', () => {
    const row = { ...rowsOf(FEEDS)[3]!, label: 'Comment' };
    expect(renamed(row, 'Opinion and comment')).toMatchObject({ name: 'Opinion and comment', label: 'Comment', id: 'opinion' });
  });
});

describe('moved', () => {
  const rows = rowsOf(FEEDS);

  it('swaps with the neighbouring column, stepping over archived feeds', () => {
    // Video moves up past the archived Sport to change places with News Feed.
    expect(keys(moved(rows, 'video', -1))).toEqual(['video', 'sport', 'news-feed', 'opinion']);
    expect(keys(moved(rows, 'news-feed', 1))).toEqual(['video', 'sport', 'news-feed', 'opinion']);
    expect(keys(moved(rows, 'video', 1))).toEqual(['news-feed', 'sport', 'opinion', 'video']);
  });

  it('keeps the order at either end, for an archived feed and for an unknown key', () => {
    expect(keys(moved(rows, 'news-feed', -1))).toEqual(keys(rows));
    expect(keys(moved(rows, 'opinion', 1))).toEqual(keys(rows));
    expect(keys(moved(rows, 'sport', 1))).toEqual(keys(rows));
    expect(keys(moved(rows, 'nowhere', 1))).toEqual(keys(rows));
  });

  it('returns a new list and leaves the given one alone', () => {
    const before = keys(rows);
    const unchanged = moved(rows, 'news-feed', -1);
    expect(unchanged).not.toBe(rows);
    moved(rows, 'video', -1);
    expect(keys(rows)).toEqual(before);
  });
});

describe('archived', () => {
  it('archives and restores a feed in its place', () => {
    const rows = rowsOf(FEEDS);
    const gone = archived(rows, 'video', true);
    expect(keys(gone)).toEqual(keys(rows));
    expect(gone.find((row) => row.key === 'video')!.archived).toBe(true);
    expect(rows.find((row) => row.key === 'video')!.archived).toBe(false);
    const back = archived(gone, 'video', false);
    expect(back).toEqual(rows);
    expect(rowsChanged(back, FEEDS)).toBe(false);
    expect(rowsChanged(gone, FEEDS)).toBe(true);
  });

  it('changes what moves: an archived feed is stepped over', () => {
    const rows = archived(rowsOf(FEEDS), 'video', true);
    expect(keys(moved(rows, 'opinion', -1))).toEqual(['opinion', 'sport', 'video', 'news-feed']);
  });
});

describe('pageSizeOf', () => {
  it('reads whole numbers from 1 to 100, spaces around allowed', () => {
    expect(pageSizeOf('1')).toBe(1);
    expect(pageSizeOf(' 12 ')).toBe(12);
    expect(pageSizeOf('100')).toBe(100);
    expect(pageSizeOf('007')).toBe(7);
  });

  it('refuses anything else', () => {
    for (const text of ['', ' ', '0', '101', '1000', '-5', '2.5', '1e2', '12a', '１２', 'ten']) expect(pageSizeOf(text), text).toBeNull();
  });
});

describe('rowErrors', () => {
  const valid = (): FeedRow => ({ ...newRow(), name: 'Culture', label: 'Culture' });

  it('has nothing to say about valid rows', () => {
    expect(rowErrors(rowsOf(FEEDS)).size).toBe(0);
    expect(rowErrors([...rowsOf(FEEDS), valid()]).size).toBe(0);
  });

  it('asks for a name and a label', () => {
    const row = { ...newRow(), name: '  ', label: '' };
    expect(rowErrors([row]).get(row.key)).toEqual({ name: 'The feed needs a name.', label: 'The feed needs a label for readers.' });
  });

  it('keeps names and labels under 80 characters', () => {
    const row = { ...valid(), name: 'N'.repeat(81), label: 'L'.repeat(81) };
    expect(rowErrors([row]).get(row.key)).toEqual({ name: 'Keep the name under 80 characters.', label: 'Keep the label under 80 characters.' });
    expect(rowErrors([{ ...row, name: 'N'.repeat(80), label: ` ${'L'.repeat(80)} ` }]).size).toBe(0);
  });

  it('flags the second of two feeds with the same name, whatever the case and spaces', () => {
    const copy = { ...valid(), name: ' opinion ', label: 'Opinion' };
    const errors = rowErrors([...rowsOf(FEEDS), copy]);
    expect(errors.get(copy.key)).toEqual({ name: 'Another feed is already called “opinion”.' });
    expect(errors.has('opinion')).toBe(false);
  });

  it('counts archived feeds when looking for a name already taken', () => {
    const copy = { ...valid(), name: 'SPORT', label: 'Sport' };
    expect(rowErrors([...rowsOf(FEEDS), copy]).get(copy.key)?.name).toBe('Another feed is already called “SPORT”.');
  });

  it('explains the page size', () => {
    const row = { ...valid(), pageSize: '0' };
    expect(rowErrors([row]).get(row.key)).toEqual({ pageSize: 'A page holds 1 to 100 items.' });
  });
});

describe('feedsOf', () => {
  it('gives new feeds an id from their final name, unique among the others', () => {
    const culture = { ...renamed(newRow(), ' Culture & Arts '), kind: 'both' as const, pageSize: ' 6 ' };
    const secondSport = { ...newRow(), name: 'Sport', label: 'Sport today' };
    const thirdSport = { ...newRow(), name: 'Sport!', label: 'More sport' };
    const feeds = feedsOf([...rowsOf(FEEDS), culture, secondSport, thirdSport]);
    expect(feeds.slice(4)).toEqual([
      { id: 'culture-arts', name: 'Culture & Arts', label: 'Culture & Arts', kind: 'both', pageSize: 6, archived: false },
      { id: 'sport-2', name: 'Sport', label: 'Sport today', kind: 'articles', pageSize: 10, archived: false },
      { id: 'sport-3', name: 'Sport!', label: 'More sport', kind: 'articles', pageSize: 10, archived: false },
    ]);
    expect(FeedList.safeParse(feeds).success).toBe(true);
  });

  it('keeps the stored id of a renamed feed, so its placements stay with it', () => {
    const rows = rowsOf(FEEDS).map((row) => (row.key === 'opinion' ? renamed(row, 'Comment') : row));
    expect(feedsOf(rows)[3]).toMatchObject({ id: 'opinion', name: 'Comment', label: 'Comment' });
  });

  it('saves the order the rows are in', () => {
    const rows = moved(rowsOf(FEEDS), 'opinion', -1);
    expect(feedsOf(rows).map((feed) => feed.id)).toEqual(['news-feed', 'sport', 'opinion', 'video']);
  });
});

describe('rowsChanged', () => {
  it('notices each kind of edit', () => {
    const rows = rowsOf(FEEDS);
    const edit = (patch: Partial<FeedRow>) => rows.map((row) => (row.key === 'opinion' ? { ...row, ...patch } : row));
    expect(rowsChanged(edit({ name: 'Comment' }), FEEDS)).toBe(true);
    expect(rowsChanged(edit({ label: 'Comment' }), FEEDS)).toBe(true);
    expect(rowsChanged(edit({ kind: 'both' }), FEEDS)).toBe(true);
    expect(rowsChanged(edit({ pageSize: '11' }), FEEDS)).toBe(true);
    expect(rowsChanged(moved(rows, 'opinion', -1), FEEDS)).toBe(true);
    expect(rowsChanged([...rows, newRow()], FEEDS)).toBe(true);
  });

  it('does not count a new key for the same feed as a change', () => {
    const rows = rowsOf(FEEDS).map((row) => ({ ...row, key: `other-${row.key}` }));
    expect(rowsChanged(rows, FEEDS)).toBe(false);
  });
});
