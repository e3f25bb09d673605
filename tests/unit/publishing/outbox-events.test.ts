import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChangeSignal } from '../../../electron/main/services/change-signal';
import { openOutbox, type Outbox, type OutboxOptions } from '../../../electron/main/services/publishing/outbox/outbox';
import { PublishError } from '../../../electron/main/services/publishing/http/publish-error';
import type { PublishOutcome, Publisher } from '../../../electron/main/services/publishing/outbox/publisher';
import type { JobState } from '../../../shared/model/publishing';

// The windows no longer poll the outbox: they read it when main says it changed. So every change
// a window shows must be signalled, and the last one must never be swallowed by the coalescing.

const dirs: string[] = [];
const outboxes: Outbox[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const outbox of outboxes.splice(0)) await outbox.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function open(publisher: Publisher, options: Partial<OutboxOptions> = {}): Promise<Outbox> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-outbox-events-'));
  dirs.push(dir);
  const outbox = await openOutbox({ dir: join(dir, 'outbox'), publisher, retry: { baseMs: 5, capMs: 20 }, changeGapMs: 0, ...options });
  outboxes.push(outbox);
  return outbox;
}

const request = { articleId: 'article-0001', targetId: 't-target01', headline: 'Story', mode: 'publish' as const };
const published: PublishOutcome = { kind: 'done', remote: { postId: 7, link: 'https://site.example/?p=7' } };

/** Resolves at the next change signal after it was asked for. */
function signals() {
  let waiters: (() => void)[] = [];
  return {
    listener: () => {
      for (const wake of waiters.splice(0)) wake();
    },
    next: () => new Promise<void>((resolve) => waiters.push(resolve)),
    reset: () => {
      waiters = [];
    },
  };
}

describe('the outbox says when it changed', () => {
  it('signals a job queued, each state it passes through, and ends on the state a window must show', async () => {
    let outbox: Outbox | null = null;
    const seen: JobState[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const done = signals();
    outbox = await open(
      async (context) => {
        context.progress({ label: 'Uploading', bytesSent: 10, bytesTotal: 100 });
        await held;
        return published;
      },
      {
        onChanged: () => {
          const job = outbox?.list()[0];
          if (job) seen.push(job.state);
          done.listener();
        },
      },
    );
    const queued = done.next();
    const job = await outbox.enqueue(request);
    await queued;
    expect(seen.length).toBeGreaterThan(0);
    const finished = new Promise<void>((resolve) => {
      const check = () => (outbox?.get(job.id)?.state === 'done' && seen.at(-1) === 'done' ? resolve() : void done.next().then(check));
      check();
    });
    release();
    await finished;
    expect(seen).toContain('running');
    expect(seen.at(-1)).toBe('done');
  });

  it('signals a site found unreachable, and jobs cleared', async () => {
    const changes = signals();
    let calls = 0;
    const outbox = await open(
      async () => {
        throw new PublishError('offline', 'No connection to site.example.');
      },
      {
        onChanged: () => {
          calls += 1;
          changes.listener();
        },
        retry: { baseMs: 60_000, capMs: 60_000 },
      },
    );
    const job = await outbox.enqueue(request);
    while (outbox.online()) await changes.next();
    expect(outbox.unreachableTargets()).toEqual(['t-target01']);
    await outbox.cancel(job.id);
    const before = calls;
    const cleared = changes.next();
    expect(await outbox.clearFinished()).toBe(1);
    await cleared;
    expect(calls).toBeGreaterThan(before);
  });
});

describe('change signals', () => {
  it('a burst of changes is one signal now and one after the gap, never more, never none', () => {
    vi.useFakeTimers();
    const listener = vi.fn();
    const signal = createChangeSignal(listener, 200);
    for (let i = 0; i < 100; i += 1) signal.notify();
    vi.advanceTimersByTime(0);
    expect(listener).toHaveBeenCalledTimes(1);
    signal.notify();
    signal.notify();
    vi.advanceTimersByTime(199);
    expect(listener).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(listener).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(10_000);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('a change not yet told when it stops is told then, and nothing after', () => {
    vi.useFakeTimers();
    const listener = vi.fn();
    const signal = createChangeSignal(listener, 200);
    signal.notify();
    vi.advanceTimersByTime(0);
    signal.notify();
    signal.stop();
    expect(listener).toHaveBeenCalledTimes(2);
    signal.notify();
    vi.advanceTimersByTime(10_000);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('a listener that throws does not stop later signals', () => {
    vi.useFakeTimers();
    const listener = vi.fn(() => {
      throw new Error('window gone');
    });
    const signal = createChangeSignal(listener, 10);
    signal.notify();
    vi.advanceTimersByTime(0);
    signal.notify();
    vi.advanceTimersByTime(10);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('tells a window a job is done only once the board has followed it', async () => {
    let outbox: Outbox | null = null;
    let boardFollowed = false;
    const boardAtDone: boolean[] = [];
    const done = signals();
    outbox = await open(async () => published, {
      onChanged: () => {
        if (outbox?.list()[0]?.state === 'done') boardAtDone.push(boardFollowed);
        done.listener();
      },
      // The board's own write takes a while (a busy disk): a window must not read it before.
      onFinished: async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        boardFollowed = true;
      },
    });
    await outbox.enqueue(request);
    await vi.waitFor(() => expect(boardAtDone.length).toBeGreaterThan(0), { timeout: 5_000 });
    expect(boardAtDone).not.toContain(false);
  });
});

