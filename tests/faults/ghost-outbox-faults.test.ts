import { readdir } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutboxTuning, Services } from '../../electron/main/services/compose';
import type { PublishJob } from '../../shared/model/publishing';
import { mediaKeyOf } from '../../electron/main/services/publishing/remote/site-photos';
import { ghostSkipReason, startGhost, type GhostSite } from '../ghost/ghost-server';
import { ghostAdmin } from '../integration/ghost-publish-helpers';
import { FAULT_KINDS, startFaultProxy, type FaultProxy } from './fault-proxy';
import { makeJpegs, openServices, queueAll, seedArticles, type SeededArticle } from './publish-seed';

/**
 * The WordPress fault run, against a real Ghost: 200 articles with a photo each through a proxy that
 * refuses connections, answers 500 and 429, never answers, resets uploads halfway and loses answers
 * after Ghost did the work, while the app quits twice mid-queue. Then the site is read back: every
 * article exactly once, its own photo uploaded once and used as the feature image.
 */

const ARTICLES = 200;
const QUIT_AT = [60, 135];
const TUNING: OutboxTuning = { concurrency: 3, retry: { baseMs: 100, capMs: 1_000, maxRetryAfterMs: 1_500 }, requestTimeoutMs: 8_000 };
const route = (name: string): RegExp => new RegExp(`/ghost/api/admin/${name}/([?]|$)`);

const skipReason = ghostSkipReason();
if (skipReason) console.warn(`Skipped the Ghost fault run: ${skipReason}`);

