import { afterEach, describe, expect, it } from 'vitest';
import type { Feed } from '../../../shared/model/feed';
import { BOARD_FORMAT, refOfKey, type Board, type FeedEntry, type ItemKey, type Placement } from '../../../shared/model/placement';
import { PlacementError, newPlacement } from '../../../shared/rules/placement';
import { applyChange, sendChange, shareBoard, undoOf, type BoardChange } from '../../../renderer/src/features/feeds/board-changes';

// The board applies each change at once with the shared rules and keeps, for Undo, the changes that
// put the board back. These tests apply a change, then its undo, and expect the board they started from.

const FEEDS: Feed[] = [
  { id: 'news-feed', name: 'News Feed', label: 'News Feed', kind: 'both', pageSize: 10, archived: false },
  { id: 'video', name: 'Video', label: 'Video', kind: 'video', pageSize: 12, archived: false },
  { id: 'opinion', name: 'Opinion', label: 'Opinion', kind: 'articles', pageSize: 10, archived: false },
  { id: 'sport', name: 'Sport', label: 'Sport', kind: 'articles', pageSize: 10, archived: true },
];

const A: ItemKey = 'article:aaaaaaaa01';
const B: ItemKey = 'article:bbbbbbbb02';
const C: ItemKey = 'article:cccccccc03';
const V: ItemKey = 'video:vvvvvvvv04';

const entry = (key: ItemKey, pinned = false): FeedEntry => ({ key, pinned });
const newPlacementFor = (key: ItemKey): Placement => newPlacement(refOfKey(key));

/** News Feed: A (pinned), B, V · Video: V · Opinion: C, A (C has a schedule and an expiry). */
function sampleBoard(): Board {
  const scheduledC: Placement = {
    ...newPlacementFor(C),
    publish: { mode: 'scheduled', at: '2030-05-01T06:00:00+02:00' },
    embargoUntil: '2030-05-01T05:00:00+02:00',
    expiresAt: '2030-06-01T00:00:00+02:00',
  };
  return {
    format: BOARD_FORMAT,
    placements: { [A]: newPlacementFor(A), [B]: newPlacementFor(B), [C]: scheduledC, [V]: newPlacementFor(V) },
    feeds: {
      'news-feed': [entry(A, true), entry(B), entry(V)],
      video: [entry(V)],
      opinion: [entry(C), entry(A)],
    },
  };
}

/** Applies `change`, then its undo, and returns both boards. */
function roundTrip(before: Board, change: BoardChange): { after: Board; undone: Board; undo: BoardChange[] } {
  const after = applyChange(before, FEEDS, change);
  const undo = undoOf(before, change);
  const undone = undo.reduce((board, step) => applyChange(board, FEEDS, step), after);
  return { after, undone, undo };
}

