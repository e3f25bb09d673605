import type { Feed } from '../../../../shared/model/feed';
import type { Board, BoardItem, FeedEntry, ItemKey, ItemRef, Placement } from '../../../../shared/model/placement';
import {
  PlacementError,
  entriesOf,
  moveItem,
  placeItem,
  removeFromFeed,
  setPinned,
  setTiming,
  type Timing,
} from '../../../../shared/rules/placement';
import { request } from '../../api/newsdesk';

/**
 * One change an editor makes on the board. The renderer applies it at once with the same rules as
 * main (shared/rules/placement.ts) and then sends it; main's answer has the last word.
 */
export type BoardChange =
  | { kind: 'place'; item: ItemRef; feedId: string; index?: number }
  | { kind: 'move'; key: ItemKey; fromFeedId: string; toFeedId: string; toIndex: number }
  | { kind: 'remove'; key: ItemKey; feedId: string }
  | { kind: 'pin'; key: ItemKey; feedId: string; pinned: boolean }
  | { kind: 'timing'; key: ItemKey; timing: Timing };

function feedOf(feeds: readonly Feed[], feedId: string): Feed {
  const feed = feeds.find((f) => f.id === feedId);
  if (!feed) throw new PlacementError('That feed is no longer in the settings; the board has been refreshed.');
  return feed;
}

/** The board after `change`, by the shared rules; throws PlacementError when the rules refuse it. */
export function applyChange(board: Board, feeds: readonly Feed[], change: BoardChange): Board {
  switch (change.kind) {
    case 'place':
      return placeItem(board, change.item, feedOf(feeds, change.feedId), change.index);
    case 'move':
      return moveItem(board, change.key, change.fromFeedId, feedOf(feeds, change.toFeedId), change.toIndex);
    case 'remove':
      return removeFromFeed(board, change.key, change.feedId);
    case 'pin':
      return setPinned(board, change.key, change.feedId, change.pinned);
    case 'timing':
      return setTiming(board, change.key, change.timing);
  }
}

/** Sends a change to main; resolves to main's board (and, for a placement, the item's card facts). */
export async function sendChange(change: BoardChange): Promise<{ board: Board; items?: BoardItem[] }> {
  switch (change.kind) {
    case 'place': {
      const view = await request('board:place', { item: change.item, feedId: change.feedId, index: change.index });
      return { board: view.board, items: view.items };
    }
    case 'move': {
      const { key, fromFeedId, toFeedId, toIndex } = change;
      return { board: await request('board:move', { key, fromFeedId, toFeedId, toIndex }) };
    }
    case 'remove':
      return { board: await request('board:remove', { key: change.key, feedId: change.feedId }) };
    case 'pin':
      return { board: await request('board:pin', { key: change.key, feedId: change.feedId, pinned: change.pinned }) };
    case 'timing':
      return { board: await request('board:setTiming', { key: change.key, ...change.timing }) };
  }
}

function timingOf(placement: Placement): Timing {
  return { publish: placement.publish, embargoUntil: placement.embargoUntil, expiresAt: placement.expiresAt };
}

const isDefaultTiming = (placement: Placement): boolean =>
  placement.publish.mode === 'now' && placement.embargoUntil === null && placement.expiresAt === null;

function positionOf(board: Board, key: ItemKey, feedId: string): { index: number; entry: FeedEntry } | null {
  const entries = entriesOf(board, feedId);
  const index = entries.findIndex((entry) => entry.key === key);
  const entry = entries[index];
  return entry ? { index, entry } : null;
}

/** The changes that put `before` back after `change` was applied to it (for Undo). */
/** Pins a card again and puts it back at `index` of its feed. */
function repinAt(key: ItemKey, feedId: string, index: number): BoardChange[] {
  return [
    { kind: 'pin', key, feedId, pinned: true },
    { kind: 'move', key, fromFeedId: feedId, toFeedId: feedId, toIndex: index },
  ];
}

