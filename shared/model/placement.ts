import { z } from 'zod';
import { ArticleId, ArticleStatus, IsoTime } from './article';
import { FeedId } from './feed';
import { PhotoId } from './photo';
import { VideoId } from './video';

/** What a feed holds: an article from the drafting desk or a video item. */
export const ItemRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('article'), id: ArticleId }).strict(),
  z.object({ kind: z.literal('video'), id: VideoId }).strict(),
]);
export type ItemRef = z.infer<typeof ItemRef>;

/** "article:<id>" or "video:<id>": one string per item, used as the key everywhere on the board. */
export const ItemKey = z.string().regex(/^(article|video):[a-z0-9][a-z0-9-]{7,63}$/, 'Not a valid item key');
export type ItemKey = z.infer<typeof ItemKey>;

export function itemKey(ref: ItemRef): ItemKey {
  return `${ref.kind}:${ref.id}`;
}

export function refOfKey(key: ItemKey): ItemRef {
  const at = key.indexOf(':');
  const kind = key.slice(0, at);
  return kind === 'video' ? { kind: 'video', id: key.slice(at + 1) } : { kind: 'article', id: key.slice(at + 1) };
}

/** When the item goes live: as soon as it is published, or at a set time. */
export const PublishTiming = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('now') }).strict(),
  z.object({ mode: z.literal('scheduled'), at: IsoTime }).strict(),
]);
export type PublishTiming = z.infer<typeof PublishTiming>;

/** How far the item got towards the site; the publishing desk moves it along. */
/** retracted: it was on the site and was taken off it (back to a draft, or trashed); readers no longer see it. */
export const DELIVERY_STATES = ['none', 'queued', 'published', 'retracted'] as const;
export const DeliveryState = z.enum(DELIVERY_STATES);
export type DeliveryState = z.infer<typeof DeliveryState>;

/** Timing of one item, shared by every feed it is placed in. */
export const Placement = z
  .object({
    item: ItemRef,
    publish: PublishTiming,
    /** Not before this time, whatever the schedule says. */
    embargoUntil: IsoTime.nullable(),
    /** After this time the item leaves every feed. */
    expiresAt: IsoTime.nullable(),
    delivery: DeliveryState,
    publishedAt: IsoTime.nullable(),
  })
  .strict();
export type Placement = z.infer<typeof Placement>;

/** One item in one feed's order. Pinned items are the feed's top story and stay above the rest. */
export const FeedEntry = z.object({ key: ItemKey, pinned: z.boolean() }).strict();
export type FeedEntry = z.infer<typeof FeedEntry>;

export const BOARD_FORMAT = 1;

/**
 * Every placement of the desk. `feeds` keeps each feed's order; `placements` the timing of each
 * placed item. An item is in `placements` exactly when it is in at least one feed.
 */
export const Board = z
  .object({
    format: z.literal(BOARD_FORMAT),
    placements: z.record(ItemKey, Placement),
    feeds: z.record(FeedId, z.array(FeedEntry)),
  })
  .strict();
export type Board = z.infer<typeof Board>;

export const EMPTY_BOARD: Board = { format: BOARD_FORMAT, placements: {}, feeds: {} };

/** What a card shows about its item, kept by main so the board never opens article files. */
export const BoardItem = z.object({
  key: ItemKey,
  kind: z.enum(['article', 'video']),
  headline: z.string(),
  /** The article's workflow status; videos are 'ready' once headline, poster and player are set. */
  status: ArticleStatus,
  photoId: PhotoId.nullable(),
  wordCount: z.number().int().nonnegative(),
  updatedAt: IsoTime,
  /** The article or video is gone (trashed); its placement is kept until someone removes it. */
  missing: z.boolean(),
});
export type BoardItem = z.infer<typeof BoardItem>;

/** The statuses a card can show. */
export const BOARD_STATUSES = ['draft', 'ready', 'scheduled', 'queued', 'published', 'retracted', 'expired'] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];

export const BOARD_STATUS_LABELS: Record<BoardStatus, string> = {
  draft: 'Draft',
  ready: 'Ready',
  scheduled: 'Scheduled',
  queued: 'Queued for publishing',
  published: 'Published',
  retracted: 'Retracted',
  expired: 'Expired',
};