describe('applyChange', () => {
  it('applies each kind of change by the shared rules', () => {
    const board = sampleBoard();
    expect(applyChange(board, FEEDS, { kind: 'place', item: { kind: 'article', id: 'dddddddd05' }, feedId: 'opinion', index: 0 }).feeds.opinion).toEqual([
      entry('article:dddddddd05'),
      entry(C),
      entry(A),
    ]);
    expect(applyChange(board, FEEDS, { kind: 'move', key: B, fromFeedId: 'news-feed', toFeedId: 'opinion', toIndex: 1 }).feeds).toMatchObject({
      'news-feed': [entry(A, true), entry(V)],
      opinion: [entry(C), entry(B), entry(A)],
    });
    expect(applyChange(board, FEEDS, { kind: 'remove', key: B, feedId: 'news-feed' }).placements[B]).toBeUndefined();
    expect(applyChange(board, FEEDS, { kind: 'pin', key: V, feedId: 'news-feed', pinned: true }).feeds['news-feed']).toEqual([entry(V, true), entry(A, true), entry(B)]);
    const timing = { publish: { mode: 'scheduled' as const, at: '2030-01-01T08:00:00Z' }, embargoUntil: null, expiresAt: null };
    expect(applyChange(board, FEEDS, { kind: 'timing', key: B, timing }).placements[B]).toMatchObject(timing);
  });

  it('leaves the board it was given untouched', () => {
    const board = sampleBoard();
    const copy = structuredClone(board);
    applyChange(board, FEEDS, { kind: 'move', key: A, fromFeedId: 'news-feed', toFeedId: 'news-feed', toIndex: 2 });
    applyChange(board, FEEDS, { kind: 'remove', key: C, feedId: 'opinion' });
    expect(board).toEqual(copy);
  });

  it('refuses a feed that is no longer in the settings with a sentence for the editor', () => {
    const change: BoardChange = { kind: 'place', item: { kind: 'article', id: 'dddddddd05' }, feedId: 'gone' };
    expect(() => applyChange(sampleBoard(), FEEDS, change)).toThrow(PlacementError);
    expect(() => applyChange(sampleBoard(), FEEDS, change)).toThrow('That feed is no longer in the settings; the board has been refreshed.');
    expect(() => applyChange(sampleBoard(), FEEDS, { kind: 'move', key: B, fromFeedId: 'news-feed', toFeedId: 'gone', toIndex: 0 })).toThrow(PlacementError);
  });

  it('passes on the rules’ refusals: wrong kind of feed, archived feed, already there', () => {
    const board = sampleBoard();
    expect(() => applyChange(board, FEEDS, { kind: 'move', key: V, fromFeedId: 'video', toFeedId: 'opinion', toIndex: 0 })).toThrow('“Opinion” takes articles only.');
    expect(() => applyChange(board, FEEDS, { kind: 'place', item: { kind: 'article', id: 'dddddddd05' }, feedId: 'sport' })).toThrow('“Sport” is archived');
    expect(() => applyChange(board, FEEDS, { kind: 'move', key: A, fromFeedId: 'news-feed', toFeedId: 'opinion', toIndex: 0 })).toThrow('already in “Opinion”');
  });
});