async function waitFor(condition: () => boolean, what: string, timeoutMs = 180_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const countIn = (jobs: readonly PublishJob[], state: PublishJob['state']): number => jobs.filter((job) => job.state === state).length;
const logged = (jobs: readonly PublishJob[], pattern: RegExp): number => jobs.reduce((sum, job) => sum + job.log.filter((line) => pattern.test(line.message)).length, 0);

/** Every picture file in the site's content folder (Ghost suffixes a repeated name with -2, -3 …). */
async function imageFiles(site: GhostSite): Promise<string[]> {
  const entries = await readdir(join(site.stateDir, 'content', 'images'), { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && /^nd[a-f0-9]{24}(-\d+)?\.jpg$/.test(entry.name)).map((entry) => entry.name);
}

async function readBack(site: GhostSite, articles: readonly SeededArticle[], targetId: string) {
  const { json } = await ghostAdmin(site).call<{ posts: { id: string; title: string; feature_image: string | null }[] }>(
    'GET',
    '/posts/?limit=all&fields=id,title,feature_image&filter=status:[draft,published,scheduled]',
  );
  const files = await imageFiles(site);
  const byTitle = new Map<string, { feature_image: string | null }[]>();
  for (const post of json.posts) byTitle.set(post.title, [...(byTitle.get(post.title) ?? []), post]);
  const result = { posts: 0, publishedOnce: 0, duplicatePosts: 0, missing: [] as string[], wrongFeatured: [] as string[], images: files.length, duplicateImages: 0 };
  for (const article of articles) {
    const key = mediaKeyOf(targetId, article.id, article.photoId);
    const copies = files.filter((name) => name.startsWith(key));
    result.duplicateImages += Math.max(0, copies.length - 1);
    const found = byTitle.get(article.headline) ?? [];
    result.posts += found.length;
    result.duplicatePosts += Math.max(0, found.length - 1);
    if (found.length === 0) result.missing.push(article.headline);
    else if (!found[0]!.feature_image?.endsWith(`/${key}.jpg`)) result.wrongFeatured.push(article.headline);
    else if (found.length === 1 && copies.length === 1) result.publishedOnce += 1;
  }
  return result;
}

describe.skipIf(skipReason !== null)('the outbox to Ghost through a faulty network', () => {
  it('publishes every article exactly once, with its photo, through every kind of fault and two restarts', { timeout: 600_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-ghost-faults-'));
    const dataDir = join(dir, 'data');
    const site = await startGhost();
    let proxy: FaultProxy | null = null;
    let services: Services | null = null;
    try {
      const started = performance.now();
      proxy = await startFaultProxy({
        target: site.url,
        refuseForMs: 300,
        retryAfterSeconds: 1,
        rules: [
          { kind: 'loseResponse', method: 'POST', path: route('posts'), nth: 5 },
          { kind: 'loseResponse', method: 'POST', path: route('images/upload'), nth: 8 },
          { kind: 'resetUpload', method: 'POST', path: route('images/upload'), nth: 12 },
          { kind: 'timeout', method: 'POST', path: route('posts'), nth: 20 },
          { kind: 'timeout', method: 'POST', path: route('images/upload'), nth: 90 },
          { kind: 'refuse', nth: 30 },
        ],
        random: { seed: 20_261_206, rate: 0.1, kinds: ['error500', 'rate429', 'refuse', 'loseResponse'], uploadKinds: ['resetUpload', 'loseResponse', 'error500', 'rate429'] },
      });

      services = await openServices(dataDir, TUNING);
      const photos = await makeJpegs(join(dir, 'photos'), ARTICLES, { width: 480, height: 320 });
      const articles = await seedArticles(services, photos, 'Ghost fault run');
      const target = await services.publishing.targets.save({ kind: 'ghost', name: 'Ghost behind the fault proxy', siteUrl: proxy.url, secret: site.adminApiKey });
      expect(await queueAll(services, articles, target.id)).toHaveLength(ARTICLES);

      let interrupted = 0;
      for (const at of QUIT_AT) {
        const outbox = services.publishing.outbox;
        await waitFor(() => countIn(outbox.list(), 'done') >= at && countIn(outbox.list(), 'running') > 0, `${at} jobs done with others running`);
        interrupted += countIn(outbox.list(), 'running');
        await services.close();
        services = await openServices(dataDir, TUNING);
      }
      await services.publishing.outbox.whenIdle();

      const jobs = services.publishing.outbox.list();
      const back = await readBack(site, articles, target.id);
      const counts = {
        jobs: jobs.length,
        done: countIn(jobs, 'done'),
        jobsInterruptedByQuit: interrupted,
        requestsThroughProxy: proxy.stats.requests,
        faultsInjected: { ...proxy.injected, total: FAULT_KINDS.reduce((sum, kind) => sum + proxy!.injected[kind], 0) },
        retries: jobs.reduce((sum, job) => sum + Math.max(0, job.attempts - 1), 0),
        postsFoundAfterLostAnswer: logged(jobs, /^Found the post created by an earlier attempt/),
        photosFoundAfterLostAnswer: logged(jobs, /uploaded by an earlier attempt/),
        ownUpdatesRecognised: logged(jobs, /the change on the site is Newsdesk/),
        ...back,
        missing: back.missing.length,
        wrongFeatured: back.wrongFeatured.length,
        seconds: Math.round((performance.now() - started) / 100) / 10,
      };
      console.log(`Ghost fault run counts:\n${JSON.stringify(counts, null, 2)}`);
      for (const job of jobs.filter((candidate) => back.missing.includes(candidate.headline) || back.wrongFeatured.includes(candidate.headline))) {
        console.warn(`${job.headline} (${job.state}, ${job.attempts} attempts):\n  ${job.log.map((line) => `${line.at} ${line.level}: ${line.message}`).join('\n  ')}`);
      }

      expect(jobs.filter((job) => job.state !== 'done').map((job) => `${job.headline}: ${job.state} ${job.lastError ?? ''}`)).toEqual([]);
      expect(back.missing).toEqual([]);
      expect(back.wrongFeatured).toEqual([]);
      expect(back.duplicatePosts).toBe(0);
      expect(back.duplicateImages).toBe(0);
      expect(back.publishedOnce).toBe(ARTICLES);
      expect(back.images).toBe(ARTICLES);
      for (const kind of FAULT_KINDS) expect([kind, proxy.injected[kind]]).not.toEqual([kind, 0]);
      expect(interrupted).toBeGreaterThan(0);
      expect(counts.postsFoundAfterLostAnswer + counts.photosFoundAfterLostAnswer).toBeGreaterThan(0);
    } finally {
      await services?.close();
      await proxy?.close();
      await site.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
