import { describe, expect, it } from 'vitest';
import { DEFAULT_FEEDS, type Feed } from '../../../shared/model/feed';
import { Board, EMPTY_BOARD, itemKey, type ItemRef, type Placement } from '../../../shared/model/placement';
import {
  PlacementError,
  boardStatus,
  feedPages,
  feedsOfItem,
  itemLabel,
  liveEntries,
  moveItem,
  pinConflicts,
  placeItem,
  removeFromFeed,
  setPinned,
  setTiming,
  timingProblems,
} from '../../../shared/rules/placement';

const news: Feed = DEFAULT_FEEDS[0]!; // both kinds
const video: Feed = DEFAULT_FEEDS[1]!; // video only
const opinion: Feed = DEFAULT_FEEDS[2]!; // articles only

const article = (n: number): ItemRef => ({ kind: 'article', id: `article-${String(n).padStart(4, '0')}` });
const clip = (n: number): ItemRef => ({ kind: 'video', id: `video-id-${String(n).padStart(4, '0')}` });
const key = (ref: ItemRef) => itemKey(ref);

/** The keys of a feed in order, pinned ones marked with a star. */
function order(board: Board, feedId: string): string[] {
  return (board.feeds[feedId] ?? []).map((entry) => `${entry.pinned ? '*' : ''}${entry.key.slice(entry.key.length - 4)}`);
}

function boardWith(feed: Feed, ...refs: ItemRef[]): Board {
  return refs.reduce((board, ref) => placeItem(board, ref, feed), EMPTY_BOARD);
}

/** Deep-frozen, so a rule that mutated its input would throw. */
function frozen<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
}

const T = (iso: string) => Date.parse(iso);

