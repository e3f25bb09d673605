import { describe, expect, it } from 'vitest';
import { PublishError } from '../../../electron/main/services/publishing/http/publish-error';
import { createRetryPolicy, describeDelay } from '../../../electron/main/services/publishing/outbox/retry-policy';

const offline = new PublishError('offline', 'No network.');
const at = (value: number) => () => value;

describe('retry policy', () => {
  it('full jitter picks between 0 and a ceiling that doubles each attempt up to the cap', () => {
    const top = createRetryPolicy({ baseMs: 1000, capMs: 10_000, jitter: 'full', random: at(0.999_999) });
    const delays = [1, 2, 3, 4, 5, 6].map((attempt) => top.decide({ error: offline, attempt, previousDelayMs: null }));
    expect(delays.map((d) => (d.retry ? d.delayMs : -1))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
    const bottom = createRetryPolicy({ baseMs: 1000, jitter: 'full', random: at(0) });
    expect(bottom.decide({ error: offline, attempt: 3, previousDelayMs: null })).toEqual({ retry: true, delayMs: 0, notBeforeMs: null });
  });

  it('decorrelated jitter stays between the base and three times the previous delay, within the cap', () => {
    const low = createRetryPolicy({ baseMs: 2000, capMs: 60_000, random: at(0) });
    expect(low.decide({ error: offline, attempt: 5, previousDelayMs: 9000 })).toMatchObject({ delayMs: 2000 });
    const high = createRetryPolicy({ baseMs: 2000, capMs: 60_000, random: at(0.999_999) });
    expect(high.decide({ error: offline, attempt: 2, previousDelayMs: 9000 })).toMatchObject({ delayMs: 27_000 });
    expect(high.decide({ error: offline, attempt: 9, previousDelayMs: 50_000 })).toMatchObject({ delayMs: 60_000 });
    // Defaults: 2 s up to 5 min.
    const defaults = createRetryPolicy({ random: at(0.999_999) });
    expect(defaults.decide({ error: offline, attempt: 1, previousDelayMs: null })).toMatchObject({ delayMs: 6000 });
    expect(defaults.decide({ error: offline, attempt: 30, previousDelayMs: 10 * 60_000 })).toMatchObject({ delayMs: 300_000 });
  });

  it('never retries before Retry-After, honours at most an hour of it, and keeps a longer backoff', () => {
    const policy = createRetryPolicy({ baseMs: 1000, random: at(0) });
    const busy = (retryAfterMs: number) => new PublishError('server', 'Too many requests.', { status: 429, retryAfterMs });
    expect(policy.decide({ error: busy(30_000), attempt: 1, previousDelayMs: null })).toEqual({ retry: true, delayMs: 30_000, notBeforeMs: 30_000 });
    expect(policy.decide({ error: busy(24 * 3600_000), attempt: 1, previousDelayMs: null })).toEqual({ retry: true, delayMs: 3600_000, notBeforeMs: 3600_000 });
    const slow = createRetryPolicy({ baseMs: 90_000, random: at(0) });
    expect(slow.decide({ error: busy(5000), attempt: 1, previousDelayMs: null })).toEqual({ retry: true, delayMs: 90_000, notBeforeMs: 5000 });
  });

  it('retries network failures, timeouts and server errors, and stops on refusals and local problems', () => {
    const policy = createRetryPolicy({ random: at(0.5) });
    const decide = (error: PublishError) => policy.decide({ error, attempt: 1, previousDelayMs: null }).retry;
    expect(decide(offline)).toBe(true);
    expect(decide(new PublishError('timeout', 'Timed out.'))).toBe(true);
    expect(decide(new PublishError('server', 'Internal error.', { status: 500 }))).toBe(true);
    expect(decide(new PublishError('rejected', 'Sorry, you are not allowed to do that.', { status: 403 }))).toBe(false);
    expect(decide(new PublishError('local', 'No password is stored.'))).toBe(false);
  });

  it('says delays in words', () => {
    expect(describeDelay(400)).toBe('1 second');
    expect(describeDelay(4000)).toBe('4 seconds');
    expect(describeDelay(5 * 60_000)).toBe('5 minutes');
    expect(describeDelay(3600_000)).toBe('1 hour');
  });
});
