import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Article } from '../../../../shared/model/article';
import { messageOf } from '../../../../shared/model/errors';
import { UserFacingError } from '../../../../shared/model/errors';
import { plainTextOf } from '../../../../shared/rules/text';
import { writeFileAtomic, type FileSignature } from '../fs/atomic-write';
import { defineCompactIndex } from './compact-index';
import { runSearchWorker, type FromSearchWorker, type PackedSignatures, type SearchDocument, type SearchWorkerData, type ToSearchWorker } from './search-worker';

/**
 * Full-text search over live drafts, on its own thread (search-worker.ts) with a compact index
 * (compact-index.ts).
 *
 * Measured at 10,000 drafts of ~800 words (8M words) with MiniSearch's index on the main thread:
 * building took 10–15 s of CPU, loading its ~40 MB cache about a second, writing it 1.5–2.5 s, and
 * those stalled every window (a 50 MB story's text alone ~0.7 s). On the search thread the main thread only
 * passes messages: the ids and file signatures of the live drafts at open, each saved draft's
 * searchable text, queries and their hits, and at close the cache's bytes, which it writes
 * atomically with the rest of the store's files. The thread reads the drafts the cache does not
 * cover itself, so their bodies never reach the main thread.
 *
 * The cache is written on close (and once after a large catch-up), not behind every save; a stale
 * cache costs little at the next open (only drafts changed since are re-read).
 */
export type SearchDoc = SearchDocument;

/**
 * How much of a story's text is searchable: about 20,000 words, twice a long read. A story
 * far longer (a pasted data dump) is still found by its start, and cannot stall the index.
 */
export const SEARCHABLE_BODY_CHARS = 128 * 1024;

export function searchDocOf(article: Article, plainText: string): SearchDoc {
  return {
    id: article.id,
    headline: article.headline,
    dek: article.dek,
    body: plainText.length > SEARCHABLE_BODY_CHARS ? plainText.slice(0, SEARCHABLE_BODY_CHARS) : plainText,
    byline: article.byline.map((author) => author.name).join('\n'),
    tags: article.tags.join('\n'),
  };
}

/** Re-index after a catch-up of at least this many drafts is worth writing the cache for. */
const PERSIST_AFTER_CATCH_UP = 500;

export interface WarmUpStats {
  loadedCache: boolean;
  reindexed: number;
  ms: number;
}

export interface SearchFiles {
  /** index/search.bin */
  cacheFile: string;
  /** The live drafts' folder, which the search thread reads the drafts it misses from. */
  draftsDir: string;
}

let source: string | null = null;

/** The thread's script: MiniSearch's SearchableMap required by its resolved path, the rest from compiled source. */
function workerSource(): string {
  const searchableMapPath = createRequire(import.meta.url).resolve('minisearch/SearchableMap');
  // `__name` is what esbuild's keepNames wraps functions with; defined so the copied source runs either way.
  source ??= [
    "'use strict';",
    'const __name = (target) => target;',
    `const plainTextOf = (${plainTextOf.toString()});`,
    `const messageOf = (${messageOf.toString()});`,
    `const SearchableMap = require(${JSON.stringify(searchableMapPath)});`,
    `const CompactIndex = (${defineCompactIndex.toString()})(SearchableMap.default ?? SearchableMap);`,
    `(${runSearchWorker.toString()})(CompactIndex, plainTextOf, messageOf, require('node:worker_threads'), require('node:fs'));`,
  ].join('\n');
  return source;
}

interface Waiting {
  resolve: (value: FromSearchWorker) => void;
  reject: (error: Error) => void;
}

export class DraftSearch {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextSeq = 0;
  private ready!: Promise<WarmUpStats>;
  private closing = false;
  private warmedUp = false;

  constructor(
    private readonly files: SearchFiles,
    private readonly currentSignatures: () => PackedSignatures,
    private readonly onError: (error: unknown) => void,
  ) {
    this.start();
  }

  /** Resolves once searches can run; `stats` tells how the warm-up went (for the benchmark). */
  whenReady(): Promise<WarmUpStats> {
    return this.ready;
  }

  upsert(doc: SearchDoc, signature: FileSignature): void {
    this.post({ kind: 'upsert', doc, signature: [signature.mtimeMs, signature.size] });
  }

