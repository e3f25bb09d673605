import type { Placement } from '../model/placement';
import { formatUtc } from './embargo-date';

/** Where an article sits in one feed (publish-plan's FeedSpot, only what is needed here). */
interface Spot {
  feed: { name: string };
  index: number;
  count: number;
  pinned: boolean;
}

/**
 * What a Ghost site cannot hold of the placement. Ghost has tags only (the section and feeds are
 * sent as tags, the first one primary), marks a top story as "featured", and lists posts by date.
 */
export function ghostNotCarried(placement: Placement | null, feeds: readonly Spot[], notPlaced: string): string[] {
  const notes: string[] = [];
  for (const { feed, index, count, pinned } of feeds) {
    if (pinned) notes.push(`Pinned in “${feed.name}”: Ghost marks the post as featured across the whole site.`);
    else if (count > 1) notes.push(`Position ${index + 1} of ${count} in “${feed.name}” is not sent: Ghost lists posts by date.`);
  }
  if (feeds.length > 0) notes.push('Ghost has no categories: the section and the feeds are sent as tags, the first one primary.');
  if (placement?.expiresAt) {
    notes.push(`Expires ${formatUtc(placement.expiresAt)}: Ghost cannot take a post down at a set time, so Newsdesk takes it back to a draft then, through the outbox (at its next start if it is not running).`);
  }
  if (feeds.length === 0) notes.push(notPlaced);
  return notes;
}
