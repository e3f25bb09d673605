import { spawn } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { openDraftStore } from '../../electron/main/services/drafts/draft-store';
import type { DraftStore } from '../../electron/main/services/drafts/types';
import type { Article } from '../../shared/model/article';
import { plainTextOf } from '../../shared/rules/text';
import { buildVocabulary, generateLibrary, makeBody, rng } from './drafts-bench-data';
import { mb, ms, percentile, row } from './report';

/**
 * Draft store benchmark: 10,000 generated drafts (~800 words on average, 1% 10,000-word long
 * reads). Prints each figure with its target and, where one makes sense, a baseline measured in
 * the same run on the same machine. Run: npx tsx tests/bench/drafts-bench.ts
 */


async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

/** Queries like an editor types them: topic words, names, rare words, and half-typed words. */
function makeQueries(count: number): string[] {
  const random = rng(7);
  const vocab = buildVocabulary(rng(42));
  const pick = (limit: number): string => vocab.words[Math.floor(random() * Math.min(limit, vocab.words.length))]!;
  const queries: string[] = [];
  for (let q = 0; q < count; q += 1) {
    let words: string[];
    switch (q % 4) {
      case 0: words = [pick(300), pick(3000)]; break;
      case 1: words = vocab.names[Math.floor(random() * vocab.names.length)]!.toLowerCase().split(' '); break;
      case 2: words = [pick(6000)]; break;
      default: words = [pick(1000), pick(1000), pick(1000)];
    }
    if (q % 3 === 0) {
      const last = words[words.length - 1]!;
      words[words.length - 1] = last.slice(0, Math.max(3, last.length - 2)); // still typing
    }
    queries.push(words.join(' '));
  }
  return queries;
}

/** Median time of 30 autosaves of one long read, each with a small edit, plus the raw write baseline. */
async function measureSaves(store: DraftStore, dir: string, article: Article): Promise<{ save: number; raw: number }> {
  const saves: number[] = [];
  const raws: number[] = [];
  const body = structuredClone(article.body);
  for (let i = 0; i < 30; i += 1) {
    const paragraph = body.root.children[0] as unknown as { children: { text: string }[] };
    paragraph.children[0]!.text += ` edit${i}`;
    const next = { ...article, body };
    const [, t] = await timed(() => store.save(next, 'auto'));
    saves.push(t);
    // Baseline: the same bytes written in place with writeFile + fsync (no temp, no rename, no index).
    const bytes = JSON.stringify(next);
    const [, r] = await timed(async () => {
      const handle = await fsp.open(join(dir, 'baseline.json'), 'w');
      await handle.writeFile(bytes);
      await handle.sync();
      await handle.close();
    });
    raws.push(r);
  }
  return { save: percentile(saves, 50), raw: percentile(raws, 50) };
}

async function longReadOf(store: DraftStore): Promise<Article> {
  const page = await store.list({ limit: 500 });
  const long = page.items.find((s) => s.wordCount >= 9_000) ?? page.items[0]!;
  return store.get(long.id);
}

async function saveBenchAt(count: number, root: string): Promise<{ save: number; raw: number }> {
  const dir = join(root, `lib-${count}`);
  await generateLibrary(dir, count, 1000 + count);
  const warm = await openDraftStore(dir); // first open builds the caches
  await warm.searchReady();
  await warm.close();
  const store = await openDraftStore(dir);
  await store.searchReady();
  const article = await longReadOf(store);
  // Give it a 10,000-word body even if the sample had no long read.
  if (plainTextOf(article.body).split(/\s+/).length < 9_000) article.body = makeBody(buildVocabulary(rng(3)), rng(4), 10_000);
  const result = await measureSaves(store, dir, article);
  await store.close();
  return result;
}

/** Runs `work` and returns its result, how long it took and the longest event-loop stall meanwhile. */
async function stallOf<T>(work: () => Promise<T>): Promise<[T, number, number]> {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const [value, took] = await timed(work);
  // One more turn, so a stall at the very end is sampled too.
  await new Promise((resolve) => setTimeout(resolve, 20));
  lag.disable();
  return [value, took, lag.max / 1e6];
}

/** No caches yet: the first start after an upgrade, or after the caches were deleted. */
async function coldStart(dir: string): Promise<void> {
  // CPU time of every thread (main and search) as well: on a busy machine the wall times mostly measure the wait for a core.
  const cpuAtStart = process.cpuUsage();
  const [cold, coldOpen] = await timed(() => openDraftStore(dir));
  const [, coldList] = await timed(() => cold.list({}));
  const [, coldSearch, coldStall] = await stallOf(() => cold.searchReady());
  const cpu = process.cpuUsage(cpuAtStart);
  row('cold open + search build, CPU time of all threads', ms((cpu.user + cpu.system) / 1000), '-', `(wall ${ms(coldOpen + coldList + coldSearch)})`);
  const [, coldClose, closeStall] = await stallOf(() => cold.close());
  row('cold open + list (no caches, reads every file)', ms(coldOpen + coldList), '-');
  row('cold search build, in background', ms(coldSearch), '≤ 3 s', `(longest event-loop stall meanwhile ${ms(coldStall)}, target < 50 ms)`);
  row('close (writes both caches)', ms(coldClose), '-', `(longest event-loop stall ${ms(closeStall)}, target < 50 ms)`);
}

