import { describe, expect, it } from 'vitest';
import { BOARD_FORMAT, type Board } from '../../../shared/model/placement';
import { PublishPlan } from '../../../shared/model/publishing';
import { feedsOfArticle, planPublish, type PlanInput } from '../../../shared/rules/publish-plan';
import { body, imageNode } from '../shared/photo-fixtures';
import { NEWS_FEED, NOW, OPINION, fullArticle, inlineOne, placementOf } from './publishing-fixtures';

const article = fullArticle();
const key = `article:${article.id}`;

function plan(overrides: Partial<PlanInput> = {}) {
  const result = planPublish({ article, placement: null, feeds: [], mode: 'publish', targetKind: 'wordpress', existing: null, now: NOW, ...overrides });
  // Every plan must cross IPC, so it must satisfy the shared schema.
  return PublishPlan.parse(result);
}

describe('feedsOfArticle', () => {
  const board: Board = {
    format: BOARD_FORMAT,
    placements: { [key]: placementOf(article) },
    feeds: {
      'news-feed': [
        { key: 'article:other-000001', pinned: true },
        { key: 'article:other-000002', pinned: false },
        { key, pinned: false },
      ],
      opinion: [{ key, pinned: true }],
      video: [{ key: 'video:video-000001', pinned: false }],
    },
  };

  it('lists each feed the article is in, with its position as readers see it and its pin', () => {
    expect(feedsOfArticle(board, [NEWS_FEED, OPINION], article.id)).toEqual([
      { feed: NEWS_FEED, index: 2, count: 3, pinned: false },
      { feed: OPINION, index: 0, count: 1, pinned: true },
    ]);
  });

  it('leaves out archived feeds and feeds the article is not in', () => {
    expect(feedsOfArticle(board, [NEWS_FEED, { ...OPINION, archived: true }], article.id)).toEqual([
      { feed: NEWS_FEED, index: 2, count: 3, pinned: false },
    ]);
    expect(feedsOfArticle(board, [NEWS_FEED, OPINION], 'unplaced-0001')).toEqual([]);
  });
});

