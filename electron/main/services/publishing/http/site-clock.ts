import { performance } from 'node:perf_hooks';

/**
 * What time it is on each site, learnt from the `Date` header of its answers. Embargoes and
 * schedules are decided by the site's clock (they are sent as dates), but the editor should hear
 * when this computer's clock disagrees with it: what the desk shows as "in 10 minutes" is then not
 * what the site will do.
 *
 * An answer's Date is stored with the monotonic time it arrived, never with the wall clock, so the
 * site's time can be carried forward by elapsed time alone and compared with whichever wall clock
 * the caller uses (tests inject a fast one); a wall clock stepped meanwhile changes nothing here.
 */
export interface SiteClocks {
  /** One answer from `origin` (scheme://host:port): its Date header and when the exchange started and ended (monotonic ms). */
  observe(origin: string, dateHeader: string | null, sentAtMono: number, receivedAtMono: number): void;
  /** The site's time now (ms since the epoch), or null when no answer with a Date header was seen. */
  siteNow(url: string): number | null;
  /** How far the site's clock is ahead of `localNow` (negative when behind), or null when unknown. */
  skewMs(url: string, localNow: number): number | null;
}

interface Observation {
  /** The site's time, in ms since the epoch, at `atMono`. */
  siteTime: number;
  atMono: number;
}

/** Origins kept at most: a desk has a handful of targets; the bound only guards against misuse. */
const MAX_ORIGINS = 64;

export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function createSiteClocks(monotonicNow: () => number = () => performance.now()): SiteClocks {
  const observations = new Map<string, Observation>();
  const siteNow = (url: string): number | null => {
    const origin = originOf(url);
    const seen = origin === null ? undefined : observations.get(origin);
    if (!seen) return null;
    return seen.siteTime + (monotonicNow() - seen.atMono);
  };
  return {
    observe(origin, dateHeader, sentAtMono, receivedAtMono) {
      if (!dateHeader) return;
      const stamped = Date.parse(dateHeader);
      if (Number.isNaN(stamped)) return;
      // The header has whole seconds and was written somewhere between sending and receiving:
      // take the middle of both ranges.
      const midway = (sentAtMono + receivedAtMono) / 2;
      observations.delete(origin);
      observations.set(origin, { siteTime: stamped + 500, atMono: midway });
      if (observations.size > MAX_ORIGINS) observations.delete(observations.keys().next().value ?? origin);
    },
    siteNow,
    skewMs(url, localNow) {
      const site = siteNow(url);
      return site === null ? null : Math.round(site - localNow);
    },
  };
}