/** A full garbage collection, without needing node --expose-gc on the command line. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Times open and list of the first page; the store is closed and dropped so its memory is freed. */
async function openListAndClose(dir: string): Promise<[number, number]> {
  collectGarbage();
  const [store, openMs] = await timed(() => openDraftStore(dir));
  const [, listMs] = await timed(() => store.list({ limit: 50 }));
  await store.close();
  return [openMs, listMs];
}

async function coldStartInChild(dir: string): Promise<void> {
  // execArgv carries tsx's loader flags, so the child runs this same TypeScript file.
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), COLD_FLAG, dir], { stdio: 'inherit' });
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  if (code !== 0) throw new Error(`cold start child exited with ${code}`);
}

const COLD_FLAG = '--cold-start-only';

export async function runDraftBench(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'newsdesk-drafts-bench-'));
  try {
    console.log('Draft store benchmark (10,000 drafts, ~800 words average, 1% 10,000-word long reads)\n');
    console.log(`load average (1, 5, 15 min): ${loadavg().map((n) => n.toFixed(2)).join(', ')}`);
    const dir = join(root, 'lib-10000');
    const [, genMs] = await timed(() => generateLibrary(dir, 10_000));
    row('generate 10,000 draft files (setup)', ms(genMs), '-');

    // The cold build runs in its own process so its garbage does not inflate this one's memory figure.
    await coldStartInChild(dir);

    // Warm: the normal start. The first open in a process also pays for JIT warm-up, like the app's.
    const [firstOpenMs, firstListMs] = await openListAndClose(dir);
    const lag = monitorEventLoopDelay({ resolution: 10 });
    collectGarbage(); // the previous store's index is garbage now; don't time its collection
    const [store, openMs] = await timed(() => openDraftStore(dir));
    const [page, listMs] = await timed(() => store.list({ limit: 50 }));
    lag.enable();
    const [, readyMs] = await timed(() => store.searchReady());
    lag.disable();
    row('open + list first page, first in process', ms(firstOpenMs + firstListMs), '≤ 200 ms', `(open ${ms(firstOpenMs)}, list ${ms(firstListMs)})`);
    row('open + list first page, again', ms(openMs + listMs), '≤ 200 ms', `(open ${ms(openMs)}, list ${ms(listMs)}, ${page.total} drafts)`);
    row('search ready after open, in background', ms(readyMs), '≤ 1 s', `(longest event-loop stall meanwhile ${ms(lag.max / 1e6)})`);

    // A full GC first, so the figure is what the library keeps alive, not garbage from loading it.
    collectGarbage();
    const mem = process.memoryUsage();
    row('memory after loading the library', `${mb(mem.rss)} rss`, '≤ 300 MB', `(heapUsed ${mb(mem.heapUsed)})`);

    const queries = makeQueries(220);
    for (const q of queries.slice(0, 20)) await store.list({ text: q }); // warm the JIT
    const latencies: number[] = [];
    let hits = 0;
    for (const q of queries.slice(20)) {
      const [result, t] = await timed(() => store.list({ text: q, limit: 50 }));
      latencies.push(t);
      hits += result.total;
    }
    // Baseline: what a naive store would do, a lowercase String.includes scan over every draft.
    const texts: string[] = [];
    for (const name of await fsp.readdir(join(dir, 'drafts'))) {
      if (!name.endsWith('.json')) continue;
      const a = JSON.parse(await fsp.readFile(join(dir, 'drafts', name), 'utf8')) as Article;
      texts.push(`${a.headline}\n${a.dek}\n${plainTextOf(a.body)}\n${a.tags.join(' ')}`.toLowerCase());
    }
    const scans: number[] = [];
    for (const q of queries.slice(20, 60)) {
      const words = q.split(' ');
      const start = performance.now();
      texts.filter((t) => words.every((w) => t.includes(w)));
      scans.push(performance.now() - start);
    }
    row('search p50 (200 queries, via list)', ms(percentile(latencies, 50)), '-', `(avg ${Math.round(hits / latencies.length)} hits)`);
    row('search p95', ms(percentile(latencies, 95)), '≤ 30 ms', `(baseline includes() scan p50 ${ms(percentile(scans, 50))}, p95 ${ms(percentile(scans, 95))})`);
    texts.length = 0;

    const at10k = await measureSaves(store, root, await longReadOf(store));
    const [, closeMs, closeStall] = await stallOf(() => store.close());
    row('close after saves (writes both caches)', ms(closeMs), '-', `(longest event-loop stall ${ms(closeStall)}, target < 50 ms)`);
    const at1k = await saveBenchAt(1_000, root);
    row('save 10,000-word draft at 1,000 drafts (median)', ms(at1k.save), '≤ 20 ms', `(baseline writeFile+fsync ${ms(at1k.raw)})`);
    row('save 10,000-word draft at 10,000 drafts (median)', ms(at10k.save), '≤ 20 ms', `(baseline writeFile+fsync ${ms(at10k.raw)})`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const coldDir = process.argv[2] === COLD_FLAG ? process.argv[3] : undefined;
  (coldDir ? coldStart(coldDir) : runDraftBench()).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