describe('planPublish', () => {
  it('sends the section then the feeds as categories, without repeats that differ only in case', () => {
    const newsSection = fullArticle({ section: 'news feed' });
    const result = plan({
      article: newsSection,
      feeds: [
        { feed: NEWS_FEED, index: 0, count: 1, pinned: false },
        { feed: OPINION, index: 0, count: 1, pinned: false },
      ],
    });
    expect(result.categories).toEqual(['news feed', 'Opinion']);
    expect(result.tags).toEqual(['Floods', 'Weather']);
    expect(result.photoCount).toBe(3);
    expect(result.sticky).toBe(false);
  });

  it('counts each photo once, however often it is used', () => {
    const twice = fullArticle({ body: body(imageNode(inlineOne.id), imageNode(inlineOne.id)) });
    expect(plan({ article: twice }).photoCount).toBe(2);
    expect(plan({ article: fullArticle({ leadPhoto: null, body: body() }) }).photoCount).toBe(0);
  });

  it('is a draft in draft mode, whatever the schedule', () => {
    const placement = placementOf(article, { publish: { mode: 'scheduled', at: '2026-06-02T08:00:00.000Z' } });
    expect(plan({ mode: 'draft', placement })).toMatchObject({ status: 'draft', goLiveAt: null });
  });

  it('publishes at once when nothing holds it back', () => {
    expect(plan()).toMatchObject({ status: 'publish', goLiveAt: null });
    expect(plan({ placement: placementOf(article) })).toMatchObject({ status: 'publish', goLiveAt: null });
    expect(plan().clockNotes).toBeUndefined();
  });

  it('sends a schedule this computer thinks has passed as a date all the same: the site decides', () => {
    const past = placementOf(article, { publish: { mode: 'scheduled', at: '2026-05-01T08:00:00.000Z' } });
    const result = plan({ placement: past });
    expect(result).toMatchObject({ status: 'future', goLiveAt: '2026-05-01T08:00:00.000Z' });
    expect(result.clockNotes).toEqual([expect.stringContaining('1 May 2026 08:00 UTC has already passed: the site publishes the story at once')]);
  });

  it('keeps an embargo as a date when the desk clock runs 45 minutes fast', () => {
    // Really 11:30; the embargo lifts at 12:00; this computer says 12:15.
    const embargoed = placementOf(article, { embargoUntil: '2026-06-01T12:00:00.000Z' });
    const fast = new Date('2026-06-01T12:15:00.000Z');
    const result = plan({ placement: embargoed, now: fast });
    expect(result).toMatchObject({ status: 'future', goLiveAt: '2026-06-01T12:00:00.000Z' });
    // The site's clock, once seen, says the embargo is still ahead, and the editor hears of the skew.
    const told = plan({ placement: embargoed, now: fast, siteClockSkewMs: -45 * 60_000 });
    expect(told).toMatchObject({ status: 'future', goLiveAt: '2026-06-01T12:00:00.000Z' });
    expect(told.clockNotes).toEqual([expect.stringContaining("This computer's clock is 45 minutes ahead of the site's")]);
  });

  it('says a clock behind the site, and keeps quiet about a skew under a minute', () => {
    expect(plan({ siteClockSkewMs: 3 * 3_600_000 }).clockNotes).toEqual([expect.stringContaining("clock is 3 hours behind the site's")]);
    expect(plan({ siteClockSkewMs: 50_000 }).clockNotes).toBeUndefined();
    expect(plan({ siteClockSkewMs: null }).clockNotes).toBeUndefined();
  });

  it('is future at the later of the scheduled time and the embargo', () => {
    const scheduled = placementOf(article, { publish: { mode: 'scheduled', at: '2026-06-02T08:00:00.000Z' } });
    expect(plan({ placement: scheduled })).toMatchObject({ status: 'future', goLiveAt: '2026-06-02T08:00:00.000Z' });
    const embargoLater = placementOf(article, {
      publish: { mode: 'scheduled', at: '2026-06-02T08:00:00.000Z' },
      embargoUntil: '2026-06-03T00:01:00.000Z',
    });
    expect(plan({ placement: embargoLater })).toMatchObject({ status: 'future', goLiveAt: '2026-06-03T00:01:00.000Z' });
    const embargoOnly = placementOf(article, { embargoUntil: '2026-06-01T18:00:00+02:00' });
    expect(plan({ placement: embargoOnly })).toMatchObject({ status: 'future', goLiveAt: '2026-06-01T16:00:00.000Z' });
  });

  it('says what WordPress cannot hold: position, pin, expiry', () => {
    const placement = placementOf(article, { expiresAt: '2026-11-28T18:00:00.000Z' });
    const result = plan({
      placement,
      feeds: [
        { feed: NEWS_FEED, index: 1, count: 5, pinned: false },
        { feed: OPINION, index: 0, count: 2, pinned: true },
      ],
    });
    expect(result.sticky).toBe(true);
    expect(result.notCarried).toEqual([
      'Position 2 of 5 in “News Feed” is not sent: WordPress lists posts by date.',
      'Pinned in “Opinion”: WordPress makes the post sticky across the whole site.',
      'Expires 28 Nov 2026 18:00 UTC: WordPress cannot take a post down at a set time, so Newsdesk takes it back to a draft then, through the outbox (at its next start if it is not running).',
    ]);
  });

  it('says nothing about position when the article is alone in its feed', () => {
    expect(plan({ feeds: [{ feed: NEWS_FEED, index: 0, count: 1, pinned: false }] }).notCarried).toEqual([]);
  });

  it('says when the article is in no feed', () => {
    expect(plan().notCarried).toEqual(['Not placed in any feed: it is sent with its section only.']);
    expect(plan({ article: fullArticle({ section: '' }) }).notCarried).toEqual([
      'Not placed in any feed and no section set: it is sent without a category.',
    ]);
  });

  it('for ninjs: positions, pins and feeds are not carried, expiry and embargo are', () => {
    const placement = placementOf(article, { expiresAt: '2026-11-28T18:00:00.000Z', embargoUntil: '2026-06-02T00:00:00.000Z' });
    const result = plan({
      targetKind: 'ninjs',
      placement,
      feeds: [
        { feed: NEWS_FEED, index: 1, count: 5, pinned: false },
        { feed: OPINION, index: 0, count: 2, pinned: true },
      ],
    });
    expect(result).toMatchObject({ targetKind: 'ninjs', status: 'future', goLiveAt: '2026-06-02T00:00:00.000Z' });
    expect(result.notCarried).toEqual([
      'Position 2 of 5 in “News Feed” is not sent: ninjs has no order within a feed.',
      'Pinned in “Opinion” is not sent: ninjs has no way to mark a top story.',
      'The feeds it is placed in (“News Feed”, “Opinion”) are not sent: ninjs has no feeds; the section and tags go as subjects.',
    ]);
    expect(result.notCarried.join(' ')).not.toMatch(/Expires|embargo/i);
  });

  it('names the earlier push it updates', () => {
    expect(plan({ existing: { postId: 42, link: 'https://news.example/floods' } })).toMatchObject({
      existingPostId: 42,
      existingLink: 'https://news.example/floods',
    });
    expect(plan({ existing: { postId: null, link: '' } })).toMatchObject({ existingPostId: null, existingLink: null });
    expect(plan()).toMatchObject({ existingPostId: null, existingLink: null });
  });
});
