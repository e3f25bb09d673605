import type { DeskBoardState, DeskFeedEntry } from '../../../../shared/desk/desk-board';
import { BOARD_FORMAT, itemKey, refOfKey, type Board, type FeedEntry, type ItemKey, type Placement } from '../../../../shared/model/placement';
import { newPlacement, pinnedFirst } from '../../../../shared/rules/placement';

/**
 * Between this desktop's board (every item it placed) and the desk's board (desk stories only).
 * `storyOf` names the desk story a local item is, or null for an item that stays on this machine
 * (a local article, any video).
 */
export type StoryOf = (key: ItemKey) => string | null;

/** The desk stories of the local board, as the desk board holds them. */
export function deskPartOf(board: Board, storyOf: StoryOf): DeskBoardState {
  const feeds: DeskBoardState['feeds'] = {};
  for (const [feedId, entries] of Object.entries(board.feeds)) {
    const desk: DeskFeedEntry[] = [];
    for (const entry of entries) {
      const storyId = storyOf(entry.key);
      if (storyId) desk.push({ storyId, pinned: entry.pinned });
    }
    if (desk.length > 0) feeds[feedId] = desk;
  }
  const placements: DeskBoardState['placements'] = {};
  for (const [key, placement] of Object.entries(board.placements)) {
    const storyId = storyOf(key);
    if (!storyId) continue;
    const { item: _item, ...timing } = placement;
    placements[storyId] = timing;
  }
  return { feeds, placements };
}

/**
 * One feed: the desk's order for desk stories, with this desktop's local items kept where they
 * were, each right after the desk story it followed (or at the top if it led the feed). Where no
 * local item is in the feed, the result is exactly the desk's order, so every desktop shows the
 * same feed.
 */
function mergedFeed(local: readonly FeedEntry[], desk: readonly FeedEntry[], isDesk: (key: ItemKey) => boolean): FeedEntry[] {
  const onDesk = new Set(desk.map((entry) => entry.key));
  const leading: FeedEntry[] = [];
  const following = new Map<ItemKey, FeedEntry[]>();
  let anchor: ItemKey | null = null;
  for (const entry of local) {
    if (isDesk(entry.key)) {
      // A desk story taken off this feed on the desk no longer anchors what followed it.
      if (onDesk.has(entry.key)) anchor = entry.key;
      continue;
    }
    if (anchor === null) leading.push(entry);
    else following.set(anchor, [...(following.get(anchor) ?? []), entry]);
  }
  return pinnedFirst([...leading, ...desk.flatMap((entry) => [entry, ...(following.get(entry.key) ?? [])])]);
}

/**
 * The local board with the desk's placements of desk stories: their feeds, order, pins and timing
 * come from the desk; local items keep theirs. `articleOf` maps a desk story to its local article
 * id; `isDesk` says whether a local item is a desk story (one the desk board holds or held).
 * Returns `local` itself when nothing changes.
 */
export function withDeskPart(local: Board, desk: DeskBoardState, articleOf: (storyId: string) => string | null, isDesk: (key: ItemKey) => boolean): Board {
  const deskFeeds = new Map<string, FeedEntry[]>();
  for (const [feedId, entries] of Object.entries(desk.feeds)) {
    const mapped: FeedEntry[] = [];
    for (const entry of entries) {
      const articleId = articleOf(entry.storyId);
      if (articleId) mapped.push({ key: itemKey({ kind: 'article', id: articleId }), pinned: entry.pinned });
    }
    deskFeeds.set(feedId, mapped);
  }
  const feeds: Board['feeds'] = {};
  for (const feedId of new Set([...Object.keys(local.feeds), ...deskFeeds.keys()])) {
    const merged = mergedFeed(local.feeds[feedId] ?? [], deskFeeds.get(feedId) ?? [], isDesk);
    if (merged.length > 0 || feedId in local.feeds) feeds[feedId] = merged;
  }
  const deskPlacements = new Map<ItemKey, Placement>();
  for (const [storyId, timing] of Object.entries(desk.placements)) {
    const articleId = articleOf(storyId);
    if (articleId) deskPlacements.set(itemKey({ kind: 'article', id: articleId }), { item: { kind: 'article', id: articleId }, ...timing });
  }
  const placements: Board['placements'] = {};
  for (const entries of Object.values(feeds)) {
    for (const { key } of entries) {
      // A desk story the desk has no timing for yet (an update still on its way) starts as "now".
      placements[key] = (isDesk(key) ? deskPlacements.get(key) : undefined) ?? local.placements[key] ?? newPlacement(refOfKey(key));
    }
  }
  const next: Board = { format: BOARD_FORMAT, placements, feeds };
  return JSON.stringify(next) === JSON.stringify(local) ? local : next;
}
