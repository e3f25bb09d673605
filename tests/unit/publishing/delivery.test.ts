import { describe, expect, it } from 'vitest';
import { deliveryAfter } from '../../../electron/main/services/publishing/outbox/delivery';
import { newJob } from '../../../electron/main/services/publishing/outbox/outbox-jobs';
import { BOARD_FORMAT, type Board, type Placement } from '../../../shared/model/placement';
import type { JobState, PublishJob, PublishMode } from '../../../shared/model/publishing';

const ARTICLE = 'article-0001';
const NOW = Date.parse('2030-05-01T12:00:00.000Z');

function board(placement: Partial<Placement> | null): Board {
  if (!placement) return { format: BOARD_FORMAT, placements: {}, feeds: {} };
  const full: Placement = { item: { kind: 'article', id: ARTICLE }, publish: { mode: 'now' }, embargoUntil: null, expiresAt: null, delivery: 'queued', publishedAt: null, ...placement };
  return { format: BOARD_FORMAT, placements: { [`article:${ARTICLE}`]: full }, feeds: { 'news-feed': [{ key: `article:${ARTICLE}`, pinned: false }] } };
}

function job(state: JobState, mode: PublishMode = 'publish'): PublishJob {
  return { ...newJob({ articleId: ARTICLE, targetId: 't-target01', headline: 'H', mode }, NOW), state };
}

describe('the card’s delivery state after a job', () => {
  it('is published, at the first time it went live, once a publish gets through', () => {
    expect(deliveryAfter(job('done'), [], board({}), null)).toEqual({ delivery: 'published', publishedAt: '2030-05-01T12:00:00.000Z' });
    expect(deliveryAfter(job('done'), [], board({ publishedAt: '2030-04-01T08:00:00.000Z' }), null)).toEqual({
      delivery: 'published',
      publishedAt: '2030-04-01T08:00:00.000Z',
    });
  });

  it('goes back to what it was when a job fails, is cancelled, or only sent a draft', () => {
    expect(deliveryAfter(job('failed'), [], board({}), null)).toEqual({ delivery: 'none', publishedAt: null });
    expect(deliveryAfter(job('done', 'draft'), [], board({}), null)).toEqual({ delivery: 'none', publishedAt: null });
    expect(deliveryAfter(job('cancelled'), [], board({ publishedAt: '2030-04-01T08:00:00.000Z' }), null)).toEqual({
      delivery: 'published',
      publishedAt: '2030-04-01T08:00:00.000Z',
    });
  });

  it('stays queued while another job for the article is under way, and leaves unplaced articles alone', () => {
    expect(deliveryAfter(job('failed'), [job('waiting')], board({}), null)).toBeNull();
    expect(deliveryAfter(job('done'), [], board(null), null)).toBeNull();
  });
});
