import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Services } from '../../electron/main/services/compose';
import { adminApiBase, ghostAdminToken } from '../../electron/main/services/publishing/ghost/ghost-api';
import { ghostCaption, ghostLexical } from '../../electron/main/services/publishing/ghost/ghost-lexical';
import { mediaKeyOf } from '../../electron/main/services/publishing/remote/site-photos';
import { sentSeo } from '../../shared/rules/seo';
import { acknowledgements, makeJpegs, openServices, queueAll, seedArticles, type SeededArticle } from '../faults/publish-seed';
import { ghostSkipReason, startGhost, type GhostSite } from '../ghost/ghost-server';
import { row } from './report';

/**
 * Publishing 100 articles with one photo each to a local Ghost through the real outbox, next to the
 * same Admin API calls made directly with fetch in the same run (per article: one image upload of
 * the same bytes, one post create with the same Lexical, tags, feature image and search and social
 * fields; a fresh token per request, as the app signs one per request). Each variant gets a fresh Ghost; the baseline and the
 * outbox at concurrency 1 alternate (A B B A) and their medians are compared.
 */

const ARTICLES = Number(process.env.NEWSDESK_PUBLISH_BENCH_ARTICLES ?? 100);
const ROUNDS = 2;
const PHOTO_SIZE = { width: 1024, height: 683 };
const BASELINE_TARGET = 't-baseline';

interface PreparedArticle {
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
  post: (imageUrl: string) => Record<string, unknown>;
}

async function prepare(services: Services, articles: readonly SeededArticle[], dir: string): Promise<PreparedArticle[]> {
  const writeXmp = services.settings.get().photoDesk.writeXmpOnExport;
  const prepared: PreparedArticle[] = [];
  for (const seeded of articles) {
    const article = await services.drafts.get(seeded.id);
    const key = mediaKeyOf(BASELINE_TARGET, article.id, seeded.photoId);
    const copy = join(dir, `${key}.jpg`);
    await services.media.exportCopy(seeded.photoId, copy, { writeXmp });
    const bytes = new Uint8Array(await readFile(copy));
    await rm(copy);
    const lead = article.leadPhoto!;
    // The search and social fields the app sends with every post (falling back to headline and dek).
    const seo = sentSeo(article);
    const orNull = (text: string) => text || null;
    prepared.push({
      bytes,
      fileName: `${key}.jpg`,
      post: (imageUrl) => ({
        title: article.headline,
        lexical: ghostLexical(article.body, { image: () => null, marker: key }),
        custom_excerpt: article.dek,
        slug: article.slug,
        status: 'published',
        featured: false,
        tags: [{ name: article.section }, ...article.tags.map((name) => ({ name }))],
        feature_image: imageUrl,
        feature_image_caption: ghostCaption(lead.caption, lead.credit),
        feature_image_alt: lead.altText,
        meta_title: orNull(seo.title),
        meta_description: orNull(seo.description),
        og_title: orNull(seo.socialTitle),
        og_description: orNull(seo.socialDescription),
        og_image: null,
        twitter_title: orNull(seo.socialTitle),
        twitter_description: orNull(seo.socialDescription),
        twitter_image: null,
      }),
    });
  }
  return prepared;
}

