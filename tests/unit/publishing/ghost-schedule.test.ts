import { describe, expect, it } from 'vitest';
import { ghostGoLive } from '../../../electron/main/services/publishing/ghost/ghost-schedule';
import { isPublishError } from '../../../electron/main/services/publishing/http/publish-error';

const SITE_NOW = Date.parse('2026-12-06T12:00:00Z');
const at = (minutes: number) => new Date(SITE_NOW + minutes * 60_000).toISOString();

describe('when a Ghost post goes live (decided by the site clock)', () => {
  it('schedules a time well ahead', () => {
    expect(ghostGoLive(at(45), SITE_NOW)).toEqual({ status: 'scheduled', publishedAt: at(45) });
  });

  it('publishes a time that has passed, dated at that time (Ghost would refuse to schedule it)', () => {
    expect(ghostGoLive(at(-45), SITE_NOW)).toEqual({ status: 'published', publishedAt: at(-45) });
  });

  it('holds a time too close to schedule until it passes, never publishing early', () => {
    let thrown: unknown;
    try {
      ghostGoLive(at(1), SITE_NOW);
    } catch (error) {
      thrown = error;
    }
    expect(isPublishError(thrown) && thrown.retryable).toBe(true);
    expect(isPublishError(thrown) ? thrown.retryAfterMs : 0).toBeGreaterThanOrEqual(60_000);
    expect(String(thrown)).toMatch(/at least 2 minutes ahead.*12:01 UTC/);
  });
});