describe('undoOf puts the board back', () => {
  it('after placing a new item: removes it, and its timing with it', () => {
    const before = sampleBoard();
    const { after, undone, undo } = roundTrip(before, { kind: 'place', item: { kind: 'article', id: 'dddddddd05' }, feedId: 'news-feed', index: 1 });
    expect(after.placements['article:dddddddd05']).toBeDefined();
    expect(undo).toEqual([{ kind: 'remove', key: 'article:dddddddd05', feedId: 'news-feed' }]);
    expect(undone).toEqual(before);
  });

  it('after placing an item that is already in another feed: keeps its timing', () => {
    const before = sampleBoard();
    const { undone } = roundTrip(before, { kind: 'place', item: { kind: 'article', id: 'cccccccc03' }, feedId: 'news-feed' });
    expect(undone).toEqual(before);
    expect(undone.placements[C]!.publish).toEqual({ mode: 'scheduled', at: '2030-05-01T06:00:00+02:00' });
  });

  it('after a move within a feed, up or down', () => {
    const before = sampleBoard();
    expect(roundTrip(before, { kind: 'move', key: B, fromFeedId: 'news-feed', toFeedId: 'news-feed', toIndex: 2 }).undone).toEqual(before);
    expect(roundTrip(before, { kind: 'move', key: V, fromFeedId: 'news-feed', toFeedId: 'news-feed', toIndex: 1 }).undone).toEqual(before);
    expect(roundTrip(before, { kind: 'move', key: A, fromFeedId: 'opinion', toFeedId: 'opinion', toIndex: 0 }).undone).toEqual(before);
  });

  it('after a move to another feed: back to its place, and pinned again when it was', () => {
    const before = sampleBoard();
    const plain = roundTrip(before, { kind: 'move', key: B, fromFeedId: 'news-feed', toFeedId: 'opinion', toIndex: 0 });
    expect(plain.undo).toEqual([{ kind: 'move', key: B, fromFeedId: 'opinion', toFeedId: 'news-feed', toIndex: 1 }]);
    expect(plain.undone).toEqual(before);

    // The pinned A leaves News Feed for Opinion (which must not hold it yet) and arrives unpinned.
    const start: Board = { ...before, feeds: { ...before.feeds, opinion: [entry(C)] } };
    const pinned = roundTrip(start, { kind: 'move', key: A, fromFeedId: 'news-feed', toFeedId: 'opinion', toIndex: 1 });
    expect(pinned.after.feeds.opinion).toEqual([entry(C), entry(A, false)]);
    expect(pinned.undo[0]).toEqual({ kind: 'move', key: A, fromFeedId: 'opinion', toFeedId: 'news-feed', toIndex: 0 });
    expect(pinned.undone).toEqual(start);
  });

  it('after a removal: back at its index, pinned again, with its schedule, embargo and expiry', () => {
    const before = sampleBoard();
    const pinned = roundTrip(before, { kind: 'remove', key: A, feedId: 'news-feed' });
    expect(pinned.undo[0]).toEqual({ kind: 'place', item: { kind: 'article', id: 'aaaaaaaa01' }, feedId: 'news-feed', index: 0 });
    expect(pinned.undone).toEqual(before);

    // C is in Opinion only: removing it drops its timing, which Undo must bring back.
    const timed = roundTrip(before, { kind: 'remove', key: C, feedId: 'opinion' });
    expect(timed.after.placements[C]).toBeUndefined();
    expect(timed.undo.map((step) => step.kind)).toContain('timing');
    expect(timed.undone).toEqual(before);

    expect(roundTrip(before, { kind: 'remove', key: V, feedId: 'news-feed' }).undone).toEqual(before);
    expect(roundTrip(before, { kind: 'remove', key: B, feedId: 'news-feed' }).undone).toEqual(before);
  });

  it('after pinning or unpinning the first card: the opposite pin', () => {
    const before = sampleBoard();
    const unpin = roundTrip(before, { kind: 'pin', key: A, feedId: 'news-feed', pinned: false });
    expect(unpin.undo[0]).toEqual({ kind: 'pin', key: A, feedId: 'news-feed', pinned: true });
    expect(unpin.undone).toEqual(before);

    const opinion = roundTrip(before, { kind: 'pin', key: C, feedId: 'opinion', pinned: true });
    expect(opinion.undo[0]).toEqual({ kind: 'pin', key: C, feedId: 'opinion', pinned: false });
    expect(opinion.undone).toEqual(before);
  });

  it('after pinning a card further down: unpinned and back at its place', () => {
    const before = sampleBoard();
    const { after, undone } = roundTrip(before, { kind: 'pin', key: V, feedId: 'news-feed', pinned: true });
    expect(after.feeds['news-feed']!.map((e) => e.key)).toEqual([V, A, B]);
    expect(undone).toEqual(before);
  });

  it('with two pinned cards: a move away or a removal of the lower one comes back below the other', () => {
    const before = sampleBoard();
    before.feeds['news-feed'] = [entry(A, true), entry(B, true), entry(V)];
    expect(roundTrip(before, { kind: 'remove', key: B, feedId: 'news-feed' }).undone).toEqual(before);
    expect(roundTrip(before, { kind: 'move', key: B, fromFeedId: 'news-feed', toFeedId: 'opinion', toIndex: 0 }).undone).toEqual(before);
    expect(roundTrip(before, { kind: 'pin', key: B, feedId: 'news-feed', pinned: false }).undone).toEqual(before);
  });

  it('offers nothing to undo for a pin that changed nothing', () => {
    expect(undoOf(sampleBoard(), { kind: 'pin', key: A, feedId: 'news-feed', pinned: true })).toEqual([]);
  });

  it('after a timing change: the old timing, including a return to “publish now”', () => {
    const before = sampleBoard();
    const timing = { publish: { mode: 'now' as const }, embargoUntil: null, expiresAt: '2031-01-01T00:00:00Z' };
    const toNow = roundTrip(before, { kind: 'timing', key: C, timing });
    expect(toNow.after.placements[C]!.publish).toEqual({ mode: 'now' });
    expect(toNow.undone).toEqual(before);

    const scheduled = { publish: { mode: 'scheduled' as const, at: '2030-02-01T09:00:00Z' }, embargoUntil: null, expiresAt: null };
    expect(roundTrip(before, { kind: 'timing', key: B, timing: scheduled }).undone).toEqual(before);
  });

  it('offers nothing to undo when the item was not where the change says', () => {
    const before = sampleBoard();
    expect(undoOf(before, { kind: 'move', key: C, fromFeedId: 'news-feed', toFeedId: 'opinion', toIndex: 0 })).toEqual([]);
    expect(undoOf(before, { kind: 'remove', key: C, feedId: 'news-feed' })).toEqual([]);
    expect(undoOf(before, { kind: 'timing', key: 'article:dddddddd05', timing: { publish: { mode: 'now' }, embargoUntil: null, expiresAt: null } })).toEqual([]);
  });
});

