import type { feedsChannels, ItemContent } from '../../../../shared/ipc/feeds-contract';
import { UserFacingError } from '../../../../shared/model/errors';
import { feedAccepts, type Feed } from '../../../../shared/model/feed';
import { refOfKey, type Board, type BoardItem, type ItemKey } from '../../../../shared/model/placement';
import type { SettingsPatch } from '../../../../shared/model/settings';
import { PlacementError, moveItem, placeItem, removeFromFeed, setPinned, setTiming } from '../../../../shared/rules/placement';
import type { Handlers } from '../../ipc/dispatcher';
import type { DraftStore } from '../drafts/types';
import type { SettingsService } from '../settings/settings-service';
import { articleCard, boardItems, videoCard } from './board-items';
import type { BoardStore } from './board-store';
import type { VideoStore } from './video-store';

export type FeedsHandlers = Pick<Handlers, keyof typeof feedsChannels>;

export interface FeedServices {
  board: BoardStore;
  videos: VideoStore;
  drafts: DraftStore;
  settings: SettingsService;
  /** Asked before an item's timing changes: a desk story's schedule, embargo and expiry are a publisher's to set. */
  beforeTiming?: (key: ItemKey) => Promise<void>;
}

/** The feed a request names, from settings; an unknown id is a clear error, not a silent no-op. */
function feedById(settings: SettingsService, feedId: string): Feed {
  const feed = settings.get().feeds.find((candidate) => candidate.id === feedId);
  if (!feed) throw new UserFacingError('not-found', `There is no feed “${feedId}”; the feeds may have changed in settings.`);
  return feed;
}

/** Runs a board change; a change the placement rules refuse comes back as the rules' own sentence. */
async function change(board: BoardStore, apply: (current: Board) => Board): Promise<Board> {
  return board.update((current) => {
    try {
      return apply(current);
    } catch (error) {
      if (error instanceof PlacementError) throw new UserFacingError('invalid-request', error.message);
      throw error;
    }
  });
}

/** Takes an item out of every feed it is in (a trashed video must leave the site). */
export function removeEverywhere(board: Board, key: ItemKey): Board {
  let next = board;
  for (const [feedId, entries] of Object.entries(board.feeds)) {
    if (entries.some((entry) => entry.key === key)) next = removeFromFeed(next, key, feedId);
  }
  return next;
}

/**
 * Refuses a settings change that would orphan placements: dropping a feed that still holds items
 * (archiving keeps them and hides the feed), or narrowing a feed's kind below what it holds.
 */
export function checkFeedsChange(board: Board, currentFeeds: readonly Feed[], patch: SettingsPatch): void {
  if (!patch.feeds) return;
  const next = new Map(patch.feeds.map((feed) => [feed.id, feed]));
  for (const feed of currentFeeds) {
    const entries = board.feeds[feed.id] ?? [];
    const kept = next.get(feed.id);
    if (!kept && entries.length > 0) {
      const count = entries.length;
      throw new UserFacingError(
        'conflict',
        `“${feed.name}” cannot be deleted. Archive the feed instead of deleting it: it still holds ${count} ${count === 1 ? 'item' : 'items'}.`,
      );
    }
    if (!kept || kept.kind === feed.kind) continue;
    const refused = entries.filter((entry) => !feedAccepts(kept, refOfKey(entry.key).kind)).length;
    if (refused > 0) {
      const what = kept.kind === 'video' ? 'articles' : 'video items';
      throw new UserFacingError(
        'conflict',
        `“${feed.name}” still holds ${refused} ${refused === 1 ? what.replace(/s$/, '') : what}; take ${refused === 1 ? 'it' : 'them'} out of the feed before changing what it takes.`,
      );
    }
  }
}

export function createFeedsHandlers(services: FeedServices): FeedsHandlers {
  const { board, videos, drafts, settings } = services;
  const view = () => {
    const current = board.get();
    return { board: current, items: boardItems(Object.keys(current.placements), drafts, videos) };
  };

  /** The item must exist to be placed: a trashed article or video has no business in a feed. */
  const assertPlaceable = (key: ItemKey): void => {
    const ref = refOfKey(key);
    if (ref.kind === 'article') {
      const found = drafts.summaryById(ref.id);
      if (!found) throw new UserFacingError('not-found', 'That article no longer exists; it may have been deleted.');
      if (found.location === 'trash') throw new UserFacingError('conflict', 'That article is in the trash; restore it before placing it.');
    } else if (!videos.find(ref.id)) {
      throw new UserFacingError('not-found', 'That video no longer exists; it may have been moved to the trash.');
    }
  };

  return {
    'board:get': () => view(),
    'board:findItems': async ({ text, kind, limit }) => {
      const found: BoardItem[] = [];
      if (kind !== 'video') {
        const page = await drafts.list({ text, limit });
        found.push(...page.items.map((summary) => articleCard(summary, false)));
      }
      if (kind !== 'article') {
        const words = text.toLowerCase().split(/\s+/).filter(Boolean);
        for (const video of videos.list()) {
          const haystack = `${video.headline}\n${video.blurb}`.toLowerCase();
          if (words.every((word) => haystack.includes(word))) found.push(videoCard(video));
        }
      }
      // Newest first across both kinds; ISO times in UTC compare as strings.
      return found.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, limit);
    },
    'board:place': async ({ item, feedId, index }) => {
      const feed = feedById(settings, feedId);
      assertPlaceable(`${item.kind}:${item.id}`);
      await change(board, (current) => placeItem(current, item, feed, index));
      return view();
    },
    'board:move': ({ key, fromFeedId, toFeedId, toIndex }) => {
      feedById(settings, fromFeedId);
      const to = feedById(settings, toFeedId);
      return change(board, (current) => moveItem(current, key, fromFeedId, to, toIndex));
    },
    'board:remove': ({ key, feedId }) => {
      feedById(settings, feedId);
      return change(board, (current) => removeFromFeed(current, key, feedId));
    },
    'board:pin': ({ key, feedId, pinned }) => {
      feedById(settings, feedId);
      return change(board, (current) => setPinned(current, key, feedId, pinned));
    },
    'board:setTiming': async ({ key, publish, embargoUntil, expiresAt }) => {
      await services.beforeTiming?.(key);
      return change(board, (current) => setTiming(current, key, { publish, embargoUntil, expiresAt }));
    },
    'board:contents': async ({ keys }) => {
      const contents: ItemContent[] = [];
      for (const key of keys) {
        const ref = refOfKey(key);
        if (ref.kind === 'video') {
          const video = videos.find(ref.id);
          if (video) contents.push({ kind: 'video', key, video });
          continue;
        }
        const found = drafts.summaryById(ref.id);
        if (found?.location !== 'drafts') continue;
        // A file that vanished or could not be read is left out, like any gone item.
        const article = await drafts.get(ref.id).catch((error: unknown) => {
          if (error instanceof UserFacingError) return null;
          throw error;
        });
        if (article) contents.push({ kind: 'article', key, article });
      }
      return contents;
    },
    'videos:list': () => videos.list(),
    'videos:get': ({ id }) => videos.get(id),
    'videos:create': () => videos.create(),
    'videos:save': ({ video }) => videos.save(video),
    'videos:trash': async ({ id }) => {
      await videos.trash(id);
      await board.update((current) => removeEverywhere(current, `video:${id}`));
      return null;
    },
  };
}
