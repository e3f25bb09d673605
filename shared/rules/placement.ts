import { VIDEO_ITEM_LABEL, feedAccepts, type Feed } from '../model/feed';
import {
  itemKey,
  type Board,
  type BoardItem,
  type BoardStatus,
  type FeedEntry,
  type ItemKey,
  type ItemRef,
  type Placement,
  type PublishTiming,
} from '../model/placement';

/**
 * The placement rules, shared by main (which stores the board and has the last word) and the
 * renderer (which applies the same change at once so a drag never waits for a round trip).
 * Every operation returns a new board and leaves the one it was given untouched.
 */

/** A change the rules refuse; `message` is a sentence for the editor. */
export class PlacementError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlacementError';
  }
}

export interface Timing {
  publish: PublishTiming;
  embargoUntil: string | null;
  expiresAt: string | null;
}

const time = (iso: string): number => Date.parse(iso);

export function entriesOf(board: Board, feedId: string): FeedEntry[] {
  return board.feeds[feedId] ?? [];
}

/** Pinned entries first, each group in its own order. */
export function pinnedFirst(entries: readonly FeedEntry[]): FeedEntry[] {
  return [...entries.filter((entry) => entry.pinned), ...entries.filter((entry) => !entry.pinned)];
}

/** The feeds an item is placed in, in the order given. */
export function feedsOfItem(board: Board, key: ItemKey, feedIds: readonly string[]): string[] {
  return feedIds.filter((feedId) => entriesOf(board, feedId).some((entry) => entry.key === key));
}

function withFeed(board: Board, feedId: string, entries: FeedEntry[]): Board {
  return { ...board, feeds: { ...board.feeds, [feedId]: pinnedFirst(entries) } };
}

/** Clamps an index so unpinned entries never land above pinned ones. */
function clampIndex(entries: readonly FeedEntry[], index: number, pinned: boolean): number {
  const pinnedCount = entries.filter((entry) => entry.pinned).length;
  const low = pinned ? 0 : pinnedCount;
  const high = pinned ? pinnedCount : entries.length;
  return Math.min(Math.max(Math.trunc(index), low), high);
}

function insertAt(entries: readonly FeedEntry[], entry: FeedEntry, index: number): FeedEntry[] {
  const at = clampIndex(entries, index, entry.pinned);
  return [...entries.slice(0, at), entry, ...entries.slice(at)];
}

export function newPlacement(item: ItemRef): Placement {
  return { item, publish: { mode: 'now' }, embargoUntil: null, expiresAt: null, delivery: 'none', publishedAt: null };
}

/** Puts an item into a feed at `index` (default: the end). */
export function placeItem(board: Board, item: ItemRef, feed: Feed, index = Number.MAX_SAFE_INTEGER): Board {
  if (feed.archived) throw new PlacementError(`“${feed.name}” is archived; restore it before placing items in it.`);
  if (!feedAccepts(feed, item.kind)) {
    throw new PlacementError(`“${feed.name}” takes ${feed.kind === 'video' ? 'video items' : 'articles'} only.`);
  }
  const key = itemKey(item);
  const entries = entriesOf(board, feed.id);
  if (entries.some((entry) => entry.key === key)) throw new PlacementError(`This item is already in “${feed.name}”.`);
  const placed = withFeed(board, feed.id, insertAt(entries, { key, pinned: false }, index));
  const placements = board.placements[key] ? board.placements : { ...board.placements, [key]: newPlacement(item) };
  return { ...placed, placements };
}

/**
 * Moves an item within a feed or to another one, to `toIndex` of the target's order as it is
 * without the item. An item moved to another feed arrives unpinned: being the top story of one
 * feed says nothing about the next.
 */
export function moveItem(board: Board, key: ItemKey, fromFeedId: string, to: Feed, toIndex: number): Board {
  const from = entriesOf(board, fromFeedId);
  const entry = from.find((e) => e.key === key);
  if (!entry) throw new PlacementError('That item is no longer in this feed; the board has been refreshed.');
  if (fromFeedId === to.id) {
    const rest = from.filter((e) => e.key !== key);
    return withFeed(board, to.id, insertAt(rest, entry, toIndex));
  }
  const placement = board.placements[key];
  if (placement && !feedAccepts(to, placement.item.kind)) {
    throw new PlacementError(`“${to.name}” takes ${to.kind === 'video' ? 'video items' : 'articles'} only.`);
  }
  if (to.archived) throw new PlacementError(`“${to.name}” is archived; restore it before placing items in it.`);
  const target = entriesOf(board, to.id);
  if (target.some((e) => e.key === key)) throw new PlacementError(`This item is already in “${to.name}”.`);
  const removed = withFeed(board, fromFeedId, from.filter((e) => e.key !== key));
  return withFeed(removed, to.id, insertAt(target, { key, pinned: false }, toIndex));
}

/** Takes an item out of a feed; its timing is dropped once it is in no feed at all. */
export function removeFromFeed(board: Board, key: ItemKey, feedId: string): Board {
  const next = withFeed(board, feedId, entriesOf(board, feedId).filter((e) => e.key !== key));
  const stillPlaced = Object.values(next.feeds).some((entries) => entries.some((e) => e.key === key));
  if (stillPlaced) return next;
  const { [key]: _dropped, ...placements } = next.placements;
  return { ...next, placements };
}

