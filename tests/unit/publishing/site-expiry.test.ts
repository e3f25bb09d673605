import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSiteExpiry, type SiteExpiry, type SiteExpiryDeps } from '../../../electron/main/services/publishing/site-expiry';
import type { EnqueueRequest } from '../../../electron/main/services/publishing/outbox/outbox';
import { emptyRemoteRecord } from '../../../electron/main/services/publishing/remote/remote-records';
import { UserFacingError } from '../../../shared/model/errors';
import { BOARD_FORMAT, type Board, type Placement } from '../../../shared/model/placement';
import type { PublishJob, PublishTarget, RemoteRecord } from '../../../shared/model/publishing';

// The expiry's decisions over fakes that fail the way the real stores and outbox do (a record
// that cannot be read, an outbox that refuses a job on a full disk). The real sites are in
// tests/integration/*-expiry.test.ts.

const WORDPRESS: PublishTarget = { id: 't-wordpress1', kind: 'wordpress', name: 'Gazette', siteUrl: 'http://127.0.0.1:9', user: 'admin', hasSecret: true };
const GHOST: PublishTarget = { id: 't-ghost00001', kind: 'ghost', name: 'Ghost site', siteUrl: 'http://127.0.0.1:9', hasSecret: true };
const NINJS: PublishTarget = { id: 't-ninjs00001', kind: 'ninjs', name: 'Agency feed', url: 'http://127.0.0.1:9/in', ninjsVersion: '3.1', hasSecret: false };

const ARTICLE = 'article-000001';
const EXPIRES = '2026-06-01T18:00:00.000Z';
const EXPIRES_MS = Date.parse(EXPIRES);

function placement(articleId: string, expiresAt: string | null): Placement {
  return { item: { kind: 'article', id: articleId }, publish: { mode: 'now' }, embargoUntil: null, expiresAt, delivery: 'published', publishedAt: '2026-06-01T09:00:00.000Z' };
}

function boardOf(...placements: Placement[]): Board {
  return { format: BOARD_FORMAT, feeds: {}, placements: Object.fromEntries(placements.map((one) => [`article:${one.item.id}`, one])) };
}

function liveRecord(targetId: string, articleId = ARTICLE): RemoteRecord {
  return {
    ...emptyRemoteRecord(targetId, articleId, 'a'.repeat(32)),
    postId: targetId === GHOST.id ? 'abcdefabcdefabcdefabcdef' : 42,
    history: [{ at: '2026-06-01T09:00:00.000Z', action: 'published', status: 'publish', link: 'http://127.0.0.1:9/p' }],
  };
}

const running: SiteExpiry[] = [];
afterEach(() => {
  for (const expiry of running.splice(0)) expiry.stop();
  vi.useRealTimers();
});

function harness(options: { board: Board; records: Record<string, RemoteRecord | Error>; nowMs: number; enqueueFails?: boolean; targets?: PublishTarget[]; pollMs?: number }) {
  const enqueued: EnqueueRequest[] = [];
  const jobs: PublishJob[] = [];
  const warnings: string[] = [];
  let nowMs = options.nowMs;
  const deps: SiteExpiryDeps = {
    board: { get: () => options.board },
    targets: { list: () => options.targets ?? [WORDPRESS, GHOST, NINJS] },
    records: {
      get: async (targetId) => {
        const found = options.records[targetId];
        if (found instanceof Error) throw found;
        return found ?? null;
      },
      put: async () => {},
    },
    outbox: {
      list: () => jobs,
      enqueue: async (request) => {
        if (options.enqueueFails) throw new UserFacingError('io', 'The job could not be stored in the outbox, so nothing was sent. The disk is full.');
        enqueued.push(request);
        const job = { id: `j-${jobs.length}000000`, articleId: request.articleId, targetId: request.targetId, state: 'queued', retract: request.retract, createdAt: new Date(nowMs).toISOString() } as PublishJob;
        jobs.push(job);
        return job;
      },
    },
    headlineOf: async () => 'Fair closes',
    now: () => new Date(nowMs),
    warn: (message) => void warnings.push(message),
    pollMs: options.pollMs ?? 0,
  };
  const expiry = startSiteExpiry(deps);
  running.push(expiry);
  return { expiry, enqueued, jobs, warnings, setNow: (ms: number) => void (nowMs = ms) };
}