describe('shareBoard', () => {
  it('takes main’s board as it is when there is nothing to share with', () => {
    const next = sampleBoard();
    expect(shareBoard(null, next)).toBe(next);
    expect(shareBoard(next, next)).toBe(next);
  });

  it('keeps the previous board when main answers with an equal one', () => {
    const previous = sampleBoard();
    expect(shareBoard(previous, structuredClone(previous))).toBe(previous);
  });

  it('after a move in one feed, reuses the other feeds and every placement', () => {
    const previous = sampleBoard();
    const next = structuredClone(previous);
    next.feeds.opinion = [entry(A), entry(C)];
    const shared = shareBoard(previous, next);
    expect(shared).not.toBe(previous);
    expect(shared.feeds.opinion).toEqual([entry(A), entry(C)]);
    expect(shared.feeds['news-feed']).toBe(previous.feeds['news-feed']);
    expect(shared.feeds.video).toBe(previous.feeds.video);
    expect(shared.placements).toBe(previous.placements);
  });

  it('sees a pin change as a change of that feed only', () => {
    const previous = sampleBoard();
    const next = structuredClone(previous);
    next.feeds.video = [entry(V, true)];
    const shared = shareBoard(previous, next);
    expect(shared.feeds.video).toEqual([entry(V, true)]);
    expect(shared.feeds.opinion).toBe(previous.feeds.opinion);
  });

  it('after a timing change, reuses the feeds and the other placements', () => {
    const previous = sampleBoard();
    const next = structuredClone(previous);
    next.placements[B] = { ...next.placements[B]!, publish: { mode: 'scheduled', at: '2030-02-01T09:00:00Z' } };
    const shared = shareBoard(previous, next);
    expect(shared.placements).not.toBe(previous.placements);
    expect(shared.placements[B]!.publish).toEqual({ mode: 'scheduled', at: '2030-02-01T09:00:00Z' });
    for (const key of [A, C, V]) expect(shared.placements[key]).toBe(previous.placements[key]);
    for (const feedId of Object.keys(previous.feeds)) expect(shared.feeds[feedId]).toBe(previous.feeds[feedId]);
  });

  it('notices a new schedule time, a new delivery state and a new expiry', () => {
    const previous = sampleBoard();
    const changes: ((p: Placement) => Placement)[] = [
      (p) => ({ ...p, publish: { mode: 'scheduled', at: '2030-05-01T07:00:00+02:00' } }),
      (p) => ({ ...p, delivery: 'queued' }),
      (p) => ({ ...p, expiresAt: null }),
      (p) => ({ ...p, embargoUntil: null }),
      (p) => ({ ...p, publishedAt: '2030-05-01T06:00:00+02:00' }),
    ];
    for (const edit of changes) {
      const next = structuredClone(previous);
      next.placements[C] = edit(next.placements[C]!);
      const shared = shareBoard(previous, next);
      expect(shared).not.toBe(previous);
      expect(shared.placements[C]).toEqual(next.placements[C]);
    }
  });

  it('notices a removed placement and a removed or added feed', () => {
    const previous = sampleBoard();
    const withoutB = applyChange(previous, FEEDS, { kind: 'remove', key: B, feedId: 'news-feed' });
    const shared = shareBoard(previous, withoutB);
    expect(Object.keys(shared.placements).sort()).toEqual([A, C, V].sort());
    expect(shared.placements[A]).toBe(previous.placements[A]);

    const { video: _video, ...fewer } = previous.feeds;
    const dropped = shareBoard(previous, { ...previous, feeds: fewer });
    expect(Object.keys(dropped.feeds).sort()).toEqual(['news-feed', 'opinion']);
    expect(dropped.feeds.opinion).toBe(previous.feeds.opinion);

    const added = shareBoard(previous, { ...previous, feeds: { ...previous.feeds, sport: [] } });
    expect(added.feeds.sport).toEqual([]);
    expect(added.feeds.video).toBe(previous.feeds.video);
  });
});

