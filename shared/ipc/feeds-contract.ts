import { z } from 'zod';
import { Article } from '../model/article';
import { FeedId } from '../model/feed';
import { Board, BoardItem, ItemKey, ItemRef, PublishTiming } from '../model/placement';
import { IsoTime } from '../model/article';
import { VideoId, VideoItem } from '../model/video';

/** The feed placement and video channels and their schemas (contract.ts assembles every domain). */

export const BoardView = z.object({
  board: Board,
  /** A card's facts for every placed item (and only those). */
  items: z.array(BoardItem),
});
export type BoardView = z.infer<typeof BoardView>;

export const BoardItemQuery = z
  .object({
    text: z.string().max(500).default(''),
    kind: z.enum(['article', 'video']).optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type BoardItemQuery = z.input<typeof BoardItemQuery>;

export const PlaceRequest = z
  .object({ item: ItemRef, feedId: FeedId, index: z.number().int().min(0).max(1_000_000).optional() })
  .strict();

export const MoveRequest = z
  .object({ key: ItemKey, fromFeedId: FeedId, toFeedId: FeedId, toIndex: z.number().int().min(0).max(1_000_000) })
  .strict();

export const PinRequest = z.object({ key: ItemKey, feedId: FeedId, pinned: z.boolean() }).strict();

export const TimingRequest = z
  .object({ key: ItemKey, publish: PublishTiming, embargoUntil: IsoTime.nullable(), expiresAt: IsoTime.nullable() })
  .strict();

/** What a preview needs of an item: the whole article or video. */
export const ItemContent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('article'), key: ItemKey, article: Article }),
  z.object({ kind: z.literal('video'), key: ItemKey, video: VideoItem }),
]);
export type ItemContent = z.infer<typeof ItemContent>;

export const feedsChannels = {
  'board:get': { request: z.object({}).strict(), response: BoardView },
  /** Articles and videos to place, matching the text, newest first (placed or not). */
  'board:findItems': { request: BoardItemQuery, response: z.array(BoardItem) },
  'board:place': { request: PlaceRequest, response: BoardView },
  'board:move': { request: MoveRequest, response: Board },
  'board:remove': { request: z.object({ key: ItemKey, feedId: FeedId }).strict(), response: Board },
  'board:pin': { request: PinRequest, response: Board },
  'board:setTiming': { request: TimingRequest, response: Board },
  /** The items of a preview page, in the order asked; items that are gone are left out. */
  'board:contents': { request: z.object({ keys: z.array(ItemKey).max(200) }).strict(), response: z.array(ItemContent) },
  'videos:list': { request: z.object({}).strict(), response: z.array(VideoItem) },
  'videos:get': { request: z.object({ id: VideoId }).strict(), response: VideoItem },
  'videos:create': { request: z.object({}).strict(), response: VideoItem },
  'videos:save': { request: z.object({ video: VideoItem }).strict(), response: VideoItem },
  /** Moves the video to the trash folder (kept on disk) and takes it out of every feed. */
  'videos:trash': { request: z.object({ id: VideoId }).strict(), response: z.null() },
} as const;