describe('site expiry', () => {
  it('queues one draft retract per site where the expired story is live, none for a ninjs endpoint', async () => {
    const { expiry, enqueued } = harness({ board: boardOf(placement(ARTICLE, EXPIRES)), records: { [WORDPRESS.id]: liveRecord(WORDPRESS.id), [GHOST.id]: liveRecord(GHOST.id), [NINJS.id]: liveRecord(NINJS.id) }, nowMs: EXPIRES_MS });
    await expiry.check();
    expect(enqueued).toEqual([
      { articleId: ARTICLE, targetId: WORDPRESS.id, headline: 'Fair closes', mode: 'draft', retract: { as: 'draft', expiredAt: EXPIRES } },
      { articleId: ARTICLE, targetId: GHOST.id, headline: 'Fair closes', mode: 'draft', retract: { as: 'draft', expiredAt: EXPIRES } },
    ]);
  });

  it('takes an expired video item’s post down the same way, as a video job', async () => {
    const video: Placement = { ...placement(ARTICLE, EXPIRES), item: { kind: 'video', id: ARTICLE } };
    const board: Board = { format: BOARD_FORMAT, feeds: {}, placements: { [`video:${ARTICLE}`]: video } };
    const { expiry, enqueued } = harness({ board, records: { [WORDPRESS.id]: liveRecord(WORDPRESS.id) }, nowMs: EXPIRES_MS, targets: [WORDPRESS] });
    await expiry.check();
    expect(enqueued).toEqual([{ articleId: ARTICLE, itemKind: 'video', targetId: WORDPRESS.id, headline: 'Fair closes', mode: 'draft', retract: { as: 'draft', expiredAt: EXPIRES } }]);
  });

  it('leaves alone a story still running, one with no expiry, a draft on the site and one another job is busy with', async () => {
    const asDraft: RemoteRecord = { ...liveRecord(WORDPRESS.id), history: [{ at: '2026-06-01T09:00:00.000Z', action: 'published', status: 'draft', link: '' }] };
    const { expiry, enqueued, jobs } = harness({ board: boardOf(placement(ARTICLE, EXPIRES)), records: { [WORDPRESS.id]: asDraft, [GHOST.id]: liveRecord(GHOST.id) }, nowMs: EXPIRES_MS - 1 });
    await expiry.check();
    expect(enqueued).toEqual([]);
    jobs.push({ articleId: ARTICLE, targetId: GHOST.id, state: 'running', createdAt: EXPIRES } as PublishJob);
    const later = harness({ board: boardOf(placement(ARTICLE, EXPIRES), placement('article-000002', null)), records: { [WORDPRESS.id]: asDraft, [GHOST.id]: liveRecord(GHOST.id) }, nowMs: EXPIRES_MS + 1 });
    later.jobs.push(...jobs);
    await later.expiry.check();
    expect(later.enqueued).toEqual([]);
  });

  it('a record that cannot be read or an outbox that refuses the job is said, the other sites still taken care of, and tried again on the next look', async () => {
    const records: Record<string, RemoteRecord | Error> = { [WORDPRESS.id]: new Error('EIO: i/o error, read'), [GHOST.id]: liveRecord(GHOST.id) };
    const { expiry, enqueued, warnings } = harness({ board: boardOf(placement(ARTICLE, EXPIRES)), records, nowMs: EXPIRES_MS });
    await expiry.check();
    expect(enqueued.map((request) => request.targetId)).toEqual([GHOST.id]);
    // Said at each look (the first one runs as it starts).
    expect([...new Set(warnings)]).toEqual([`The expired story ${ARTICLE} could not be taken off “Gazette” yet (EIO: i/o error, read); Newsdesk tries again shortly.`]);
    records[WORDPRESS.id] = liveRecord(WORDPRESS.id);
    await expiry.check();
    expect(enqueued.map((request) => request.targetId)).toEqual([GHOST.id, WORDPRESS.id]);

    const full = harness({ board: boardOf(placement(ARTICLE, EXPIRES)), records: { [GHOST.id]: liveRecord(GHOST.id) }, nowMs: EXPIRES_MS, enqueueFails: true });
    await expect(full.expiry.check()).resolves.toEqual([]);
    expect(full.warnings[0]).toMatch(/could not be taken off “Ghost site” yet \(The job could not be stored in the outbox, so nothing was sent\. The disk is full\.\)/);
  });

  it('looks again by itself when the next expiry is due, and not after it is stopped', async () => {
    vi.useFakeTimers();
    const { enqueued, setNow, expiry } = harness({ board: boardOf(placement(ARTICLE, EXPIRES)), records: { [WORDPRESS.id]: liveRecord(WORDPRESS.id) }, nowMs: EXPIRES_MS - 60_000, targets: [WORDPRESS] });
    await vi.advanceTimersByTimeAsync(0);
    expect(enqueued).toEqual([]);
    setNow(EXPIRES_MS);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(enqueued.map((request) => request.retract)).toEqual([{ as: 'draft', expiredAt: EXPIRES }]);

    const other = harness({ board: boardOf(placement(ARTICLE, EXPIRES)), records: { [WORDPRESS.id]: liveRecord(WORDPRESS.id) }, nowMs: EXPIRES_MS - 60_000, targets: [WORDPRESS] });
    await vi.advanceTimersByTimeAsync(0);
    other.expiry.stop();
    other.setNow(EXPIRES_MS);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(other.enqueued).toEqual([]);
    expect(await other.expiry.check()).toEqual([]);
    expiry.stop();
  });
});