describe('sendChange', () => {
  type Calls = { channel: string; payload: unknown }[];
  const globals = globalThis as { window?: unknown };
  afterEach(() => {
    delete globals.window;
  });

  /** A bridge that records each request and answers with `board` (and a card for board:place). */
  function fakeBridge(board: Board, calls: Calls, failWith?: string): void {
    const answer = (channel: string) => async (payload: unknown) => {
      calls.push({ channel, payload });
      if (failWith) return { ok: false, error: { code: 'conflict', message: failWith } };
      return { ok: true, value: channel === 'board:place' ? { board, items: [{ key: A }] } : board };
    };
    const channels = ['board:place', 'board:move', 'board:remove', 'board:pin', 'board:setTiming'];
    globals.window = { newsdesk: Object.fromEntries(channels.map((channel) => [channel, answer(channel)])) };
  }

  it('sends each change on its channel with the payload main expects and returns main’s board', async () => {
    const board = sampleBoard();
    const calls: Calls = [];
    fakeBridge(board, calls);
    const timing = { publish: { mode: 'now' as const }, embargoUntil: '2030-01-01T00:00:00Z', expiresAt: null };
    expect(await sendChange({ kind: 'place', item: { kind: 'video', id: 'vvvvvvvv04' }, feedId: 'video', index: 2 })).toEqual({ board, items: [{ key: A }] });
    expect(await sendChange({ kind: 'move', key: B, fromFeedId: 'news-feed', toFeedId: 'opinion', toIndex: 0 })).toEqual({ board });
    await sendChange({ kind: 'remove', key: B, feedId: 'news-feed' });
    await sendChange({ kind: 'pin', key: B, feedId: 'news-feed', pinned: true });
    await sendChange({ kind: 'timing', key: B, timing });
    expect(calls).toEqual([
      { channel: 'board:place', payload: { item: { kind: 'video', id: 'vvvvvvvv04' }, feedId: 'video', index: 2 } },
      { channel: 'board:move', payload: { key: B, fromFeedId: 'news-feed', toFeedId: 'opinion', toIndex: 0 } },
      { channel: 'board:remove', payload: { key: B, feedId: 'news-feed' } },
      { channel: 'board:pin', payload: { key: B, feedId: 'news-feed', pinned: true } },
      { channel: 'board:setTiming', payload: { key: B, ...timing } },
    ]);
  });

  it('rejects with main’s message when main refuses', async () => {
    fakeBridge(sampleBoard(), [], 'This item is already in “Opinion”.');
    await expect(sendChange({ kind: 'remove', key: B, feedId: 'news-feed' })).rejects.toThrow('This item is already in “Opinion”.');
  });
});
