import { readFile } from 'node:fs/promises';
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { Article } from '../../../../shared/model/article';
import { writeFileAtomic, type FileSignature } from '../fs/atomic-write';

/**
 * Full-text search over live drafts with MiniSearch.
 *
 * Measured at 10,000 drafts of ~800 words (8M words): building the index takes 10–15 s of CPU;
 * the cached index (index/search.json, ~40 MB) loads in ~4.5 s in small slices (longest event
 * loop stall ~0.2 s), against ~130 ms for the whole rest of the open. So the store opens without it and this class warms up in the
 * background: load the cache, then re-index only drafts whose file signature differs from the one
 * recorded with the cache (the same staleness test as the summary index), or rebuild in time
 * slices when there is no cache. Searches wait for the warm-up; saves made meanwhile are queued.
 *
 * The cache is written on close (and once after a large catch-up), not behind every save:
 * MiniSearch's toJSON blocks the event loop for ~1.3 s, and a stale cache costs little at the
 * next open (only drafts changed since are re-read).
 */
export interface SearchDoc {
  id: string;
  headline: string;
  dek: string;
  body: string;
  byline: string;
  tags: string;
}

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

// Words so common they match nearly every draft: indexing them costs memory and an AND query on
// them costs time while narrowing nothing.
const STOP_WORDS = new Set(
  'a an and are as at be been but by for from had has have he her his i in is it its of on or she that the their they this to was were will with would'.split(' '),
);

function processTerm(term: string): string | null {
  const folded = term.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return folded && !STOP_WORDS.has(folded) ? folded : null;
}

const FIELDS = ['headline', 'dek', 'body', 'byline', 'tags'];
const OPTIONS: Options<SearchDoc> = { fields: FIELDS, storeFields: [], processTerm };

/**
 * Every word must match (AND narrows as one types). Words of 4+ letters also match as prefixes
 * (the word being typed) and tolerate one typo. Not shorter ones: a 3-letter prefix such as
 * "mar" expands to hundreds of words and measured up to 190 ms per query at 10,000 drafts.
 */
const QUERY_OPTIONS: SearchOptions = {
  combineWith: 'AND',
  prefix: (term) => term.length >= 4,
  fuzzy: (term) => (term.length >= 4 ? 1 : false),
  boost: { headline: 3, tags: 2, byline: 2, dek: 1.5 },
};

/** Bump when FIELDS, processTerm or the stored shape change: the cache is then ignored and rebuilt. */
const FORMAT = 2;
type Serialized = ReturnType<MiniSearch<SearchDoc>['toJSON']>;
interface StoredHead {
  format: number;
  signatures: [id: string, mtimeMs: number, size: number][];
  head: Omit<Serialized, 'index'>;
}
const TERMS_PER_LINE = 200;

/** Re-index after a catch-up of at least this many drafts is worth writing the cache for. */
const PERSIST_AFTER_CATCH_UP = 500;
/** Longest stretch of indexing before yielding to other work (IPC, saves). */
const SLICE_MS = 15;

export type DocLoader = (id: string) => Promise<{ doc: SearchDoc; signature: FileSignature } | null>;

export interface WarmUpStats {
  loadedCache: boolean;
  reindexed: number;
  ms: number;
}

export class DraftSearch {
  private index = new MiniSearch<SearchDoc>(OPTIONS);
  /** File signature of the version of each draft the index holds. */
  private readonly signatures = new Map<string, FileSignature>();
  /**
   * Changes not yet in the index (null = remove). Indexing a 10,000-word long read takes ~10 ms,
   * more than the rest of a save, so saves only queue here; the queue is applied shortly after,
   * before any search (so searches always see every resolved save), and after the warm-up.
   * Rapid autosaves of one draft coalesce into one re-index.
   */
  private readonly pending = new Map<string, { doc: SearchDoc; signature: FileSignature } | null>();
  private applyTimer: NodeJS.Timeout | null = null;
  private warm = false;
  private dirty = false;
  private closing = false;
  private readonly ready: Promise<WarmUpStats>;

  constructor(
    private readonly file: string,
    currentSignatures: () => Map<string, FileSignature>,
    load: DocLoader,
    private readonly onError: (error: unknown) => void,
  ) {
    this.ready = this.warmUp(currentSignatures, load);
    this.ready.catch(onError);
  }

  /** Resolves once searches can run; `stats` tells how the warm-up went (for the benchmark). */
  whenReady(): Promise<WarmUpStats> {
    return this.ready;
  }

  upsert(doc: SearchDoc, signature: FileSignature): void {
    this.pending.set(doc.id, { doc, signature });
    this.scheduleApply();
  }

  remove(id: string): void {
    this.pending.set(id, null);
    this.scheduleApply();
  }

  /** Ids of matching drafts, best first. */
  async search(text: string): Promise<string[]> {
    await this.ready;
    this.applyPending();
    return this.index.search(text, QUERY_OPTIONS).map((hit) => String(hit.id));
  }

