import type { Article } from '../model/article';
import type { Feed } from '../model/feed';
import { itemKey, type Board, type Placement } from '../model/placement';
import type { PublishMode, PublishPlan } from '../model/publishing';
import { formatUtc } from './embargo-date';
import { ghostNotCarried } from './ghost-plan';
import { entriesOf, goLiveAt, pinnedFirst } from './placement';
import { photoUsesOf } from './prepublish';

/**
 * What a target will receive when an article is published, said before anything is sent: the
 * status it will hold, its categories and tags, and — one sentence each — the placement facts the
 * target has no way to hold, so the editor hears about them instead of finding them dropped.
 */

export type TargetKind = PublishPlan['targetKind'];

/** Where the article sits in one feed: `index` counts from 0 in the order readers see (pinned first). */
export interface FeedSpot {
  feed: Feed;
  index: number;
  count: number;
  pinned: boolean;
}

export interface PlanInput {
  article: Article;
  placement: Placement | null;
  feeds: readonly FeedSpot[];
  mode: PublishMode;
  targetKind: TargetKind;
  existing: { postId: PublishPlan['existingPostId']; link: string } | null;
  now: Date;
}

/**
 * The feeds an article is placed in, in the order of the settings' feed list. Archived feeds are
 * left out: they are off the board, so the site does not show them either.
 */
export function feedsOfArticle(board: Board, feedList: readonly Feed[], articleId: string): FeedSpot[] {
  const key = itemKey({ kind: 'article', id: articleId });
  const spots: FeedSpot[] = [];
  for (const feed of feedList) {
    if (feed.archived) continue;
    const entries = pinnedFirst(entriesOf(board, feed.id));
    const index = entries.findIndex((entry) => entry.key === key);
    const entry = entries[index];
    if (entry) spots.push({ feed, index, count: entries.length, pinned: entry.pinned });
  }
  return spots;
}

/** Names without blanks and without repeats that differ only in case; the first spelling wins. */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    const folded = name.toLocaleLowerCase();
    if (!name || seen.has(folded)) continue;
    seen.add(folded);
    unique.push(name);
  }
  return unique;
}

/** The status the target will hold and, for a story that goes live later, when (ISO UTC). */
function statusOf(placement: Placement | null, mode: PublishMode, now: Date): Pick<PublishPlan, 'status' | 'goLiveAt'> {
  if (mode === 'draft') return { status: 'draft', goLiveAt: null };
  const live = placement ? goLiveAt(placement, now.getTime()) : now.getTime();
  if (live > now.getTime()) return { status: 'future', goLiveAt: new Date(live).toISOString() };
  return { status: 'publish', goLiveAt: null };
}

function wordPressNotCarried(article: Article, placement: Placement | null, feeds: readonly FeedSpot[]): string[] {
  const notes: string[] = [];
  for (const { feed, index, count, pinned } of feeds) {
    if (pinned) notes.push(`Pinned in “${feed.name}”: WordPress makes the post sticky across the whole site.`);
    else if (count > 1) notes.push(`Position ${index + 1} of ${count} in “${feed.name}” is not sent: WordPress lists posts by date.`);
  }
  if (placement?.expiresAt) {
    notes.push(`Expires ${formatUtc(placement.expiresAt)}: WordPress cannot take a post down at a set time; remove it by hand then.`);
  }
  if (feeds.length === 0) notes.push(notPlacedSentence(article));
  return notes;
}

/** ninjs carries the embargo (`embargoed`) and the expiry (`expires`); it has no feeds, orders or pins. */
function ninjsNotCarried(article: Article, feeds: readonly FeedSpot[]): string[] {
  const notes: string[] = [];
  for (const { feed, index, count, pinned } of feeds) {
    if (pinned) notes.push(`Pinned in “${feed.name}” is not sent: ninjs has no way to mark a top story.`);
    else if (count > 1) notes.push(`Position ${index + 1} of ${count} in “${feed.name}” is not sent: ninjs has no order within a feed.`);
  }
  if (feeds.length > 0) {
    const names = feeds.map(({ feed }) => `“${feed.name}”`).join(', ');
    notes.push(`The feeds it is placed in (${names}) are not sent: ninjs has no feeds; the section and tags go as subjects.`);
  } else {
    notes.push(notPlacedSentence(article));
  }
  return notes;
}

function notPlacedSentence(article: Article): string {
  return article.section.trim()
    ? 'Not placed in any feed: it is sent with its section only.'
    : 'Not placed in any feed and no section set: it is sent without a category.';
}

/** What publishing `article` to a target of `targetKind` will send, and what it cannot. */
export function planPublish(input: PlanInput): PublishPlan {
  const { article, placement, feeds, mode, targetKind, existing, now } = input;
  const { status, goLiveAt: liveAt } = statusOf(placement, mode, now);
  const notCarried =
    targetKind === 'wordpress'
      ? wordPressNotCarried(article, placement, feeds)
      : targetKind === 'ghost'
        ? ghostNotCarried(placement, feeds, notPlacedSentence(article))
        : ninjsNotCarried(article, feeds);
  return {
    targetKind,
    status,
    goLiveAt: liveAt,
    categories: uniqueNames([article.section, ...feeds.map(({ feed }) => feed.name)]),
    tags: uniqueNames(article.tags),
    sticky: feeds.some((spot) => spot.pinned),
    // Distinct photos: a photo used twice is sent once.
    photoCount: new Set(photoUsesOf(article).map((use) => use.photoId)).size,
    existingPostId: existing?.postId ?? null,
    existingLink: existing?.link ? existing.link : null,
    notCarried,
  };
}