/** Pins an item (it moves to the top) or unpins it (it stays first among the unpinned). */
export function setPinned(board: Board, key: ItemKey, feedId: string, pinned: boolean): Board {
  const entries = entriesOf(board, feedId);
  const entry = entries.find((e) => e.key === key);
  if (!entry) throw new PlacementError('That item is no longer in this feed; the board has been refreshed.');
  if (entry.pinned === pinned) return board;
  const rest = entries.filter((e) => e.key !== key);
  const pinnedCount = rest.filter((e) => e.pinned).length;
  return withFeed(board, feedId, insertAt(rest, { key, pinned }, pinned ? 0 : pinnedCount));
}

/** What is wrong with a timing; empty when it may be saved. */
export function timingProblems(timing: Timing): string[] {
  const problems: string[] = [];
  const { publish, embargoUntil, expiresAt } = timing;
  if (publish.mode === 'scheduled' && embargoUntil && time(publish.at) < time(embargoUntil)) {
    problems.push('The item is scheduled before its embargo lifts. Schedule it at or after the embargo.');
  }
  if (expiresAt) {
    const start = Math.max(publish.mode === 'scheduled' ? time(publish.at) : -Infinity, embargoUntil ? time(embargoUntil) : -Infinity);
    if (time(expiresAt) <= start) problems.push('The item would expire before it goes live. Set the expiry after the publish time and the embargo.');
  }
  return problems;
}

/** Sets when an item goes live, its embargo and its expiry; refused when the rules are broken. */
export function setTiming(board: Board, key: ItemKey, timing: Timing): Board {
  const placement = board.placements[key];
  if (!placement) throw new PlacementError('That item is not placed in any feed.');
  const problems = timingProblems(timing);
  if (problems.length > 0) throw new PlacementError(problems.join(' '));
  return { ...board, placements: { ...board.placements, [key]: { ...placement, ...timing } } };
}

/** When the item goes live: its schedule, or `now` for "publish now", and never before the embargo. */
export function goLiveAt(placement: Placement, now: number): number {
  const start = placement.publish.mode === 'scheduled' ? time(placement.publish.at) : placement.publishedAt ? time(placement.publishedAt) : now;
  return Math.max(start, placement.embargoUntil ? time(placement.embargoUntil) : -Infinity);
}

/**
 * The time the item must not go live before, whatever any clock says now: the later of its schedule
 * and its embargo; null when it has neither. This is what a site is sent, so the site's clock
 * decides, not this computer's.
 */
export function heldUntil(placement: Placement): number | null {
  const scheduled = placement.publish.mode === 'scheduled';
  if (!scheduled && !placement.embargoUntil) return null;
  const start = placement.publish.mode === 'scheduled' ? time(placement.publish.at) : placement.publishedAt ? time(placement.publishedAt) : -Infinity;
  return Math.max(start, placement.embargoUntil ? time(placement.embargoUntil) : -Infinity);
}

export function isExpired(placement: Placement, now: number): boolean {
  return placement.expiresAt !== null && time(placement.expiresAt) <= now;
}

/** Whether readers see the item at `now`: live, and not yet expired. */
export function isLive(placement: Placement, now: number): boolean {
  // Taken off the site: readers no longer see it, whatever its times say.
  if (placement.delivery === 'retracted') return false;
  return goLiveAt(placement, now) <= now && !isExpired(placement, now);
}

/** What a card says about its item. */
export function boardStatus(placement: Placement, item: Pick<BoardItem, 'status'> | undefined, now: number): BoardStatus {
  if (isExpired(placement, now)) return 'expired';
  if (placement.delivery === 'retracted') return 'retracted';
  if (placement.delivery === 'published') return 'published';
  if (placement.delivery === 'queued') return 'queued';
  if (goLiveAt(placement, now) > now) return 'scheduled';
  return item && item.status !== 'draft' ? 'ready' : 'draft';
}

/** Pinned items of a feed when there is more than one: the desk must choose one top story. */
export function pinConflicts(board: Board, feedId: string): ItemKey[] {
  const pinned = entriesOf(board, feedId).filter((entry) => entry.pinned);
  return pinned.length > 1 ? pinned.map((entry) => entry.key) : [];
}

/** The feed as readers see it at `now`: expired and not-yet-live items left out, pinned on top. */
export function liveEntries(board: Board, feedId: string, now: number): FeedEntry[] {
  return pinnedFirst(entriesOf(board, feedId)).filter((entry) => {
    const placement = board.placements[entry.key];
    return placement !== undefined && isLive(placement, now);
  });
}

/** The first `pages` pages of a feed and whether "Show More" has more to show. */
export function feedPages<T>(items: readonly T[], pageSize: number, pages: number): { shown: T[]; hasMore: boolean } {
  const count = Math.max(1, pages) * Math.max(1, pageSize);
  return { shown: items.slice(0, count), hasMore: items.length > count };
}

/** The label readers see above an item in a feed: the feed's label, or "Video" on video items. */
export function itemLabel(feed: Pick<Feed, 'label'>, itemKind: 'article' | 'video'): string {
  return itemKind === 'video' ? VIDEO_ITEM_LABEL : feed.label;
}