export function undoOf(before: Board, change: BoardChange): BoardChange[] {
  switch (change.kind) {
    case 'place':
      return [{ kind: 'remove', key: `${change.item.kind}:${change.item.id}`, feedId: change.feedId }];
    case 'move': {
      const from = positionOf(before, change.key, change.fromFeedId);
      if (!from) return [];
      const back: BoardChange[] = [{ kind: 'move', key: change.key, fromFeedId: change.toFeedId, toFeedId: change.fromFeedId, toIndex: from.index }];
      // Moving to another feed unpins; coming back restores the pin, and the place among the pinned
      // (pinning puts a card first, above another pinned one that was above it).
      if (change.fromFeedId !== change.toFeedId && from.entry.pinned) back.push(...repinAt(change.key, change.fromFeedId, from.index));
      return back;
    }
    case 'remove': {
      const from = positionOf(before, change.key, change.feedId);
      const placement = before.placements[change.key];
      if (!from || !placement) return [];
      const back: BoardChange[] = [{ kind: 'place', item: placement.item, feedId: change.feedId, index: from.index }];
      if (from.entry.pinned) back.push(...repinAt(change.key, change.feedId, from.index));
      if (!isDefaultTiming(placement)) back.push({ kind: 'timing', key: change.key, timing: timingOf(placement) });
      return back;
    }
    case 'pin': {
      // Pinning moves a card to the top and unpinning to the top of the rest: undo puts it back where it was.
      const from = positionOf(before, change.key, change.feedId);
      if (!from || from.entry.pinned === change.pinned) return [];
      return [
        { kind: 'pin', key: change.key, feedId: change.feedId, pinned: from.entry.pinned },
        { kind: 'move', key: change.key, fromFeedId: change.feedId, toFeedId: change.feedId, toIndex: from.index },
      ];
    }
    case 'timing': {
      const placement = before.placements[change.key];
      return placement ? [{ kind: 'timing', key: change.key, timing: timingOf(placement) }] : [];
    }
  }
}

const sameEntries = (a: readonly FeedEntry[], b: readonly FeedEntry[]): boolean =>
  a.length === b.length && a.every((entry, i) => entry.key === b[i]!.key && entry.pinned === b[i]!.pinned);

const samePlacement = (a: Placement, b: Placement): boolean =>
  a.delivery === b.delivery &&
  a.publishedAt === b.publishedAt &&
  a.embargoUntil === b.embargoUntil &&
  a.expiresAt === b.expiresAt &&
  a.item.kind === b.item.kind &&
  a.item.id === b.item.id &&
  a.publish.mode === b.publish.mode &&
  (a.publish.mode === 'now' || (b.publish.mode === 'scheduled' && a.publish.at === b.publish.at));

/**
 * `next`, reusing `previous`'s feed lists and placements wherever they are equal, so a board that
 * comes back from main unchanged re-renders nothing, and a change re-renders only its own column.
 */
export function shareBoard(previous: Board | null, next: Board): Board {
  if (!previous || previous === next) return next;
  let changed = false;
  const feeds: Board['feeds'] = {};
  for (const [feedId, entries] of Object.entries(next.feeds)) {
    const old = previous.feeds[feedId];
    if (old && (old === entries || sameEntries(old, entries))) feeds[feedId] = old;
    else {
      feeds[feedId] = entries;
      changed = true;
    }
  }
  if (Object.keys(previous.feeds).length !== Object.keys(next.feeds).length) changed = true;
  // A local move or pin keeps the placements object: nothing to compare then.
  let placementsChanged = false;
  let placements = next.placements;
  if (next.placements !== previous.placements) {
    placementsChanged = Object.keys(previous.placements).length !== Object.keys(next.placements).length;
    const shared: Board['placements'] = {};
    for (const [key, placement] of Object.entries(next.placements)) {
      const old = previous.placements[key];
      if (old && (old === placement || samePlacement(old, placement))) shared[key] = old;
      else {
        shared[key] = placement;
        placementsChanged = true;
      }
    }
    placements = placementsChanged ? shared : previous.placements;
  }
  if (!changed && !placementsChanged) return previous;
  return { ...next, feeds, placements };
}
