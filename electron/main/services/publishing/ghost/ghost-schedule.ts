import { PublishError } from '../http/publish-error';

/**
 * Ghost refuses to schedule a post less than two minutes ahead of its own clock (a 422), where
 * WordPress accepts any `future` date and publishes a passed one itself. So, for Ghost, the plan's
 * go-live time is compared with the SITE's clock (learnt from its Date headers; the desk's clock
 * when none was seen yet):
 * - well ahead: scheduled, and Ghost's scheduler publishes it;
 * - passed: published now, dated at the go-live time (the embargo has lifted by the site's clock);
 * - in between: not sent yet. The job waits for the time to pass and tries again: publishing early,
 *   even by a minute, would break an embargo.
 */
export const GHOST_MIN_SCHEDULE_MS = 2 * 60_000;
/** Margin for the request's own travel time and the site's second-granular Date header. */
const MARGIN_MS = 30_000;

export type GhostGoLive = { status: 'scheduled'; publishedAt: string } | { status: 'published'; publishedAt: string };

export function ghostGoLive(goLiveAt: string, siteNowMs: number): GhostGoLive {
  const remaining = Date.parse(goLiveAt) - siteNowMs;
  if (remaining > GHOST_MIN_SCHEDULE_MS + MARGIN_MS) return { status: 'scheduled', publishedAt: goLiveAt };
  if (remaining <= 0) return { status: 'published', publishedAt: goLiveAt };
  const at = new Date(goLiveAt).toISOString().slice(11, 16);
  throw new PublishError('server', `Ghost schedules posts at least 2 minutes ahead, and this story goes live at ${at} UTC by the site's clock: Newsdesk publishes it then.`, {
    retryAfterMs: remaining + 1_000,
  });
}