  /**
   * Writes the cache if anything changed since it was loaded or last written. MiniSearch's
   * toJSON still runs in one go (~1.3 s at 10,000 drafts), which is why this happens on close.
   */
  async persist(): Promise<void> {
    if (!this.warm) return;
    this.applyPending();
    if (!this.dirty) return;
    this.dirty = false;
    try {
      const { index: terms, ...head } = this.index.toJSON();
      const signatures = [...this.signatures].map(([id, s]) => [id, s.mtimeMs, s.size]);
      const lines = [JSON.stringify({ format: FORMAT, signatures, head })];
      for (let i = 0; i < terms.length; i += TERMS_PER_LINE) {
        lines.push(JSON.stringify(terms.slice(i, i + TERMS_PER_LINE)));
        if (i % (TERMS_PER_LINE * 8) === 0) await yieldToEventLoop();
      }
      await writeFileAtomic(this.file, lines.join('\n'));
    } catch (error) {
      this.dirty = true;
      throw error;
    }
  }

  /** Stops a warm-up in progress (its work is dropped) or writes the cache of a warm index. */
  async close(): Promise<void> {
    this.closing = true;
    await this.ready.catch(() => undefined);
    await this.persist();
  }

  private scheduleApply(): void {
    if (!this.warm || this.applyTimer) return;
    this.applyTimer = setTimeout(() => this.applyPending(), 200);
    this.applyTimer.unref();
  }

  private applyPending(): void {
    if (this.applyTimer) clearTimeout(this.applyTimer);
    this.applyTimer = null;
    for (const [id, change] of this.pending) this.apply(id, change);
    this.pending.clear();
  }

  private apply(id: string, change: { doc: SearchDoc; signature: FileSignature } | null): void {
    if (this.index.has(id)) this.index.discard(id);
    if (change) {
      this.index.add(change.doc);
      this.signatures.set(id, change.signature);
    } else {
      this.signatures.delete(id);
    }
    this.dirty = true;
  }

  private async warmUp(currentSignatures: () => Map<string, FileSignature>, load: DocLoader): Promise<WarmUpStats> {
    const started = performance.now();
    const loadedCache = await this.loadCache();
    const current = currentSignatures();
    // Drafts gone (deleted, trashed behind our back) leave the index; new or changed ones are re-read.
    for (const id of [...this.signatures.keys()]) if (!current.has(id)) this.apply(id, null);
    const stale = [...current].filter(([id, s]) => {
      const known = this.signatures.get(id);
      return !known || known.mtimeMs !== s.mtimeMs || known.size !== s.size;
    });
    let sliceStart = performance.now();
    for (let i = 0; i < stale.length && !this.closing; i += 16) {
      const batch = await Promise.all(stale.slice(i, i + 16).map(([id]) => load(id).catch(() => null)));
      for (const [j, loaded] of batch.entries()) {
        const id = stale[i + j]![0];
        // A draft saved during the warm-up is in `pending` with newer content; don't index it twice.
        if (this.pending.has(id)) continue;
        this.apply(id, loaded);
      }
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
    this.warm = true;
    this.applyPending();
    if (!loadedCache) this.dirty = true;
    if (stale.length >= PERSIST_AFTER_CATCH_UP && !this.closing) {
      // After a big rebuild, write the cache now so the next start (even after a crash) is fast.
      setTimeout(() => void this.persist().catch(this.onError), 1_000).unref();
    }
    return { loadedCache, reindexed: stale.length, ms: performance.now() - started };
  }

  /**
   * Loads index/search.json: a first line with the signatures and MiniSearch's header, then the
   * terms in lines of TERMS_PER_LINE. Parsing line by line with yields in between keeps the event
   * loop free; one JSON.parse of the whole ~40 MB stalled it for ~0.5 s.
   */
  private async loadCache(): Promise<boolean> {
    let lines: string[];
    try {
      lines = (await readFile(this.file, 'utf8')).split('\n');
    } catch {
      return false; // missing: it is derived data, rebuild it
    }
    try {
      const first = JSON.parse(lines[0]!) as StoredHead;
      if (first.format !== FORMAT || !Array.isArray(first.signatures)) return false;
      const terms: Serialized['index'] = [];
      let sliceStart = performance.now();
      for (let i = 1; i < lines.length; i += 1) {
        for (const term of JSON.parse(lines[i]!) as Serialized['index']) terms.push(term);
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToEventLoop();
          sliceStart = performance.now();
        }
      }
      // The async loader yields every thousand terms, so IPC keeps flowing while the maps are built.
      this.index = await MiniSearch.loadJSAsync({ ...first.head, index: terms }, OPTIONS);
      for (const [id, mtimeMs, size] of first.signatures) {
        if (this.index.has(id)) this.signatures.set(id, { mtimeMs, size });
      }
      return true;
    } catch {
      // Damaged or from an incompatible version: start empty and rebuild from the drafts.
      this.index = new MiniSearch<SearchDoc>(OPTIONS);
      this.signatures.clear();
      return false;
    }
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
