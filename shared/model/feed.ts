import { z } from 'zod';

/**
 * A feed (section) of the site: an ordered list of items readers page through with "Show More".
 * The `name` is what the desk calls it; the `label` is what readers see above each item.
 */
export const FEED_KINDS = ['articles', 'video', 'both'] as const;
export const FeedKind = z.enum(FEED_KINDS);
export type FeedKind = z.infer<typeof FeedKind>;

export const FEED_KIND_LABELS: Record<FeedKind, string> = {
  articles: 'Articles',
  video: 'Video',
  both: 'Articles and video',
};

/** Ids are stable (placements refer to them); renaming a feed changes its name and label only. */
export const FeedId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Not a valid feed id');
export type FeedId = z.infer<typeof FeedId>;

export const Feed = z.object({
  id: FeedId,
  name: z.string().trim().min(1, 'The feed needs a name').max(80),
  label: z.string().trim().min(1, 'The feed needs a label').max(80),
  kind: FeedKind,
  /** Items per page before "Show More". */
  pageSize: z.number().int().min(1).max(100),
  /** Archived feeds leave the board but keep their placements, so nothing is lost. */
  archived: z.boolean(),
});
export type Feed = z.infer<typeof Feed>;

/** The settings' feed list: its order is the order of the board's columns. */
export const FeedList = z
  .array(Feed)
  .min(1, 'Keep at least one feed')
  .max(100)
  .refine((feeds) => new Set(feeds.map((feed) => feed.id)).size === feeds.length, 'Two feeds have the same id');
export type FeedList = z.infer<typeof FeedList>;

export const DEFAULT_FEEDS: Feed[] = [
  { id: 'news-feed', name: 'News Feed', label: 'News Feed', kind: 'both', pageSize: 10, archived: false },
  { id: 'video', name: 'Video', label: 'Video', kind: 'video', pageSize: 12, archived: false },
  { id: 'opinion', name: 'Opinion', label: 'Opinion', kind: 'articles', pageSize: 10, archived: false },
];

/** The label a video item carries in any feed, as on the site ("Video"). */
export const VIDEO_ITEM_LABEL = 'Video';

/** Whether a feed takes items of this kind. */
export function feedAccepts(feed: Pick<Feed, 'kind'>, itemKind: 'article' | 'video'): boolean {
  return feed.kind === 'both' || (feed.kind === 'articles' ? itemKind === 'article' : itemKind === 'video');
}

/** A new feed's id from its name, unique among `existing`. */
export function feedIdFor(name: string, existing: readonly string[]): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'feed';
  let id = base;
  for (let n = 2; existing.includes(id); n += 1) id = `${base}-${n}`;
  return id;
}
