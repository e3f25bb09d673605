import { describe, expect, it } from 'vitest';
import { createKillHandlers } from '../../../electron/main/services/publishing/kill-handlers';
import type { EnqueueRequest, Outbox } from '../../../electron/main/services/publishing/outbox/outbox';
import { emptyRemoteRecord } from '../../../electron/main/services/publishing/remote/remote-records';
import type { PublishJob, PublishTarget, RemoteRecord } from '../../../shared/model/publishing';

// The kill channel's refusals and the notice it queues, over fakes (the real sites are in
// tests/integration/*-kill.test.ts).

const ARTICLE = 'article-000001';
const WORDPRESS: PublishTarget = { id: 't-wordpress1', kind: 'wordpress', name: 'Gazette', siteUrl: 'http://127.0.0.1:9', user: 'admin', hasSecret: true };
const NINJS: PublishTarget = { id: 't-ninjs00001', kind: 'ninjs', name: 'Agency feed', url: 'http://127.0.0.1:9/in', ninjsVersion: '3.1', hasSecret: false };

function handlers(options: { record?: RemoteRecord | null; jobs?: PublishJob[] } = {}) {
  const enqueued: EnqueueRequest[] = [];
  const outbox = {
    list: () => options.jobs ?? [],
    enqueue: async (request: EnqueueRequest) => {
      enqueued.push(request);
      return request as unknown as PublishJob;
    },
  } as unknown as Outbox;
  const made = createKillHandlers({
    drafts: { get: async () => ({ headline: 'Harbour vote' }) as never },
    targets: { get: (id: string) => [WORDPRESS, NINJS].find((target) => target.id === id) },
    records: { get: async () => (options.record === undefined ? { ...emptyRemoteRecord(WORDPRESS.id, ARTICLE, 'a'.repeat(32)), postId: 7 } : options.record), put: async () => {} },
    outbox,
    deskClock: { timeZone: 'Pacific/Auckland' },
    now: () => new Date('2026-12-06T12:30:00Z'),
  });
  return { kill: made['publish:kill'], enqueued };
}

describe('publish:kill', () => {
  it('queues the notice in the house format, dated in the desk’s zone', async () => {
    const { kill, enqueued } = handlers();
    await kill({ articleId: ARTICLE, targetId: WORDPRESS.id, text: '  The agency\nwithdrew it.  ' });
    // 12:30 UTC on 6 Dec is already 7 Dec in Auckland.
    expect(enqueued).toEqual([{ articleId: ARTICLE, targetId: WORDPRESS.id, headline: 'Harbour vote', mode: 'draft', kill: { label: 'Withdrawn, 7 Dec 2026:', text: 'The agency withdrew it.' } }]);
  });

  it('refuses a ninjs endpoint, a story not on the site and one with a job still in the outbox, queueing nothing', async () => {
    const ninjs = handlers();
    await expect(ninjs.kill({ articleId: ARTICLE, targetId: NINJS.id, text: 'x' })).rejects.toThrow(/keeps no posts Newsdesk can replace/);
    const absent = handlers({ record: null });
    await expect(absent.kill({ articleId: ARTICLE, targetId: WORDPRESS.id, text: 'x' })).rejects.toThrow('This story is not on “Gazette”, so there is no post to replace with a kill notice.');
    const busy = handlers({ jobs: [{ articleId: ARTICLE, targetId: WORDPRESS.id, state: 'waiting' } as PublishJob] });
    await expect(busy.kill({ articleId: ARTICLE, targetId: WORDPRESS.id, text: 'x' })).rejects.toThrow(/still in the outbox/);
    expect([...ninjs.enqueued, ...absent.enqueued, ...busy.enqueued]).toEqual([]);
  });
});