describe('placing and moving items', () => {
  it('places at the end by default and at an index when given, with a timing for each new item', () => {
    let board = boardWith(news, article(1), article(2));
    board = placeItem(board, article(3), news, 1);
    expect(order(board, 'news-feed')).toEqual(['0001', '0003', '0002']);
    expect(board.placements[key(article(3))]).toMatchObject({ item: article(3), publish: { mode: 'now' }, embargoUntil: null, expiresAt: null, delivery: 'none' });
    expect(Board.safeParse(board).success).toBe(true);
  });

  it('clamps an index out of range to the ends, and keeps new unpinned items below pinned ones', () => {
    let board = setPinned(boardWith(news, article(1), article(2)), key(article(2)), 'news-feed', true);
    expect(order(board, 'news-feed')).toEqual(['*0002', '0001']);
    board = placeItem(board, article(3), news, 0);
    expect(order(board, 'news-feed')).toEqual(['*0002', '0003', '0001']);
    board = placeItem(board, article(4), news, 1_000_000);
    expect(order(board, 'news-feed')).toEqual(['*0002', '0003', '0001', '0004']);
    board = placeItem(board, article(5), news, -3);
    expect(order(board, 'news-feed')).toEqual(['*0002', '0005', '0003', '0001', '0004']);
  });

  it('refuses an item already in the feed', () => {
    const board = boardWith(news, article(1));
    expect(() => placeItem(board, article(1), news)).toThrow(PlacementError);
    expect(() => placeItem(board, article(1), news)).toThrow(/already in “News Feed”/);
  });

  it('moves within a feed to an index counted without the item', () => {
    const board = boardWith(news, article(1), article(2), article(3), article(4));
    expect(order(moveItem(board, key(article(1)), 'news-feed', news, 2), 'news-feed')).toEqual(['0002', '0003', '0001', '0004']);
    expect(order(moveItem(board, key(article(4)), 'news-feed', news, 0), 'news-feed')).toEqual(['0004', '0001', '0002', '0003']);
    expect(order(moveItem(board, key(article(2)), 'news-feed', news, 99), 'news-feed')).toEqual(['0001', '0003', '0004', '0002']);
  });

  it('keeps a pinned item on top when another is dragged above it', () => {
    let board = boardWith(news, article(1), article(2), article(3));
    board = setPinned(board, key(article(2)), 'news-feed', true);
    board = moveItem(board, key(article(3)), 'news-feed', news, 0);
    expect(order(board, 'news-feed')).toEqual(['*0002', '0003', '0001']);
    // and a pinned item dragged down stays among the pinned
    board = moveItem(board, key(article(2)), 'news-feed', news, 2);
    expect(order(board, 'news-feed')).toEqual(['*0002', '0003', '0001']);
  });

  it('moves between feeds, arriving unpinned at the index, and keeps the timing', () => {
    let board = boardWith(news, article(1), article(2));
    board = placeItem(board, article(3), opinion);
    board = setPinned(board, key(article(1)), 'news-feed', true);
    board = setTiming(board, key(article(1)), { publish: { mode: 'scheduled', at: '2030-01-01T10:00:00.000Z' }, embargoUntil: null, expiresAt: null });
    const moved = moveItem(board, key(article(1)), 'news-feed', opinion, 0);
    expect(order(moved, 'news-feed')).toEqual(['0002']);
    expect(order(moved, 'opinion')).toEqual(['0001', '0003']);
    expect(moved.placements[key(article(1))]?.publish).toEqual({ mode: 'scheduled', at: '2030-01-01T10:00:00.000Z' });
    expect(feedsOfItem(moved, key(article(1)), ['news-feed', 'video', 'opinion'])).toEqual(['opinion']);
  });

  it('refuses a move of an item that is not in the source feed, or into a feed that already has it', () => {
    let board = boardWith(news, article(1));
    board = placeItem(board, article(1), opinion);
    expect(() => moveItem(board, key(article(9)), 'news-feed', opinion, 0)).toThrow(/no longer in this feed/);
    expect(() => moveItem(board, key(article(1)), 'news-feed', opinion, 0)).toThrow(/already in “Opinion”/);
  });

  it('removes an item from one feed, and drops its timing only when it is in no feed at all', () => {
    let board = boardWith(news, article(1), article(2));
    board = placeItem(board, article(1), opinion);
    board = removeFromFeed(board, key(article(1)), 'news-feed');
    expect(order(board, 'news-feed')).toEqual(['0002']);
    expect(board.placements[key(article(1))]).toBeDefined();
    board = removeFromFeed(board, key(article(1)), 'opinion');
    expect(board.placements[key(article(1))]).toBeUndefined();
    expect(Object.keys(board.placements)).toEqual([key(article(2))]);
  });
});

describe('feed kinds and archived feeds', () => {
  it('takes only the kinds a feed accepts', () => {
    expect(() => placeItem(EMPTY_BOARD, article(1), video)).toThrow(/takes video items only/);
    expect(() => placeItem(EMPTY_BOARD, clip(1), opinion)).toThrow(/takes articles only/);
    const both = placeItem(placeItem(EMPTY_BOARD, article(1), news), clip(1), news);
    expect(order(both, 'news-feed')).toEqual(['0001', '0001']);
    expect(() => moveItem(both, key(clip(1)), 'news-feed', opinion, 0)).toThrow(/takes articles only/);
    expect(() => moveItem(both, key(article(1)), 'news-feed', video, 0)).toThrow(/takes video items only/);
  });

  it('refuses placing into or moving into an archived feed', () => {
    const archived: Feed = { ...opinion, archived: true };
    expect(() => placeItem(EMPTY_BOARD, article(1), archived)).toThrow(/archived/);
    const board = boardWith(news, article(1));
    expect(() => moveItem(board, key(article(1)), 'news-feed', archived, 0)).toThrow(/archived/);
  });
});

