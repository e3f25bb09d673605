import type { PublishError } from '../http/publish-error';

/**
 * When the outbox tries a failed job again. Only failures that pass (no network, a timeout, a 5xx or
 * 429 from the CMS) are retried; the delay grows with each attempt and is spread at random ("jitter")
 * so that many jobs failing together, or many desks behind one newsroom proxy, do not all come back
 * in the same second and knock the site over again.
 */
export interface RetryOptions {
  /** The first delay, in milliseconds (2 s unless set). */
  baseMs?: number;
  /** No delay is longer than this (5 min unless set), except what the CMS asks for with Retry-After. */
  capMs?: number;
  /**
   * 'full': a random delay between 0 and the exponential ceiling (AWS's "full jitter").
   * 'decorrelated': random between the base and three times the previous delay, so delays never
   * drop below the base and still grow (the default).
   */
  jitter?: 'full' | 'decorrelated';
  /** The longest Retry-After honoured (1 h unless set): a CMS asking for a day is taken as an hour. */
  maxRetryAfterMs?: number;
  /** A number in [0, 1); Math.random unless set (tests pass their own). */
  random?: () => number;
}

export interface RetryRequest {
  error: PublishError;
  /** The attempt that just failed, counting from 1. */
  attempt: number;
  /** The delay chosen after the previous failure of this job, when known. */
  previousDelayMs: number | null;
}

export type RetryDecision =
  | { retry: false }
  /** `notBeforeMs` is set when the CMS said when to come back; no retry may start earlier. */
  | { retry: true; delayMs: number; notBeforeMs: number | null };

export interface RetryPolicy {
  decide(request: RetryRequest): RetryDecision;
}

export const DEFAULT_RETRY_BASE_MS = 2_000;
export const DEFAULT_RETRY_CAP_MS = 5 * 60_000;
export const DEFAULT_MAX_RETRY_AFTER_MS = 60 * 60_000;

export function createRetryPolicy(options: RetryOptions = {}): RetryPolicy {
  const base = Math.max(1, options.baseMs ?? DEFAULT_RETRY_BASE_MS);
  const cap = Math.max(base, options.capMs ?? DEFAULT_RETRY_CAP_MS);
  const maxRetryAfter = options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  const jitter = options.jitter ?? 'decorrelated';
  const random = options.random ?? Math.random;

  const backoff = (attempt: number, previous: number | null): number => {
    if (jitter === 'full') {
      // 2^30 is far past any cap; the bound keeps the power finite for absurd attempt counts.
      const ceiling = Math.min(cap, base * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
      return Math.round(random() * ceiling);
    }
    const upper = Math.max(base, (previous ?? base) * 3);
    return Math.min(cap, Math.round(base + random() * (upper - base)));
  };

  return {
    decide({ error, attempt, previousDelayMs }) {
      if (!error.retryable) return { retry: false };
      const delay = backoff(attempt, previousDelayMs);
      if (error.retryAfterMs === null || !(error.retryAfterMs >= 0)) return { retry: true, delayMs: delay, notBeforeMs: null };
      // Never earlier than the CMS asked; later is fine when the backoff is already longer.
      const asked = Math.min(Math.ceil(error.retryAfterMs), maxRetryAfter);
      return { retry: true, delayMs: Math.max(delay, asked), notBeforeMs: asked };
    },
  };
}

/** "4 seconds", "2 minutes", "1 hour": how long until the next try, for the job's log. */
export function describeDelay(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 90) return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}
