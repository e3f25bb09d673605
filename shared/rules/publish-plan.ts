import type { Article } from '../model/article';
import type { Feed } from '../model/feed';
import { itemKey, type Board, type ItemRef, type Placement } from '../model/placement';
import type { PublishMode, PublishPlan } from '../model/publishing';
import { formatUtc } from './embargo-date';
import { ghostNotCarried } from './ghost-plan';
import { entriesOf, heldUntil, pinnedFirst } from './placement';
import { photoUsesOf } from './prepublish';
import { seoFieldsOf } from './seo';

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
  /**
   * How far the site's clock is ahead of this computer's (ms; negative when behind), measured from
   * the site's last answer; null or absent when unknown.
   */
  siteClockSkewMs?: number | null;
  /** What the site will show as author and byline (byline-match's sentences); absent when not known. */
  byline?: readonly string[];
}

/** Beyond this a skew is said to the editor: WordPress treats a post less than a minute ahead as due now. */
export const CLOCK_SKEW_WARN_MS = 60_000;

/**
 * The feeds an article (or, with `kind` video, a video item) is placed in, in the order of the settings' feed list. Archived feeds are
 * left out: they are off the board, so the site does not show them either.
 */
export function feedsOfArticle(board: Board, feedList: readonly Feed[], articleId: string, kind: ItemRef['kind'] = 'article'): FeedSpot[] {
  const key = itemKey({ kind, id: articleId });
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

/**
 * The status the target will hold and, for a story with a schedule or an embargo, when it goes live
 * (ISO UTC). Whenever such a time exists it is sent, even when this computer's clock says it has
 * passed: the site's clock decides (WordPress publishes a `future` post whose date has passed at
 * once), so a desk clock that is fast can never publish an embargoed story early.
 */
function statusOf(placement: Placement | null, mode: PublishMode): Pick<PublishPlan, 'status' | 'goLiveAt'> {
  if (mode === 'draft') return { status: 'draft', goLiveAt: null };
  const until = placement ? heldUntil(placement) : null;
  if (until === null) return { status: 'publish', goLiveAt: null };
  return { status: 'future', goLiveAt: new Date(until).toISOString() };
}

function minutesText(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 90) return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  const hours = Math.round(minutes / 6) / 10;
  return `${hours} hours`;
}

/** The sentence telling the editor this computer's clock is off, or null when within the threshold or unknown. */
export function clockSkewNote(skewMs: number | null | undefined): string | null {
  if (typeof skewMs !== 'number' || Math.abs(skewMs) <= CLOCK_SKEW_WARN_MS) return null;
  const way = skewMs < 0 ? 'ahead of' : 'behind';
  return `This computer's clock is ${minutesText(skewMs)} ${way} the site's. Schedules and embargoes are sent as times and the site's clock decides; set this computer's clock right so what Newsdesk shows matches the site.`;
}

/** Sentences about time the editor should read before sending: a skewed clock, a time already passed. */
export function clockNotesOf(plan: Pick<PublishPlan, 'status' | 'goLiveAt'>, now: Date, skewMs: number | null | undefined): string[] {
  const notes: string[] = [];
  const skewed = clockSkewNote(skewMs);
  if (skewed) notes.push(skewed);
  // The site's time as best known: this computer's, corrected by the skew last measured.
  const siteNow = now.getTime() + (typeof skewMs === 'number' ? skewMs : 0);
  if (plan.status === 'future' && plan.goLiveAt && Date.parse(plan.goLiveAt) <= siteNow) {
    notes.push(`${formatUtc(plan.goLiveAt)} has already passed: the site publishes the story at once if its own clock agrees, and holds it until then if not.`);
  }
  return notes;
}

function wordPressNotCarried(article: Article, placement: Placement | null, feeds: readonly FeedSpot[]): string[] {
  const notes: string[] = [];
  for (const { feed, index, count, pinned } of feeds) {
    if (pinned) notes.push(`Pinned in “${feed.name}”: WordPress makes the post sticky across the whole site.`);
    else if (count > 1) notes.push(`Position ${index + 1} of ${count} in “${feed.name}” is not sent: WordPress lists posts by date.`);
  }
  if (placement?.expiresAt) {
    notes.push(`Expires ${formatUtc(placement.expiresAt)}: WordPress cannot take a post down at a set time, so Newsdesk takes it back to a draft then, through the outbox (at its next start if it is not running).`);
  }
  if (feeds.length === 0) notes.push(notPlacedSentence(article));
  notes.push(...wordPressSeoNotes(article));
  return notes;
}

/**
 * WordPress core has no search or social fields (those belong to plugins, whose fields differ from
 * site to site): what the editor typed there is said to be left out rather than guessed at.
 */
function wordPressSeoNotes(article: Article): string[] {
  const fields = seoFieldsOf(article);
  const notes: string[] = [];
  if (fields.seoTitle.trim() || fields.seoDescription.trim()) notes.push('The site keeps no SEO fields: the SEO title and description are not sent.');
  if (fields.socialTitle.trim() || fields.socialDescription.trim() || fields.socialImage) {
    notes.push('The site keeps no social fields: the social title, text and image are not sent; sites sharing the post show its title, excerpt and featured image.');
  }
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
  const { status, goLiveAt: liveAt } = statusOf(placement, mode);
  const clockNotes = clockNotesOf({ status, goLiveAt: liveAt }, now, input.siteClockSkewMs);
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
    ...(input.byline && targetKind !== 'ninjs' ? { byline: [...input.byline] } : {}),
    ...(clockNotes.length > 0 ? { clockNotes } : {}),
  };
}