describe('pins', () => {
  it('pins to the top and unpins to the first place below the pinned', () => {
    let board = boardWith(news, article(1), article(2), article(3));
    board = setPinned(board, key(article(3)), 'news-feed', true);
    expect(order(board, 'news-feed')).toEqual(['*0003', '0001', '0002']);
    board = setPinned(board, key(article(3)), 'news-feed', false);
    expect(order(board, 'news-feed')).toEqual(['0003', '0001', '0002']);
    expect(setPinned(board, key(article(3)), 'news-feed', false)).toBe(board);
  });

  it('flags two pinned items in one feed, and only then', () => {
    let board = boardWith(news, article(1), article(2), article(3));
    board = setPinned(board, key(article(1)), 'news-feed', true);
    expect(pinConflicts(board, 'news-feed')).toEqual([]);
    board = setPinned(board, key(article(3)), 'news-feed', true);
    expect(pinConflicts(board, 'news-feed').sort()).toEqual([key(article(1)), key(article(3))].sort());
    expect(order(board, 'news-feed').slice(0, 2).every((entry) => entry.startsWith('*'))).toBe(true);
    expect(pinConflicts(board, 'opinion')).toEqual([]);
  });

  it('refuses to pin an item that is not in the feed', () => {
    expect(() => setPinned(boardWith(news, article(1)), key(article(2)), 'news-feed', true)).toThrow(PlacementError);
  });
});

describe('timing: schedule, embargo and expiry', () => {
  const board = boardWith(news, article(1));
  const k = key(article(1));
  const scheduled = (at: string) => ({ mode: 'scheduled' as const, at });

  it('refuses scheduling before the embargo, and allows at or after it', () => {
    const embargoUntil = '2030-03-01T12:00:00.000Z';
    expect(() => setTiming(board, k, { publish: scheduled('2030-03-01T11:59:00.000Z'), embargoUntil, expiresAt: null })).toThrow(/before its embargo/);
    expect(setTiming(board, k, { publish: scheduled(embargoUntil), embargoUntil, expiresAt: null }).placements[k]).toMatchObject({ embargoUntil });
    expect(setTiming(board, k, { publish: scheduled('2030-03-02T08:00:00.000Z'), embargoUntil, expiresAt: null }).placements[k]?.publish).toEqual(
      scheduled('2030-03-02T08:00:00.000Z'),
    );
    // "publish now" under an embargo is allowed: it simply waits for the embargo
    expect(timingProblems({ publish: { mode: 'now' }, embargoUntil, expiresAt: null })).toEqual([]);
  });

  it('compares instants, not the text of the times', () => {
    // 13:30+02:00 is 11:30Z, before a 12:00Z embargo, although "13" > "12"
    expect(timingProblems({ publish: scheduled('2030-03-01T13:30:00+02:00'), embargoUntil: '2030-03-01T12:00:00Z', expiresAt: null })).toHaveLength(1);
  });

  it('refuses an expiry at or before the time the item goes live', () => {
    expect(() => setTiming(board, k, { publish: scheduled('2030-03-01T12:00:00.000Z'), embargoUntil: null, expiresAt: '2030-03-01T12:00:00.000Z' })).toThrow(/expire before it goes live/);
    expect(() =>
      setTiming(board, k, { publish: { mode: 'now' }, embargoUntil: '2030-03-05T00:00:00.000Z', expiresAt: '2030-03-04T00:00:00.000Z' }),
    ).toThrow(/expire before it goes live/);
    expect(setTiming(board, k, { publish: scheduled('2030-03-01T12:00:00.000Z'), embargoUntil: null, expiresAt: '2030-03-02T12:00:00.000Z' }).placements[k]?.expiresAt).toBe(
      '2030-03-02T12:00:00.000Z',
    );
  });

  it('refuses timing for an item that is not placed', () => {
    expect(() => setTiming(board, key(article(7)), { publish: { mode: 'now' }, embargoUntil: null, expiresAt: null })).toThrow(/not placed/);
  });

  it('shows readers only live items: not scheduled-in-future, not embargoed, not expired', () => {
    let b = boardWith(news, article(1), article(2), article(3), article(4));
    b = setTiming(b, key(article(2)), { publish: scheduled('2030-06-01T09:00:00.000Z'), embargoUntil: null, expiresAt: null });
    b = setTiming(b, key(article(3)), { publish: { mode: 'now' }, embargoUntil: null, expiresAt: '2030-05-01T00:00:00.000Z' });
    b = setTiming(b, key(article(4)), { publish: { mode: 'now' }, embargoUntil: '2030-05-15T00:00:00.000Z', expiresAt: null });
    const keysAt = (iso: string) => liveEntries(b, 'news-feed', T(iso)).map((entry) => entry.key.slice(-4));
    expect(keysAt('2030-04-30T00:00:00.000Z')).toEqual(['0001', '0003']);
    expect(keysAt('2030-05-01T00:00:00.000Z')).toEqual(['0001']); // expires at that instant
    expect(keysAt('2030-05-20T00:00:00.000Z')).toEqual(['0001', '0004']);
    expect(keysAt('2030-06-01T09:00:00.000Z')).toEqual(['0001', '0002', '0004']);
  });
});

