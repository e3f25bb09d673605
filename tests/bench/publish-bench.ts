import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Services } from '../../electron/main/services/compose';
import { cleanArticleHtml } from '../../electron/main/services/publishing/export/clean-html';
import { postMarker } from '../../electron/main/services/publishing/wordpress/publish-wordpress';
import { mediaKeyOf } from '../../electron/main/services/publishing/remote/site-photos';
import { mediaFieldsOf } from '../../electron/main/services/publishing/wordpress/wordpress-media';
import { articleBodyHtml } from '../../shared/rules/article-html';
import { photoUsesOf } from '../../shared/rules/prepublish';
import { acknowledgements, makeJpegs, openServices, queueAll, readBack, seedArticles, type SeededArticle } from '../faults/publish-seed';
import { startWordPress, wordPressSkipReason, type WordPressSite } from '../wordpress/wordpress-server';
import { row } from './report';

/**
 * Publishing 100 articles with one photo each to a local WordPress through the real outbox, next to
 * the same HTTP requests made directly with fetch in the same run: a multipart upload of the same
 * photo bytes with caption and alt text, then the post with its category, tag and featured image.
 * Each variant gets a fresh WordPress, so every one does the same work (new media, new posts, new
 * terms). The baseline and the outbox at concurrency 1 alternate (A B B A A B) and their medians are
 * compared, so a slow moment of a shared machine does not decide the ratio.
 *
 * NEWSDESK_PUBLISH_BENCH_COMPARE=<another checkout> runs that checkout's outbox too, alternated with
 * this one's in the same rounds (its tests/faults/publish-seed.ts opens its services on the same
 * data), so a change to the outbox is measured against the code before it on the same machine load.
 */

const ARTICLES = Number(process.env.NEWSDESK_PUBLISH_BENCH_ARTICLES ?? 100);
/** Runs of the baseline and of the outbox at concurrency 1, alternated; the median of each is compared. */
const ROUNDS = Number(process.env.NEWSDESK_PUBLISH_BENCH_ROUNDS ?? 3);
const COMPARE = process.env.NEWSDESK_PUBLISH_BENCH_COMPARE ?? '';
const PHOTO_SIZE = { width: 1024, height: 683 };
/** The baseline's stand-in target id: its photos get keys (slugs) the way the outbox's do. */
const BASELINE_TARGET = 't-baseline';

interface PreparedArticle {
  article: SeededArticle;
  photo: { bytes: Uint8Array<ArrayBuffer>; fileName: string; fields: ReturnType<typeof mediaFieldsOf> };
  post: { title: string; content: string; excerpt: string; slug: string };
}

/**
 * Counts the time at least one request is waiting on WordPress (fetch until its headers), so a run's
 * own time, spent neither sending nor waiting, can be told apart from the site's (which is noisy).
 */
function measureHttp(): { busyMs(): number; stop(): void } {
  const original = globalThis.fetch;
  let inFlight = 0;
  let since = 0;
  let busy = 0;
  globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
    if (inFlight++ === 0) since = performance.now();
    try {
      return await original(...args);
    } finally {
      if (--inFlight === 0) busy += performance.now() - since;
    }
  };
  return {
    busyMs: () => busy,
    stop: () => {
      globalThis.fetch = original;
    },
  };
}

/**
 * Counts the flushes to disk (fsync, fdatasync through a FileHandle, as every durable write of the
 * app makes them) until stop(): the cost of a durable write depends on the disk and on what else
 * writes to it, their number does not.
 */
async function countFlushes(): Promise<{ count(): number; stop(): void }> {
  const probe = await open(tmpdir(), 'r');
  const handles = Object.getPrototypeOf(probe) as { sync(): Promise<void>; datasync(): Promise<void> };
  await probe.close();
  const { sync, datasync } = handles;
  let flushes = 0;
  handles.sync = function (this: unknown) {
    flushes += 1;
    return sync.call(this);
  };
  handles.datasync = function (this: unknown) {
    flushes += 1;
    return datasync.call(this);
  };
  return {
    count: () => flushes,
    stop: () => {
      handles.sync = sync;
      handles.datasync = datasync;
    },
  };
}

interface Timed {
  ms: number;
  /** Of which at least one request was waiting on the site. */
  httpMs: number;
  /** Flushes to disk during the run (the outbox's only; none for the baseline). */
  flushes: number;
  /** This process's CPU time during the run (user and system): unlike the clock, not lengthened by other programs' load. */
  cpuMs: number;
}

const cpuMsSince = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

/** What the outbox will send, computed before the clock starts: the baseline pays only for HTTP. */
async function prepare(services: Services, articles: readonly SeededArticle[], dir: string): Promise<PreparedArticle[]> {
  const writeXmp = services.settings.get().photoDesk.writeXmpOnExport;
  const prepared: PreparedArticle[] = [];
  for (const seeded of articles) {
    const article = await services.drafts.get(seeded.id);
    const photo = await services.media.get(seeded.photoId);
    const use = photoUsesOf(article)[0]!;
    const key = mediaKeyOf(BASELINE_TARGET, article.id, photo.id);
    const copy = join(dir, `${key}.jpg`);
    await services.media.exportCopy(photo.id, copy, { writeXmp });
    const bytes = new Uint8Array(await readFile(copy));
    await rm(copy);
    const body = cleanArticleHtml(articleBodyHtml(article.body, { photoSrc: () => null }));
    prepared.push({
      article: seeded,
      photo: { bytes, fileName: `${key}.jpg`, fields: mediaFieldsOf(use, photo) },
      post: { title: article.headline, content: `${body.trimEnd()}\n${postMarker(key)}`, excerpt: article.dek, slug: article.slug },
    });
  }
  return prepared;
}

