import { pathToFileURL } from 'node:url';
import { openPublishingDesk } from '../integration/wordpress-publish-helpers';
import { importHandlersOf, importPosts, listPosts } from '../integration/site-import-helpers';
import { startWordPress, wordPressSkipReason, type WordPressSite } from '../wordpress/wordpress-server';
import { mb, ms, row } from './report';

/**
 * "Import from site…" of 500 posts from a local WordPress: the list read page by page (100 a page)
 * and every post imported the way the picker does it (one request per post, so it can show
 * progress), into a fresh library each run. The baseline, in the same run, is the same REST reads
 * made with fetch alone (the pages, then each post with context=edit and its author), so the
 * difference is what importing itself costs: converting, writing the article and its publish record.
 * Each side runs twice, alternated (A B B A), and the faster run of each is compared. Memory: the
 * peak of the heap and of the resident set above what they were when the run started.
 */

const POSTS = Number(process.env.NEWSDESK_IMPORT_BENCH_POSTS ?? 500);
const PAGE = 100;
const SEED_CONCURRENCY = 4;

interface Run {
  ms: number;
  heapPeak: number;
  rssPeak: number;
}

async function measured(work: () => Promise<void>): Promise<Run> {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.memoryUsage();
  let heapPeak = 0;
  let rssPeak = 0;
  const sample = () => {
    const now = process.memoryUsage();
    heapPeak = Math.max(heapPeak, now.heapUsed - start.heapUsed);
    rssPeak = Math.max(rssPeak, now.rss - start.rss);
  };
  const timer = setInterval(sample, 10);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  sample();
  return { ms: performance.now() - started, heapPeak, rssPeak };
}

function restOf(site: WordPressSite) {
  const authorization = `Basic ${Buffer.from(`${site.user}:${site.appPassword}`).toString('base64')}`;
  return async <T>(method: string, path: string, body?: unknown): Promise<{ value: T; headers: Headers }> => {
    const response = await fetch(`${site.url}/wp-json/wp/v2${path}`, {
      method,
      headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const value = (await response.json()) as T;
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
    return { value, headers: response.headers };
  };
}

async function seedPosts(site: WordPressSite): Promise<void> {
  const rest = restOf(site);
  const paragraphs = (n: number) => Array.from({ length: 6 }, (_, i) => `<!-- wp:paragraph --><p>Story ${n}, paragraph ${i + 1}: the harbour board met on <strong>Tuesday</strong> and <a href="https://example.com/${n}">voted</a> on the plan.</p><!-- /wp:paragraph -->`).join('\n\n');
  let next = 0;
  const worker = async () => {
    for (let n = next++; n < POSTS; n = next++) {
      await rest('POST', '/posts', { title: `Bench story ${n + 1}`, excerpt: `Dek of story ${n + 1}.`, content: paragraphs(n + 1), status: n % 5 === 0 ? 'draft' : 'publish' });
    }
  };
  await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
}

/** The same reads as an import, made with fetch alone. */
async function readDirectly(site: WordPressSite): Promise<void> {
  const rest = restOf(site);
  const ids: { id: number; author: number }[] = [];
  for (let page = 1; ; page += 1) {
    const { value, headers } = await rest<{ id: number; author: number }[]>('GET', `/posts?page=${page}&per_page=${PAGE}&status=any&context=edit&orderby=id&order=desc&_fields=id,title,date_gmt,modified_gmt,status,author,link`);
    ids.push(...value);
    if (page >= Number(headers.get('x-wp-totalpages'))) break;
  }
  for (const { id, author } of ids) {
    await rest('GET', `/posts/${id}?context=edit`);
    await rest('GET', `/users?include=${author}&per_page=100&_fields=id,name`);
  }
}

async function importAll(site: WordPressSite): Promise<number> {
  const desk = await openPublishingDesk(site, site.url);
  let imported = 0;
  try {
    const handlers = importHandlersOf(desk);
    const ids: (number | string)[] = [];
    for (let page = 1; ; page += 1) {
      const listed = await listPosts(handlers, desk.target.id, '', page, PAGE);
      ids.push(...listed.posts.map((post) => post.remoteId));
      if (page >= listed.totalPages) break;
    }
    for (const id of ids) {
      const [result] = await importPosts(handlers, desk.target.id, [id]);
      if (result?.outcome === 'imported') imported += 1;
    }
  } finally {
    await desk.close();
  }
  return imported;
}

export async function runSiteImportBench(): Promise<void> {
  console.log(`\nImport from site: ${POSTS} posts from a local WordPress, one request per post as the picker sends them`);
  const skip = wordPressSkipReason();
  if (skip) {
    console.log(`  skipped: ${skip}`);
    return;
  }
  const site = await startWordPress();
  try {
    await seedPosts(site);
    const direct: Run[] = [];
    const imports: Run[] = [];
    let count = 0;
    const importRun = async () => imports.push(await measured(async () => void (count = await importAll(site))));
    const directRun = async () => direct.push(await measured(() => readDirectly(site)));
    await directRun();
    await importRun();
    await importRun();
    await directRun();
    if (count < POSTS) console.log(`  only ${count} of ${POSTS} posts were imported`);
    const best = (runs: Run[]) => runs.reduce((a, b) => (a.ms <= b.ms ? a : b));
    const base = best(direct);
    const ours = best(imports);
    row(`import ${POSTS} posts (list + one call each)`, ms(ours.ms), '—', `baseline REST reads ${ms(base.ms)} (${(ours.ms / base.ms).toFixed(2)}×)`);
    row('  per post', ms(ours.ms / POSTS), '—', `baseline ${ms(base.ms / POSTS)}`);
    row('  peak heap above start', mb(Math.max(...imports.map((run) => run.heapPeak))), '—', `baseline ${mb(Math.max(...direct.map((run) => run.heapPeak)))}`);
    row('  peak RSS above start', mb(Math.max(...imports.map((run) => run.rssPeak))), '—', `baseline ${mb(Math.max(...direct.map((run) => run.rssPeak)))}`);
  } finally {
    await site.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runSiteImportBench();