  remove(id: string): void {
    this.post({ kind: 'remove', id });
  }

  /** Ids of matching drafts, best first. */
  async search(text: string): Promise<string[]> {
    // A thread that stopped (out of memory, say) is started again: it warms up from the cache.
    if (!this.worker && !this.closing) this.start();
    try {
      await this.ready;
      const answer = await this.request((seq) => ({ kind: 'search', seq, text }));
      return answer.kind === 'answer' ? answer.ids : [];
    } catch (error) {
      throw new UserFacingError('io', `Search is not available right now (${messageOf(error)}); the draft list still works without a search text.`);
    }
  }

  /** Writes the cache if anything changed since it was loaded or last written. */
  async persist(): Promise<void> {
    const answer = await this.request((seq) => ({ kind: 'serialize', seq }));
    if (answer.kind !== 'serialized' || !answer.bytes) return;
    try {
      await writeFileAtomic(this.files.cacheFile, answer.bytes);
    } catch (error) {
      this.post({ kind: 'unsaved' });
      throw error;
    }
  }

  /** Stops a warm-up in progress (its work is dropped) or writes the cache of a warm index; then ends the thread. */
  async close(options: { persist: boolean } = { persist: true }): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    this.post({ kind: 'stop' });
    try {
      const stats = await this.ready.catch(() => null);
      if (stats && options.persist) await this.persist();
    } finally {
      const worker = this.worker;
      this.worker = null;
      await worker?.terminate();
    }
  }

  private start(): void {
    const data: SearchWorkerData = { ...this.files, searchChars: SEARCHABLE_BODY_CHARS };
    const worker = new Worker(workerSource(), { eval: true, workerData: data });
    this.worker = worker;
    this.warmedUp = false;
    const started = performance.now();
    this.ready = new Promise<WarmUpStats>((resolve, reject) => {
      worker.on('message', (message: FromSearchWorker) => {
        if (message.kind === 'ready') {
          this.warmedUp = true;
          if (this.waiting.size === 0) worker.unref();
          const stats = { loadedCache: message.loadedCache, reindexed: message.reindexed, ms: performance.now() - started };
          resolve(stats);
          this.afterWarmUp(stats);
        } else if (message.kind === 'failed' && message.seq === null) {
          // A warm-up that failed leaves no usable index: the thread ends, and the next search starts another.
          reject(new Error(message.message));
          void worker.terminate();
        } else if ('seq' in message && message.seq !== null) {
          const waiting = this.waiting.get(message.seq);
          this.waiting.delete(message.seq);
          if (this.waiting.size === 0 && this.warmedUp) worker.unref();
          if (message.kind === 'failed') waiting?.reject(new Error(message.message));
          else waiting?.resolve(message);
        }
      });
      const stopped = (error: Error): void => {
        if (this.worker === worker) this.worker = null;
        reject(error);
        for (const waiting of this.waiting.values()) waiting.reject(error);
        this.waiting.clear();
      };
      worker.on('error', stopped);
      worker.on('exit', (code) => stopped(new Error(`the search thread stopped (exit code ${code})`)));
    });
    this.ready.catch(this.onError);
    const current = this.currentSignatures();
    // The thread keeps the process alive while it warms up or owes an answer (someone may be
    // waiting for it), never when idle: an idle search must not keep a test run or a quit alive.
    worker.postMessage({ kind: 'warm', current } satisfies ToSearchWorker, [current.stamps.buffer]);
  }

  private afterWarmUp(stats: WarmUpStats): void {
    if (stats.reindexed >= PERSIST_AFTER_CATCH_UP && !this.closing) {
      // After a big rebuild, write the cache now so the next start (even after a crash) is fast.
      setTimeout(() => {
        if (!this.closing) void this.persist().catch(this.onError);
      }, 1_000).unref();
    }
  }

  private post(message: ToSearchWorker): void {
    this.worker?.postMessage(message);
  }

  private request(make: (seq: number) => ToSearchWorker): Promise<FromSearchWorker> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('the search thread is not running'));
    const seq = (this.nextSeq += 1);
    return new Promise<FromSearchWorker>((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      worker.ref();
      worker.postMessage(make(seq));
    });
  }
}
