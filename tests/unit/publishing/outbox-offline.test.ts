import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openOutbox, type Outbox } from '../../../electron/main/services/publishing/outbox/outbox';
import { PublishError } from '../../../electron/main/services/publishing/http/publish-error';
import type { PublishOutcome } from '../../../electron/main/services/publishing/outbox/publisher';

const dirs: string[] = [];
const outboxes: Outbox[] = [];
afterEach(async () => {
  for (const outbox of outboxes.splice(0)) await outbox.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const request = (n: number, targetId = 't-target01') => ({ articleId: `article-${String(n).padStart(4, '0')}`, targetId, headline: `Story ${n}`, mode: 'publish' as const });
const published: PublishOutcome = { kind: 'done', remote: { postId: 7, link: 'https://site.example/?p=7' } };
const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

describe('the outbox while a site cannot be reached', () => {
  it('sends one job at a time to find out whether the site is back, instead of trying every queued job', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-outbox-offline-'));
    dirs.push(dir);
    let network = false;
    const attempts: string[] = [];
    const outbox = await openOutbox({
      dir: join(dir, 'publishing', 'outbox'),
      concurrency: 2,
      retry: { baseMs: 60_000, capMs: 120_000 },
      publisher: async ({ job }) => {
        attempts.push(`${job.targetId}/${job.articleId}`);
        if (!network && job.targetId === 't-target01') throw new PublishError('offline', 'site.example refused the connection.');
        return published;
      },
    });
    outboxes.push(outbox);

    const first = await outbox.enqueue(request(1));
    while (outbox.get(first.id)!.state !== 'waiting') await settle();
    for (let n = 2; n <= 12; n += 1) await outbox.enqueue(request(n));
    await settle();
    // The down site was tried once; the eleven stories queued after stay queued, labelled honestly.
    expect(attempts).toEqual(['t-target01/article-0001']);
    const queued = outbox.list().filter((job) => job.state === 'queued');
    expect(queued).toHaveLength(11);
    expect(new Set(queued.map((job) => job.progress.label))).toEqual(new Set(['Queued — will publish when online']));

    // Another site is not held back by it.
    const other = await outbox.enqueue(request(99, 't-othersite'));
    while (outbox.get(other.id)!.state !== 'done') await settle();

    // Cancelling the one that probes lets a queued job find out instead: the site is still tried, once.
    await outbox.cancel(first.id);
    await settle();
    expect(attempts.filter((line) => line.startsWith('t-target01'))).toHaveLength(2);
    expect(outbox.list().filter((job) => job.state === 'waiting')).toHaveLength(1);

    // The network returns: the probe succeeds and everything queued goes.
    network = true;
    await outbox.retryNow();
    await outbox.whenIdle();
    expect(outbox.list().filter((job) => job.targetId === 't-target01' && job.state === 'done')).toHaveLength(11);
    expect(outbox.online()).toBe(true);
    expect(attempts.filter((line) => line.startsWith('t-target01'))).toHaveLength(13);
  });
});
