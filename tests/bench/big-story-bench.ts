import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { parseArticleJson } from '../../electron/main/services/drafts/article-file';
import { openDraftStore } from '../../electron/main/services/drafts/draft-store';
import { DEFAULT_LIMITS } from '../../shared/model/settings';
import { countWords, plainTextOf } from '../../shared/rules/text';
import { buildVocabulary, generateLibrary, makeArticle, rng } from './drafts-bench-data';
import { mb, ms, row } from './report';
import { messageOf } from '../../shared/model/errors';

/**
 * One 50 MB story among 10,000 drafts: the longest event-loop stall while the library opens and
 * its search warms up (the story is new, so it is read), next to the same file parsed the way the
 * store did before large files went to a worker thread, timed in this run. Run: npx tsx tests/bench/big-story-bench.ts
 */

const STORY_BYTES = 50 * 1024 * 1024;

/** A story of at least STORY_BYTES: a generated long read's paragraphs, repeated. */
function bigStory(): string {
  const random = rng(99);
  const article = makeArticle(buildVocabulary(random), random, 999_999, 10_000);
  const paragraphs = article.body.root.children;
  const one = JSON.stringify(article).length;
  const copies = Math.ceil(STORY_BYTES / one);
  article.body.root.children = Array.from({ length: copies }, () => paragraphs).flat();
  article.headline = 'The fifty-megabyte story';
  return JSON.stringify(article);
}

/** Runs `work` and returns the longest event-loop stall while it ran, in ms. */
async function longestStall(work: () => Promise<void>): Promise<{ stall: number; total: number }> {
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  const start = performance.now();
  await work();
  const total = performance.now() - start;
  // One more turn so a stall at the very end is sampled too.
  await new Promise((resolve) => setTimeout(resolve, 20));
  lag.disable();
  return { stall: lag.max / 1e6, total };
}

export async function runBigStoryBench(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-big-story-'));
  try {
    console.log('\nOne 50 MB story among 10,000 drafts');
    await generateLibrary(dir, 10_000);
    // A first open writes the list and search caches, as any earlier start of the app would have.
    const first = await openDraftStore(dir);
    await first.searchReady();
    await first.close();
    // The same open without the big story: what the library costs by itself on this machine now.
    let plain: Awaited<ReturnType<typeof openDraftStore>> | null = null;
    const alone = await longestStall(async () => {
      plain = await openDraftStore(dir);
      await plain.searchReady();
    });
    await plain!.close();
    const text = bigStory();
    const id = (JSON.parse(text.slice(0, 2_000).replace(/,"body".*$/s, '}')) as { id?: string }).id ?? '';
    const path = join(dir, 'drafts', `${id}.json`);
    await writeFile(path, text);
    row('story file', mb(Buffer.byteLength(text)), `limit ${mb(DEFAULT_LIMITS.storyMaxBytes)}`);

    let refusal = '';
    let store: Awaited<ReturnType<typeof openDraftStore>> | null = null;
    const now = await longestStall(async () => {
      store = await openDraftStore(dir, { storyMaxBytes: () => DEFAULT_LIMITS.storyMaxBytes });
      await store.searchReady();
      await store.list({ text: 'fifty megabyte' });
      refusal = await store.get(id).then(() => 'opened', (error: unknown) => messageOf(error));
    });
    // Closing writes the search cache, serialised on the search thread.
    const closing = await longestStall(() => store!.close());
    const before = await longestStall(async () => {
      // The old path, on the same file: the list read and parsed it on the main thread, counted its
      // words, then the search warm-up read and parsed it again and indexed all of its text.
      for (const pass of ['list', 'search'] as const) {
        const article = parseArticleJson(await readFile(path, 'utf8'), id);
        const plain = plainTextOf(article.body);
        if (pass === 'list') countWords(plain);
        else new MiniSearch({ fields: ['headline', 'body'] }).add({ id, headline: article.headline, body: plain });
      }
    });
    row('open + search warm-up: longest stall', ms(now.stall), '< 50 ms', `(old main-thread path on the same file: ${ms(before.stall)}; the issue measured 5 s)`);
    row('close (writes both caches): longest stall', ms(closing.stall), '< 50 ms', `(total ${ms(closing.total)})`);
    row('the same open without the 50 MB story', ms(alone.stall), '-', '(longest stall: the 10,000 drafts alone)');
    row('open + search warm-up: total', ms(now.total), '-', `(old path, that file alone: ${ms(before.total)})`);
    console.log(`opening it: ${refusal.slice(0, 120)}`);
    console.log(`load average (1, 5, 15 min): ${loadavg().map((n) => n.toFixed(2)).join(', ')}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runBigStoryBench();
