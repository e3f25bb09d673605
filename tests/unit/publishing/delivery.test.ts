import { describe, expect, it } from 'vitest';
import { deliveryAfter } from '../../../electron/main/services/publishing/outbox/delivery';
import { newJob } from '../../../electron/main/services/publishing/outbox/outbox-jobs';
import { BOARD_FORMAT, type Board, type Placement } from '../../../shared/model/placement';
import type { JobState, PublishJob, PublishMode } from '../../../shared/model/publishing';
import { boardStatus, liveEntries } from '../../../shared/rules/placement';

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

  it('is retracted once a retract gets through, and stays as it was when one fails', () => {
    const retract = (state: JobState): PublishJob => ({ ...newJob({ articleId: ARTICLE, targetId: 't-target01', headline: 'H', mode: 'draft', retract: { as: 'draft' } }, NOW), state });
    const live = board({ delivery: 'published', publishedAt: '2030-04-01T08:00:00.000Z' });
    expect(deliveryAfter(retract('done'), [], live, null)).toEqual({ delivery: 'retracted', publishedAt: '2030-04-01T08:00:00.000Z' });
    expect(deliveryAfter(retract('failed'), [], live, null)).toEqual({ delivery: 'published', publishedAt: '2030-04-01T08:00:00.000Z' });
    // Published again after a retract: live once more, with the time it first went live.
    expect(deliveryAfter(job('done'), [], board({ delivery: 'retracted', publishedAt: '2030-04-01T08:00:00.000Z' }), null)).toEqual({
      delivery: 'published',
      publishedAt: '2030-04-01T08:00:00.000Z',
    });
  });

  it('moves a video item’s card for a video job, never an article card with the same id', () => {
    const videoBoard: Board = {
      format: BOARD_FORMAT,
      placements: { [`video:${ARTICLE}`]: { item: { kind: 'video', id: ARTICLE }, publish: { mode: 'now' }, embargoUntil: null, expiresAt: null, delivery: 'queued', publishedAt: null } },
      feeds: { videos: [{ key: `video:${ARTICLE}`, pinned: false }] },
    };
    const videoJob = (state: JobState, fields: Partial<Parameters<typeof newJob>[0]> = {}): PublishJob => ({
      ...newJob({ articleId: ARTICLE, itemKind: 'video', targetId: 't-target01', headline: 'H', mode: 'publish', ...fields }, NOW),
      state,
    });
    expect(videoJob('done').itemKind).toBe('video');
    expect(deliveryAfter(videoJob('done'), [], videoBoard, null)).toEqual({ delivery: 'published', publishedAt: '2030-05-01T12:00:00.000Z' });
    // An article job finds no card of its own on a board holding only the video.
    expect(deliveryAfter(job('done'), [], videoBoard, null)).toBeNull();
    // The article's pending job does not hold the video's card at Queued.
    expect(deliveryAfter(videoJob('done'), [job('waiting')], videoBoard, null)).toEqual({ delivery: 'published', publishedAt: '2030-05-01T12:00:00.000Z' });
    const live: Board = { ...videoBoard, placements: { [`video:${ARTICLE}`]: { ...videoBoard.placements[`video:${ARTICLE}`]!, delivery: 'published', publishedAt: '2030-04-01T08:00:00.000Z' } } };
    expect(deliveryAfter(videoJob('done', { mode: 'draft', retract: { as: 'draft' } }), [], live, null)).toEqual({ delivery: 'retracted', publishedAt: '2030-04-01T08:00:00.000Z' });
  });

  it('takes a retracted item out of the feed as readers see it, and the card says so', () => {
    const retracted = board({ delivery: 'retracted', publishedAt: '2030-04-01T08:00:00.000Z' });
    const placement = retracted.placements[`article:${ARTICLE}`]!;
    expect(liveEntries(retracted, 'news-feed', NOW)).toEqual([]);
    expect(liveEntries(board({ delivery: 'published', publishedAt: '2030-04-01T08:00:00.000Z' }), 'news-feed', NOW)).toHaveLength(1);
    expect(boardStatus(placement, undefined, NOW)).toBe('retracted');
  });
});
