import { describe, expect, it } from 'vitest';
import { PublishPlan } from '../../../shared/model/publishing';
import { planPublish } from '../../../shared/rules/publish-plan';
import { NEWS_FEED, NOW, OPINION, fullArticle, placementOf } from './publishing-fixtures';

const article = fullArticle();

describe('the publish plan for a Ghost site', () => {
  it('says a pin becomes “featured”, the order is not sent, categories go as tags, and an expiry is not enforced', () => {
    const plan = PublishPlan.parse(
      planPublish({
        article,
        placement: placementOf(article, { expiresAt: '2026-06-03T18:00:00.000Z' }),
        feeds: [
          { feed: OPINION, index: 0, count: 2, pinned: true },
          { feed: NEWS_FEED, index: 2, count: 3, pinned: false },
        ],
        mode: 'publish',
        targetKind: 'ghost',
        existing: { postId: '0123456789abcdef01234567', link: 'https://cms.example/story/' },
        now: NOW,
      }),
    );
    expect(plan).toMatchObject({ targetKind: 'ghost', sticky: true, existingPostId: '0123456789abcdef01234567', existingLink: 'https://cms.example/story/' });
    expect(plan.notCarried).toEqual([
      `Pinned in “${OPINION.name}”: Ghost marks the post as featured across the whole site.`,
      `Position 3 of 3 in “${NEWS_FEED.name}” is not sent: Ghost lists posts by date.`,
      'Ghost has no categories: the section and the feeds are sent as tags, the first one primary.',
      expect.stringMatching(/^Expires .*: Ghost cannot take a post down at a set time, so Newsdesk takes it back to a draft then, through the outbox \(at its next start if it is not running\)\.$/),
    ]);
  });
});
