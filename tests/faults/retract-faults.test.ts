import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutboxTuning, Services } from '../../electron/main/services/compose';
import { itemKey } from '../../shared/model/placement';
import type { PublishJob } from '../../shared/model/publishing';
import { liveEntries, placeItem } from '../../shared/rules/placement';
import { restClient } from '../integration/wordpress-publish-helpers';
import { startWordPress, wordPressSkipReason } from '../wordpress/wordpress-server';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { makeJpegs, openServices, queueAll, seedArticles } from './publish-seed';

/**
 * Retracts through a faulty network, with the app's own services: published stories, placed in a
 * feed, are retracted (half to a draft, half to the trash) while the proxy loses the answers of
 * the writes after WordPress did them, answers 500 and 429 and refuses connections. Each post must
 * end off the site with one write: the retry after a lost answer finds the work done.
 */

const ARTICLES = 8;
const TUNING: OutboxTuning = { concurrency: 3, retry: { baseMs: 100, capMs: 1_000, maxRetryAfterMs: 1_500 }, requestTimeoutMs: 8_000 };
const postRoute = /wp(\/|%2F)v2(\/|%2F)posts(\/|%2F)\d+/i;

const skipReason = wordPressSkipReason();
if (skipReason) console.warn(`Skipped the retract fault run: ${skipReason}`);

const linesOf = (job: PublishJob | undefined, pattern: RegExp): number => job?.log.filter((line) => pattern.test(line.message)).length ?? 0;

describe.skipIf(skipReason !== null)('retracting through a faulty network', () => {
  it('takes every post off the site once, through lost answers, errors and refusals', { timeout: 180_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-retract-faults-'));
    const site = await startWordPress();
    let proxy: FaultProxy | null = null;
    let services: Services | null = null;
    try {
      proxy = await startFaultProxy({ target: site.url, refuseForMs: 300, retryAfterSeconds: 1 });
      services = await openServices(join(dir, 'data'), TUNING);
      const articles = await seedArticles(services, await makeJpegs(join(dir, 'photos'), ARTICLES, { width: 320, height: 240 }), 'Retract run');
      const feed = services.settings.get().feeds[0]!;
      for (const article of articles) await services.feeds.update((board) => placeItem(board, { kind: 'article', id: article.id }, feed));
      const target = await services.publishing.targets.save({ kind: 'wordpress', name: 'Site behind the fault proxy', siteUrl: proxy.url, user: site.user, secret: site.appPassword });
      await queueAll(services, articles, target.id);
      await services.publishing.outbox.whenIdle();
      expect(services.publishing.outbox.list().every((job) => job.state === 'done')).toBe(true);
      expect(liveEntries(services.feeds.get(), feed.id, Date.now())).toHaveLength(ARTICLES);
      const rest = restClient(site);
      const everyStatus = '/posts?status=publish,future,draft,pending,private,trash';
      const postsBefore = await rest.total(everyStatus);

      // Faults only on the retracts' requests: the writes' answers lost after WordPress did them.
      proxy.addRule({ kind: 'loseResponse', method: 'POST', path: postRoute, nth: 1 });
      proxy.addRule({ kind: 'loseResponse', method: 'DELETE', path: postRoute, nth: 1 });
      proxy.addRule({ kind: 'error500', method: 'POST', path: postRoute, nth: 2 });
      proxy.addRule({ kind: 'rate429', method: 'GET', path: postRoute, nth: 3 });
      proxy.addRule({ kind: 'refuse', method: 'GET', path: postRoute, nth: 6 });
      proxy.addRule({ kind: 'loseResponse', method: 'DELETE', path: postRoute, nth: 3 });

      const retracts: PublishJob[] = [];
      for (const [i, article] of articles.entries()) {
        retracts.push(await services.handlers['publish:retract']({ articleId: article.id, targetId: target.id, as: i % 2 === 0 ? 'draft' : 'trash' }));
      }
      await services.publishing.outbox.whenIdle();
      const outbox = services.publishing.outbox;
      for (const [i, article] of articles.entries()) {
        const job = outbox.get(retracts[i]!.id);
        expect(job?.state, job?.log.map((line) => line.message).join('\n')).toBe('done');
        const as = i % 2 === 0 ? 'draft' : 'trash';
        const record = await services.publishing.records.get(target.id, article.id);
        const post = await rest.get<{ status: string }>(`/posts/${String(record?.postId)}?context=edit`);
        expect(post.status).toBe(as);
        // Once: one write went out and was answered, or one was lost and its retry found the work done.
        const wrote = linesOf(job, new RegExp(`is now ${as} in WordPress`));
        const foundDone = linesOf(job, new RegExp(`already ${as} in WordPress`));
        expect(wrote + foundDone).toBe(1);
        expect(record?.history?.filter((event) => event.action === 'retracted')).toHaveLength(1);
        expect(services.feeds.get().placements[itemKey({ kind: 'article', id: article.id })]?.delivery).toBe('retracted');
      }
      expect(proxy.injected.loseResponse).toBe(3);
      expect(proxy.injected.error500 + proxy.injected.rate429 + proxy.injected.refuse).toBe(3);
      // The feed preview leaves them out; nothing was created anew on the site.
      expect(liveEntries(services.feeds.get(), feed.id, Date.now())).toHaveLength(0);
      expect(await rest.total(everyStatus)).toBe(postsBefore);
    } finally {
      await services?.close();
      await proxy?.close();
      await site.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
