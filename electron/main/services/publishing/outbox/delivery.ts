import { itemKey, type Board, type DeliveryState, type ItemRef } from '../../../../../shared/model/placement';
import type { PublishJob, RemoteRecord } from '../../../../../shared/model/publishing';
import { PENDING_JOB_STATES } from './outbox-jobs';

/**
 * What the article's card on the board says once a publish job ends. 'Published' only when a
 * publish (not a draft) got through; a failed, cancelled or draft job puts the card back to what
 * it was before it was queued. While another job for the same article is still under way the card
 * stays 'Queued'. A retract (or a kill notice) that got through makes it 'Retracted'. Null: nothing to change (the article is in no feed, or still queued).
 */
export function deliveryAfter(
  job: PublishJob,
  otherJobs: readonly PublishJob[],
  board: Board,
  record: RemoteRecord | null,
): { delivery: DeliveryState; publishedAt: string | null } | null {
  const placement = board.placements[itemKey(jobItem(job))];
  if (!placement) return null;
  if (otherJobs.some((other) => other.articleId === job.articleId && (other.itemKind ?? 'article') === (job.itemKind ?? 'article') && PENDING_JOB_STATES.includes(other.state))) return null;
  if (job.retract || job.kill) {
    // Taken off the site: the card says so and the feed preview leaves it out; a failed retract changes nothing.
    if (job.state === 'done') return { delivery: 'retracted', publishedAt: placement.publishedAt };
    return { delivery: placement.delivery === 'queued' ? (placement.publishedAt !== null ? 'published' : 'none') : placement.delivery, publishedAt: placement.publishedAt };
  }
  // The first time it went live is what the card shows; later updates do not move it.
  if (job.state === 'done' && job.mode === 'publish') {
    return { delivery: 'published', publishedAt: placement.publishedAt ?? record?.publishedAt ?? job.updatedAt };
  }
  return { delivery: placement.publishedAt !== null ? 'published' : 'none', publishedAt: placement.publishedAt };
}

/** The board item a job sends: a video item when the job says so, else an article. */
export function jobItem(job: Pick<PublishJob, 'articleId' | 'itemKind'>): ItemRef {
  return { kind: job.itemKind ?? 'article', id: job.articleId };
}