describe('boardStatus', () => {
  const now = T('2030-01-10T12:00:00.000Z');
  const base: Placement = { item: article(1), publish: { mode: 'now' }, embargoUntil: null, expiresAt: null, delivery: 'none', publishedAt: null };

  it('names each status a card can show', () => {
    expect(boardStatus(base, { status: 'draft' }, now)).toBe('draft');
    expect(boardStatus(base, undefined, now)).toBe('draft');
    expect(boardStatus(base, { status: 'ready' }, now)).toBe('ready');
    expect(boardStatus(base, { status: 'approved' }, now)).toBe('ready');
    expect(boardStatus({ ...base, publish: { mode: 'scheduled', at: '2030-01-11T00:00:00.000Z' } }, { status: 'ready' }, now)).toBe('scheduled');
    expect(boardStatus({ ...base, embargoUntil: '2030-01-11T00:00:00.000Z' }, { status: 'ready' }, now)).toBe('scheduled');
    expect(boardStatus({ ...base, delivery: 'queued' }, { status: 'ready' }, now)).toBe('queued');
    expect(boardStatus({ ...base, delivery: 'published', publishedAt: '2030-01-09T00:00:00.000Z' }, { status: 'ready' }, now)).toBe('published');
    expect(boardStatus({ ...base, delivery: 'published', expiresAt: '2030-01-10T11:00:00.000Z' }, { status: 'ready' }, now)).toBe('expired');
  });
});

describe('paging and labels', () => {
  it('pages a feed for "Show More"', () => {
    const items = Array.from({ length: 25 }, (_, i) => i);
    expect(feedPages(items, 10, 1)).toEqual({ shown: items.slice(0, 10), hasMore: true });
    expect(feedPages(items, 10, 3)).toEqual({ shown: items, hasMore: false });
    expect(feedPages(items, 25, 1).hasMore).toBe(false);
  });

  it('labels items with the feed label, and video items "Video"', () => {
    expect(itemLabel(news, 'article')).toBe('News Feed');
    expect(itemLabel(news, 'video')).toBe('Video');
  });
});

describe('immutability', () => {
  it('never changes the board it is given', () => {
    let start = boardWith(news, article(1), article(2), clip(1));
    start = placeItem(start, article(3), opinion);
    const snapshot = structuredClone(start);
    const input = frozen(start);
    const results = [
      placeItem(input, article(4), news, 0),
      moveItem(input, key(article(1)), 'news-feed', news, 2),
      moveItem(input, key(article(2)), 'news-feed', opinion, 0),
      removeFromFeed(input, key(article(1)), 'news-feed'),
      setPinned(input, key(article(2)), 'news-feed', true),
      setTiming(input, key(article(1)), { publish: { mode: 'now' }, embargoUntil: null, expiresAt: '2031-01-01T00:00:00.000Z' }),
    ];
    expect(input).toEqual(snapshot);
    for (const result of results) expect(result).not.toBe(input);
  });
});