async function publishDirectly(site: GhostSite, articles: readonly PreparedArticle[]): Promise<number> {
  const base = adminApiBase(site.url);
  const send = async (path: string, body: FormData | object): Promise<Record<string, unknown>> => {
    const json = !(body instanceof FormData);
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { Authorization: `Ghost ${await ghostAdminToken(site.adminApiKey)}`, 'Accept-Version': 'v5.0', ...(json ? { 'Content-Type': 'application/json' } : {}) },
      body: json ? JSON.stringify(body) : body,
    });
    if (!response.ok) throw new Error(`POST ${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const started = performance.now();
  for (const article of articles) {
    const form = new FormData();
    form.append('file', new Blob([article.bytes], { type: 'image/jpeg' }), article.fileName);
    form.append('purpose', 'image');
    form.append('ref', article.fileName);
    const uploaded = (await send('/images/upload/', form)) as { images: { url: string }[] };
    await send('/posts/', { posts: [article.post(uploaded.images[0]!.url)] });
  }
  return performance.now() - started;
}

async function publishThroughOutbox(dataDir: string, site: GhostSite, articles: readonly SeededArticle[]): Promise<number> {
  const services = await openServices(dataDir, { concurrency: 1 });
  try {
    const target = await services.publishing.targets.save({ kind: 'ghost', name: 'Bench Ghost', siteUrl: site.url, secret: site.adminApiKey });
    const acknowledged = await acknowledgements(services, articles, target.id);
    const started = performance.now();
    await queueAll(services, articles, target.id, acknowledged);
    await services.publishing.outbox.whenIdle();
    const ms = performance.now() - started;
    const unfinished = services.publishing.outbox.list().filter((job) => job.targetId === target.id && job.state !== 'done');
    if (unfinished.length > 0) throw new Error(`${unfinished.length} jobs did not finish: ${unfinished[0]!.lastError ?? unfinished[0]!.state}`);
    await services.handlers['outbox:clearFinished']({});
    return ms;
  } finally {
    await services.close();
  }
}

/** One variant on a fresh Ghost, checked afterwards: one post per article. */
async function onFreshSite(count: number, run: (site: GhostSite) => Promise<number>): Promise<number> {
  const site = await startGhost();
  try {
    const ms = await run(site);
    const response = await fetch(`${adminApiBase(site.url)}/posts/?limit=all&fields=id`, { headers: { Authorization: `Ghost ${await ghostAdminToken(site.adminApiKey)}` } });
    const posts = ((await response.json()) as { posts: unknown[] }).posts.length;
    // A fresh Ghost holds its own welcome post.
    if (posts < count) throw new Error(`The site holds ${posts} posts after ${count} were sent`);
    return ms;
  } finally {
    await site.stop();
  }
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export async function runGhostPublishBench(): Promise<void> {
  console.log(`\nPublishing: ${ARTICLES} articles with one ${PHOTO_SIZE.width}×${PHOTO_SIZE.height} photo each to a local Ghost (SQLite)`);
  const skip = ghostSkipReason();
  if (skip) {
    console.log(`  skipped: ${skip}`);
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-ghost-bench-'));
  try {
    const dataDir = join(dir, 'data');
    const photos = await makeJpegs(join(dir, 'photos'), ARTICLES, PHOTO_SIZE);
    const setup = await openServices(dataDir);
    let articles: SeededArticle[];
    let prepared: PreparedArticle[];
    try {
      articles = await seedArticles(setup, photos, 'Ghost bench story');
      prepared = await prepare(setup, articles, dir);
    } finally {
      await setup.close();
    }
    const direct: number[] = [];
    const serial: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const baseline = () => onFreshSite(ARTICLES, (site) => publishDirectly(site, prepared));
      const outbox = () => onFreshSite(ARTICLES, (site) => publishThroughOutbox(dataDir, site, articles));
      if (round % 2 === 0) {
        direct.push(await baseline());
        serial.push(await outbox());
      } else {
        serial.push(await outbox());
        direct.push(await baseline());
      }
    }
    const base = median(direct);
    const one = median(serial);
    row(`plain fetch sequence (baseline, median of ${ROUNDS})`, seconds(base), '—', direct.map(seconds).join(' / '));
    row(`outbox to Ghost, concurrency 1 (median of ${ROUNDS})`, seconds(one), '≤ 1.1×', `${(one / base).toFixed(2)}× of baseline (${serial.map(seconds).join(' / ')})`);
    row('per article: outbox concurrency 1', `${(one / ARTICLES).toFixed(0)} ms`, '', `baseline ${(base / ARTICLES).toFixed(0)} ms`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runGhostPublishBench();
