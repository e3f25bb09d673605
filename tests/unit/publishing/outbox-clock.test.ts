import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openOutbox, type Outbox, type OutboxOptions } from '../../../electron/main/services/publishing/outbox/outbox';
import { PublishError } from '../../../electron/main/services/publishing/http/publish-error';
import type { Publisher } from '../../../electron/main/services/publishing/outbox/publisher';

/*
 * Retry waits against a wall clock that steps (NTP, a user fixing the time, a resume from sleep):
 * the outbox measures them on a monotonic clock. Both clocks are injected; only setTimeout is faked,
 * so the job files are still written to a real disk.
 */

const HOUR = 60 * 60_000;
const dirs: string[] = [];
const outboxes: Outbox[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const outbox of outboxes.splice(0)) await outbox.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

class Clocks {
  wall = Date.parse('2026-12-06T20:00:00.000Z');
  mono = 1_000;
  /** Time passes: both clocks move, and the faked timers fire. */
  async pass(ms: number): Promise<void> {
    this.wall += ms;
    this.mono += ms;
    vi.advanceTimersByTime(ms);
    await settle();
  }
}

/** Lets file writes and promise chains finish (setImmediate is not faked). */
async function settle(): Promise<void> {
  for (let round = 0; round < 50; round += 1) await new Promise((resolve) => setImmediate(resolve));
}

/** Waits for real disk writes (Date is not faked); gives up after 20 s so a stuck outbox fails the test. */
async function until(check: () => boolean): Promise<void> {
  const giveUpAt = Date.now() + 20_000;
  while (!check() && Date.now() < giveUpAt) await settle();
  expect(check()).toBe(true);
}

async function openWith(dir: string, clocks: Clocks, publisher: Publisher, retry: OutboxOptions['retry']): Promise<Outbox> {
  const outbox = await openOutbox({
    dir: join(dir, 'publishing', 'outbox'),
    publisher,
    retry,
    random: () => 0,
    now: () => clocks.wall,
    monotonicNow: () => clocks.mono,
  });
  outboxes.push(outbox);
  return outbox;
}

const request = { articleId: 'article-0001', targetId: 't-target01', headline: 'Story', mode: 'publish' as const };
const busy = () => new PublishError('server', 'The site answered 503 Service Unavailable.', { status: 503 });

describe('retry waits and the wall clock', () => {
  it('a 200 ms retry stays 200 ms when the wall clock steps back an hour during the wait', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-outbox-clock-'));
    dirs.push(dir);
    const clocks = new Clocks();
    let calls = 0;
    const outbox = await openWith(
      dir,
      clocks,
      async () => {
        calls += 1;
        if (calls === 1) throw busy();
        return { kind: 'done', remote: { postId: 1, link: '' } };
      },
      { baseMs: 200, capMs: 1_000 },
    );
    const job = await outbox.enqueue(request);
    await until(() => outbox.get(job.id)?.state === 'waiting');

    clocks.wall -= HOUR;
    await clocks.pass(250);

    await until(() => outbox.get(job.id)?.state === 'done');
    expect(calls).toBe(2);
  });

  it('a job read from disk is not kept waiting longer than the longest retry wait when the clock went back while Newsdesk was closed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-outbox-clock-'));
    dirs.push(dir);
    const clocks = new Clocks();
    const retry = { baseMs: 500, capMs: 1_000, maxRetryAfterMs: 1_000 };
    const first = await openWith(dir, clocks, () => Promise.reject(busy()), retry);
    const job = await first.enqueue(request);
    await until(() => first.get(job.id)?.state === 'waiting');
    await first.close();

    clocks.wall -= HOUR;
    let sent = false;
    const second = await openWith(
      dir,
      clocks,
      () => {
        sent = true;
        return Promise.resolve({ kind: 'done', remote: { postId: 1, link: '' } });
      },
      retry,
    );
    await clocks.pass(1_000);
    await until(() => second.get(job.id)?.state === 'done');
    expect(sent).toBe(true);
  });
});