/** The plain sequence: terms once, then per article one multipart upload and one post. */
async function publishDirectly(site: WordPressSite, articles: readonly PreparedArticle[]): Promise<Timed> {
  const api = `${site.url}/wp-json/wp/v2`;
  const authorization = `Basic ${Buffer.from(`${site.user}:${site.appPassword}`).toString('base64')}`;
  const send = async <T>(method: string, path: string, body?: FormData | object): Promise<T> => {
    const json = body !== undefined && !(body instanceof FormData);
    const response = await fetch(`${api}${path}`, {
      method,
      headers: { authorization, ...(json ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : json ? JSON.stringify(body) : (body as FormData),
    });
    const parsed = (await response.json()) as T;
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${JSON.stringify(parsed)}`);
    return parsed;
  };
  const term = async (taxonomy: string, name: string): Promise<number> => {
    const found = await send<{ id: number; name: string }[]>('GET', `/${taxonomy}?${new URLSearchParams({ search: name, per_page: '100', context: 'edit', _fields: 'id,name' })}`);
    return found.find((item) => item.name === name)?.id ?? (await send<{ id: number }>('POST', `/${taxonomy}`, { name })).id;
  };

  const http = measureHttp();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const categories = [await term('categories', 'News')];
  const tags = [await term('tags', 'Harbour')];
  for (const { photo, post } of articles) {
    const form = new FormData();
    form.set('title', photo.fields.title);
    form.set('caption', photo.fields.caption);
    form.set('alt_text', photo.fields.altText);
    form.set('description', photo.fields.description);
    form.set('slug', photo.fileName.replace(/\.jpg$/, ''));
    form.set('file', new Blob([photo.bytes], { type: 'image/jpeg' }), photo.fileName);
    const media = await send<{ id: number }>('POST', '/media?context=edit', form);
    await send('POST', '/posts?context=edit', { ...post, status: 'publish', categories, tags, sticky: false, featured_media: media.id });
  }
  const ms = performance.now() - started;
  http.stop();
  return { ms, httpMs: http.busyMs(), flushes: 0, cpuMs: cpuMsSince(cpu) };
}

/** The app's way: queued through the publish panel's channel, sent by the outbox; timed until it is idle. */
async function publishThroughOutbox(
  dataDir: string,
  site: WordPressSite,
  articles: readonly SeededArticle[],
  concurrency: number,
  open: typeof openServices = openServices,
): Promise<Timed & { targetId: string }> {
  const services = await open(dataDir, { concurrency });
  try {
    const target = await services.publishing.targets.save({ kind: 'wordpress', name: `Bench ${concurrency}`, siteUrl: site.url, user: site.user, secret: site.appPassword });
    // The panel shows the check before the editor clicks Publish: not part of sending.
    const acknowledged = await acknowledgements(services, articles, target.id);
    const http = measureHttp();
    const flushes = await countFlushes();
    const cpu = process.cpuUsage();
    const started = performance.now();
    await queueAll(services, articles, target.id, acknowledged);
    await services.publishing.outbox.whenIdle();
    const ms = performance.now() - started;
    const cpuMs = cpuMsSince(cpu);
    http.stop();
    flushes.stop();
    const unfinished = services.publishing.outbox.list().filter((job) => job.targetId === target.id && job.state !== 'done');
    if (unfinished.length > 0) throw new Error(`${unfinished.length} jobs did not finish: ${unfinished[0]!.lastError ?? unfinished[0]!.state}`);
    await services.handlers['outbox:clearFinished']({});
    return { ms, httpMs: http.busyMs(), flushes: flushes.count(), cpuMs, targetId: target.id };
  } finally {
    await services.close();
  }
}

/** One variant on a fresh WordPress, checked afterwards: one post and one photo per article, nothing twice. */
async function onFreshSite(articles: readonly SeededArticle[], run: (site: WordPressSite) => Promise<Timed & { targetId: string }>): Promise<Timed> {
  const site = await startWordPress();
  try {
    const { ms, httpMs, flushes, cpuMs, targetId } = await run(site);
    const back = await readBack(site, articles, targetId);
    if (back.publishedOnce !== articles.length || back.media !== articles.length) {
      throw new Error(`The site does not hold what was sent: ${JSON.stringify({ ...back, missing: back.missing.length, duplicated: back.duplicated.length })}`);
    }
    return { ms, httpMs, flushes, cpuMs };
  } finally {
    await site.stop();
  }
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export async function runPublishBench(): Promise<void> {
  console.log(`\nPublishing: ${ARTICLES} articles with one ${PHOTO_SIZE.width}×${PHOTO_SIZE.height} photo each to a local WordPress (php -S, 4 workers)`);
  const skip = wordPressSkipReason();
  if (skip) {
    console.log(`  skipped: ${skip}`);
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-publish-bench-'));
  try {
    const dataDir = join(dir, 'data');
    const photos = await makeJpegs(join(dir, 'photos'), ARTICLES, PHOTO_SIZE);
    const setup = await openServices(dataDir);
    let articles: SeededArticle[];
    let prepared: PreparedArticle[];
    try {
      articles = await seedArticles(setup, photos, 'Bench story');
      prepared = await prepare(setup, articles, dir);
    } finally {
      await setup.close();
    }
    const averageKb = prepared.reduce((sum, item) => sum + item.photo.bytes.length, 0) / prepared.length / 1024;

    const baseline = (): Promise<Timed> => onFreshSite(articles, async (site) => ({ ...(await publishDirectly(site, prepared)), targetId: BASELINE_TARGET }));
    const outbox = (concurrency: number) => (): Promise<Timed> => onFreshSite(articles, (site) => publishThroughOutbox(dataDir, site, articles, concurrency));
    const other = COMPARE ? ((await import(pathToFileURL(join(COMPARE, 'tests', 'faults', 'publish-seed.ts')).href)) as { openServices: typeof openServices }).openServices : null;
    const compared = (): Promise<Timed> => onFreshSite(articles, (site) => publishThroughOutbox(dataDir, site, articles, 1, other!));

    const direct: Timed[] = [];
    const serial: Timed[] = [];
    const before: Timed[] = [];
    const variants: Array<[Timed[], () => Promise<Timed>]> = [[direct, baseline], [serial, outbox(1)], ...(other ? [[before, compared] as [Timed[], () => Promise<Timed>]] : [])];
    for (let round = 0; round < ROUNDS; round += 1) {
      // A B, B A, A B … (A B C, C B A … with a checkout to compare): each side goes first as often as the others.
      const order = round % 2 === 0 ? variants : [...variants].reverse();
      for (const [runs, run] of order) {
        runs.push(await run());
        console.log(`  round ${round + 1}: ${run === baseline ? 'baseline' : run === compared ? 'compared checkout' : 'outbox'} ${seconds(runs.at(-1)!.ms)} (load average ${loadavg().map((load) => load.toFixed(2)).join(' ')})`);
      }
    }
    const two = await outbox(2)();
    const four = await outbox(4)();

    const base = median(direct.map((run) => run.ms));
    const one = median(serial.map((run) => run.ms));
    const ratio = (ms: number): string => `${(ms / base).toFixed(2)}× of baseline`;
    const each = (runs: readonly Timed[]): string => runs.map((run) => seconds(run.ms)).join(' / ');
    /** Per article, the time spent neither sending nor waiting on the site. */
    const ownMs = (runs: readonly Timed[]): number => mean(runs.map((run) => run.ms - run.httpMs)) / ARTICLES;
    const cpuPer = (runs: readonly Timed[]): string => `${(median(runs.map((run) => run.cpuMs)) / ARTICLES).toFixed(1)} ms per article`;
    const flushesPer = (runs: readonly Timed[]): string => `${(mean(runs.map((run) => run.flushes)) / ARTICLES).toFixed(1)} per article`;
    console.log(`  photos average ${averageKb.toFixed(0)} KB; each figure is one fresh WordPress, checked afterwards (one post and one photo per article)`);
    row(`plain fetch sequence (baseline, median of ${ROUNDS})`, seconds(base), '—', each(direct));
    row(`outbox, concurrency 1 (median of ${ROUNDS})`, seconds(one), '≤ 1.1×', `${ratio(one)} (${each(serial)})`);
    row('outbox, concurrency 2', seconds(two.ms), '< 1×', ratio(two.ms));
    row('outbox, concurrency 4', seconds(four.ms), '< 1×', ratio(four.ms));
    row('per article: outbox concurrency 1', `${(one / ARTICLES).toFixed(0)} ms`, '', `baseline ${(base / ARTICLES).toFixed(0)} ms`);
    row('  of which not waiting on the site', `${ownMs(serial).toFixed(1)} ms`, '', `baseline ${ownMs(direct).toFixed(1)} ms`);
    row('  flushes to disk (fsync)', flushesPer(serial), '', 'durable writes: one or two each');
    row('  CPU time of this process', cpuPer(serial), '', `baseline ${cpuPer(direct)}`);
    if (other) {
      const old = median(before.map((run) => run.ms));
      row(`compared checkout, concurrency 1 (median of ${ROUNDS})`, seconds(old), '', `${ratio(old)} (${each(before)})`);
      row('  of which not waiting on the site', `${ownMs(before).toFixed(1)} ms`, '', `this checkout ${ownMs(serial).toFixed(1)} ms`);
      row('  flushes to disk (fsync)', flushesPer(before), '', `this checkout ${flushesPer(serial)}`);
      row('  CPU time of this process', cpuPer(before), '', `this checkout ${cpuPer(serial)}`);
    }
    console.log(`  load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runPublishBench();
