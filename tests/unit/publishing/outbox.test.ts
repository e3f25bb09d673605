import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openOutbox, type Outbox, type OutboxOptions } from '../../../electron/main/services/publishing/outbox/outbox';
import { JOB_LOG_LIMIT } from '../../../electron/main/services/publishing/outbox/outbox-jobs';
import { PublishError } from '../../../electron/main/services/publishing/http/publish-error';
import type { PublishContext, PublishOutcome, Publisher } from '../../../electron/main/services/publishing/outbox/publisher';
import { PublishJob } from '../../../shared/model/publishing';

const dirs: string[] = [];
const outboxes: Outbox[] = [];
afterEach(async () => {
  for (const outbox of outboxes.splice(0)) await outbox.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function library(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-outbox-'));
  dirs.push(dir);
  return dir;
}

const outboxDir = (lib: string) => join(lib, 'publishing', 'outbox');

async function open(lib: string, publisher: Publisher, options: Partial<OutboxOptions> = {}): Promise<Outbox> {
  const outbox = await openOutbox({ dir: outboxDir(lib), publisher, retry: { baseMs: 5, capMs: 20 }, ...options });
  outboxes.push(outbox);
  return outbox;
}

async function jobOnDisk(lib: string, id: string): Promise<PublishJob> {
  return PublishJob.parse(JSON.parse(await readFile(join(outboxDir(lib), `${id}.json`), 'utf8')));
}

const article = (n: number) => `article-${String(n).padStart(4, '0')}`;
const request = (n: number, targetId = 't-target01') => ({ articleId: article(n), targetId, headline: `Story ${n}`, mode: 'publish' as const });
const published = (postId = 7): PublishOutcome => ({ kind: 'done', remote: { postId, link: `https://site.example/?p=${postId}` } });

/** Resolves once `signal` aborts, then throws as a real request would. */
function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const fail = () => reject(new PublishError('offline', 'The request was aborted.'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('the outbox', () => {
  it('stores the job, with its client key, before the publisher sends anything', async () => {
    const lib = await library();
    const seen: PublishJob[] = [];
    const outbox = await open(lib, async ({ job }) => {
      seen.push(await jobOnDisk(lib, job.id));
      return published();
    });
    const job = await outbox.enqueue(request(1));
    expect(job.clientKey).toMatch(/^[a-f0-9]{32}$/);
    await outbox.whenIdle();
    expect(seen).toEqual([expect.objectContaining({ id: job.id, state: 'running', attempts: 1, clientKey: job.clientKey })]);
    const done = await jobOnDisk(lib, job.id);
    expect(done).toMatchObject({ state: 'done', remote: { postId: 7, link: 'https://site.example/?p=7' }, lastError: null });
    expect(done.log.map((line) => line.message)).toEqual(['Queued for publishing.', 'Sending.', 'Published: https://site.example/?p=7.']);
    const other = await outbox.enqueue(request(2));
    expect(other.clientKey).not.toBe(job.clientKey);
  });

  it('retries a 500 and a 429, never before the Retry-After, then publishes', async () => {
    const lib = await library();
    const starts: number[] = [];
    const failures = [
      new PublishError('server', 'The site answered 500 Internal Server Error.', { status: 500 }),
      new PublishError('server', 'The site is busy (429).', { status: 429, retryAfterMs: 300 }),
    ];
    const outbox = await open(lib, async () => {
      starts.push(Date.now());
      const failure = failures.shift();
      if (failure) throw failure;
      return published();
    });
    const { id } = await outbox.enqueue(request(1));
    await outbox.whenIdle();
    const job = outbox.get(id)!;
    expect(job).toMatchObject({ state: 'done', attempts: 3 });
    expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(300);
    const messages = job.log.map((line) => line.message);
    expect(messages).toContain('Attempt 1 failed: The site answered 500 Internal Server Error. Trying again in 1 second.');
    expect(messages.some((line) => line.startsWith('Attempt 2 failed: The site is busy (429).'))).toBe(true);
    expect(outbox.online()).toBe(true);
  });

  it('stops on a refusal with the CMS’s message and does not try again', async () => {
    const lib = await library();
    let calls = 0;
    const finished: PublishJob[] = [];
    const outbox = await open(
      lib,
      async () => {
        calls += 1;
        throw new PublishError('rejected', 'WordPress said: Sorry, you are not allowed to create posts as this user', { status: 403 });
      },
      { onFinished: (job) => void finished.push(job) },
    );
    const { id } = await outbox.enqueue(request(1));
    await outbox.whenIdle();
    expect(calls).toBe(1);
    const job = await jobOnDisk(lib, id);
    expect(job).toMatchObject({ state: 'failed', lastError: 'WordPress said: Sorry, you are not allowed to create posts as this user.' });
    expect(job.log.at(-1)).toMatchObject({ level: 'error', message: 'Stopped: WordPress said: Sorry, you are not allowed to create posts as this user.' });
    expect(finished.map((entry) => entry.state)).toEqual(['failed']);
  });

  it('cancels a job mid-attempt: the signal aborts and the job is cancelled at once', async () => {
    const lib = await library();
    const started = deferred<PublishContext>();
    const outbox = await open(lib, async (context) => {
      started.resolve(context);
      return untilAborted(context.signal);
    });
    const { id } = await outbox.enqueue(request(1));
    const context = await started.promise;
    expect(context.signal.aborted).toBe(false);
    const cancelled = await outbox.cancel(id);
    expect(cancelled.state).toBe('cancelled');
    expect(context.signal.aborted).toBe(true);
    expect((await jobOnDisk(lib, id)).state).toBe('cancelled');
    await outbox.whenIdle();
    // What the aborted attempt reports afterwards does not bring the job back.
    context.log('info', 'late line');
    expect(outbox.get(id)).toMatchObject({ state: 'cancelled' });
    expect(outbox.get(id)!.log.map((line) => line.message)).not.toContain('late line');
  });

  it('leaves running jobs queued on disk when closed, and a reopened outbox publishes each exactly once', async () => {
    const lib = await library();
    const hung: string[] = [];
    const first = await open(
      lib,
      async ({ job, signal }) => {
        hung.push(job.id);
        return untilAborted(signal);
      },
      { concurrency: 2 },
    );
    const ids: string[] = [];
    for (let n = 1; n <= 5; n += 1) ids.push((await first.enqueue(request(n))).id);
    while (hung.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    await first.close();
    for (const id of ids) expect((await jobOnDisk(lib, id)).state).toBe('queued');
    expect((await jobOnDisk(lib, hung[0]!)).log.at(-1)?.message).toMatch(/closing; it will be sent at the next start/);

    const sent = new Map<string, number>();
    const second = await open(lib, async ({ job }) => {
      sent.set(job.id, (sent.get(job.id) ?? 0) + 1);
      return published();
    });
    await second.whenIdle();
    expect([...sent.keys()].sort()).toEqual([...ids].sort());
    expect([...sent.values()].every((count) => count === 1)).toBe(true);
    expect(second.list().map((job) => job.state)).toEqual(['done', 'done', 'done', 'done', 'done']);
  });

  it('puts a job that a crash left running back in the queue, with a line in its log', async () => {
    const lib = await library();
    const first = await open(lib, async ({ signal }) => untilAborted(signal));
    const { id } = await first.enqueue(request(1));
    // What a crash leaves: the file as it was during the attempt (read once the attempt is on disk;
    // a fixed wait was too short on a loaded machine).
    const running = await vi.waitFor(async () => {
      const onDisk = await jobOnDisk(lib, id);
      expect(onDisk.state).toBe('running');
      return onDisk;
    });
    await first.close();
    await writeFile(join(outboxDir(lib), `${id}.json`), JSON.stringify(running));

    const second = await open(lib, async () => published());
    await second.whenIdle();
    const job = second.get(id)!;
    expect(job.state).toBe('done');
    expect(job.attempts).toBe(2);
    expect(job.log.map((line) => line.message)).toContain('Newsdesk closed while this was being sent; resuming.');
  });

  it('never runs two jobs of one article and target at once, and runs others side by side', async () => {
    const lib = await library();
    const active = new Set<string>();
    let overlapSameKey = false;
    let widest = 0;
    const order: string[] = [];
    // Every attempt waits until all jobs are queued, so how wide the outbox runs does not depend on
    // how fast this machine enqueues.
    let allQueued!: () => void;
    const queued = new Promise<void>((resolve) => (allQueued = resolve));
    const outbox = await open(
      lib,
      async ({ job }) => {
        const key = `${job.targetId}/${job.articleId}`;
        if (active.has(key)) overlapSameKey = true;
        active.add(key);
        widest = Math.max(widest, active.size);
        order.push(job.headline);
        await queued;
        await new Promise((resolve) => setTimeout(resolve, 30));
        active.delete(key);
        return published();
      },
      { concurrency: 3 },
    );
    await outbox.enqueue({ ...request(1), headline: 'first' });
    await outbox.enqueue({ ...request(1), headline: 'second' });
    await outbox.enqueue({ ...request(1), headline: 'third' });
    await outbox.enqueue(request(2));
    await outbox.enqueue(request(3));
    await outbox.enqueue(request(1, 't-othertarget'));
    allQueued();
    await outbox.whenIdle();
    expect(overlapSameKey).toBe(false);
    expect(widest).toBe(3);
    expect(order.filter((headline) => ['first', 'second', 'third'].includes(headline))).toEqual(['first', 'second', 'third']);
    expect(outbox.list().every((job) => job.state === 'done')).toBe(true);
  });

  it('goes offline on network failures until a success, and retryNow sends waiting jobs at once', async () => {
    const lib = await library();
    let network = false;
    const outbox = await open(
      lib,
      async () => {
        if (!network) throw new PublishError('offline', 'The site could not be reached (no network).');
        return published();
      },
      { retry: { baseMs: 60_000, capMs: 120_000 } },
    );
    const a = await outbox.enqueue(request(1));
    const b = await outbox.enqueue(request(2));
    // b either failed too (both started before the site was known to be down) or is held back
    // while a finds out whether the site is back (outbox-offline.test.ts).
    while (outbox.get(a.id)!.state !== 'waiting' || outbox.get(b.id)!.state === 'running') await new Promise((resolve) => setTimeout(resolve, 5));
    expect(outbox.online()).toBe(false);
    expect(outbox.get(a.id)!.progress.label).toBe('Queued — will publish when online');
    expect(outbox.get(b.id)!.progress.label).toBe('Queued — will publish when online');
    expect(Date.parse(outbox.get(a.id)!.nextAttemptAt!)).toBeGreaterThan(Date.now() + 50_000);
    network = true;
    await outbox.retryNow();
    await outbox.whenIdle();
    expect(outbox.online()).toBe(true);
    expect(outbox.list().map((job) => job.state)).toEqual(['done', 'done']);
  });

  it('keeps reachability per site: one site down does not hold back or mislabel another', async () => {
    const lib = await library();
    const outbox = await open(
      lib,
      async ({ job }) => {
        if (job.targetId === 't-downsite') throw new PublishError('offline', 'down.example refused the connection.');
        return published();
      },
      { retry: { baseMs: 60_000, capMs: 120_000 } },
    );
    const down = await outbox.enqueue(request(1, 't-downsite'));
    const up = await outbox.enqueue(request(2, 't-upsite01'));
    while (outbox.get(down.id)!.state !== 'waiting' || outbox.get(up.id)!.state !== 'done') await new Promise((resolve) => setTimeout(resolve, 5));
    expect(outbox.unreachableTargets()).toEqual(['t-downsite']);
    expect(outbox.online()).toBe(false);
    expect(outbox.get(down.id)!.progress.label).toBe('Queued — will publish when online');
  });

  it('holds a conflict for the editor, and sends again with overwrite when asked', async () => {
    const lib = await library();
    const conflict = {
      remote: { title: 'Edited on the site', excerpt: '', html: '<p>theirs</p>', modifiedGmt: '2030-01-01T10:00:00', link: 'https://site.example/?p=7' },
      local: { title: 'Ours', excerpt: '', html: '<p>ours</p>' },
      knownModifiedGmt: '2030-01-01T09:00:00',
    };
    const outbox = await open(lib, async ({ job }) => (job.overwrite ? published() : { kind: 'conflict', conflict }));
    const { id } = await outbox.enqueue(request(1));
    await outbox.whenIdle();
    expect(await jobOnDisk(lib, id)).toMatchObject({ state: 'conflict', conflict, lastError: expect.stringMatching(/changed on the site/) });
    // A job waiting for the editor is not retried on its own.
    await outbox.retryNow();
    await outbox.whenIdle();
    expect(outbox.get(id)).toMatchObject({ state: 'conflict', attempts: 1 });
  });

  it('settles a conflict without sending when the editor keeps the site’s version', async () => {
    const lib = await library();
    const conflict = {
      remote: { title: 'T', excerpt: '', html: '', modifiedGmt: '2030-01-01T10:00:00', link: 'https://site.example/?p=9' },
      local: { title: 'T', excerpt: '', html: '' },
      knownModifiedGmt: '2030-01-01T09:00:00',
    };
    let calls = 0;
    const outbox = await open(lib, async ({ job }) => {
      calls += 1;
      return job.overwrite ? published() : { kind: 'conflict', conflict };
    });
    const { id } = await outbox.enqueue(request(1));
    await outbox.whenIdle();
    const settled = await outbox.settleConflict(id, 'Took the version on the site as a new revision');
    expect(settled).toMatchObject({ state: 'done', conflict: null, remote: { link: 'https://site.example/?p=9' } });
    expect(settled.log.at(-1)?.message).toBe('Took the version on the site as a new revision.');
    expect(calls).toBe(1);
    await expect(outbox.requeue(id, { overwrite: true })).rejects.toMatchObject({ code: 'conflict' });

    const again = await outbox.enqueue(request(2));
    await outbox.whenIdle();
    expect(outbox.get(again.id)!.state).toBe('conflict');
    const overwritten = await outbox.requeue(again.id, { overwrite: true });
    expect(overwritten.overwrite).toBe(true);
    await outbox.whenIdle();
    expect(outbox.get(again.id)).toMatchObject({ state: 'done', overwrite: true, conflict: null });
  });

  it('clears finished jobs from memory and disk, keeping the rest', async () => {
    const lib = await library();
    const outbox = await open(lib, async ({ job, signal }) => {
      if (job.headline === 'Story 2') throw new PublishError('rejected', 'No.', { status: 400 });
      if (job.headline === 'Story 3') return untilAborted(signal);
      return published();
    });
    await outbox.enqueue(request(1));
    await outbox.enqueue(request(2));
    const pending = await outbox.enqueue(request(3));
    const toCancel = await outbox.enqueue(request(4));
    await outbox.cancel(toCancel.id);
    while (outbox.list().filter((job) => job.state === 'done' || job.state === 'failed').length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await outbox.clearFinished()).toBe(3);
    expect(outbox.list().map((job) => job.id)).toEqual([pending.id]);
    expect(await readdir(outboxDir(lib))).toEqual([`${pending.id}.json`]);
    await outbox.cancel(pending.id);
  });

  it('keeps at most 200 log lines per job, and merges progress without a write per update', async () => {
    const lib = await library();
    const outbox = await open(lib, async (context) => {
      for (let i = 0; i < 250; i += 1) context.log('info', `Step ${i}`);
      for (let i = 1; i <= 100; i += 1) context.progress({ step: 'uploading', bytesSent: i * 10, bytesTotal: 1000, label: 'Uploading photo 1 of 1' });
      return published();
    });
    const { id } = await outbox.enqueue(request(1));
    await outbox.whenIdle();
    const job = await jobOnDisk(lib, id);
    expect(job.log).toHaveLength(JOB_LOG_LIMIT);
    expect(job.log.at(-1)?.message).toBe('Published: https://site.example/?p=7.');
    expect(job.progress).toMatchObject({ step: 'done', bytesSent: 1000, bytesTotal: 1000, label: 'Published' });
  });

  it('quarantines unreadable job files and keeps the readable ones', async () => {
    const lib = await library();
    const first = await open(lib, async ({ signal }) => untilAborted(signal), { concurrency: 1 });
    const kept = await first.enqueue(request(1));
    await first.close();
    await writeFile(join(outboxDir(lib), 'j-broken-0001.json'), '{"id":"j-broken-0001",');
    await writeFile(join(outboxDir(lib), 'j-wrong-00001.json'), JSON.stringify({ ...(await jobOnDisk(lib, kept.id)), state: 'lost' }));
    const second = await open(lib, async () => published());
    await second.whenIdle();
    expect(second.list().map((job) => [job.id, job.state])).toEqual([[kept.id, 'done']]);
    expect(second.quarantined().map((entry) => entry.reason)).toEqual([
      expect.stringMatching(/not valid JSON/),
      expect.stringMatching(/not readable \(state: /),
    ]);
    expect((await readdir(join(lib, 'quarantine'))).filter((name) => !name.endsWith('.reason.txt'))).toHaveLength(2);
  });
});
