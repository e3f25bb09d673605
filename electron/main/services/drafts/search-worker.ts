import type { CompactIndex, CompactIndexClass, CompactIndexOptions } from './compact-index';

/**
 * The search index's thread. It owns the index (compact-index.ts): it loads the cache file, reads the
 * drafts the cache does not cover, indexes them, answers queries and serialises the index for the
 * cache, so none of that work (seconds at 10,000 drafts, and a 50 MB story's text) runs on main.
 *
 * Runs from its own source text (see search-index.ts), hence no imports at run time and no outer
 * names: the index, the plain-text walk and Node's modules are passed in.
 */

/**
 * The live drafts at open, packed: their ids joined by newlines (an id never holds one) and a
 * Float64Array of [mtimeMs, size] pairs in the same order. 10,000 small arrays cost the main thread
 * ~20 ms to clone into a message; one string and a transferred buffer cost nearly nothing.
 */
export interface PackedSignatures {
  ids: string;
  stamps: Float64Array<ArrayBuffer>;
}

/** What the main thread sends. Signatures are [mtimeMs, size] of the file a document came from. */
export type ToSearchWorker =
  | { kind: 'warm'; current: PackedSignatures }
  | { kind: 'upsert'; doc: SearchDocument; signature: [mtimeMs: number, size: number] }
  | { kind: 'remove'; id: string }
  | { kind: 'search'; seq: number; text: string }
  | { kind: 'serialize'; seq: number }
  | { kind: 'unsaved' }
  | { kind: 'stop' };

export type FromSearchWorker =
  | { kind: 'ready'; loadedCache: boolean; reindexed: number }
  | { kind: 'answer'; seq: number; ids: string[] }
  /** The cache file's bytes, or null when nothing changed since it was loaded or last written. */
  | { kind: 'serialized'; seq: number; bytes: Uint8Array | null }
  | { kind: 'failed'; seq: number | null; message: string };

export interface SearchDocument {
  id: string;
  headline: string;
  dek: string;
  body: string;
  byline: string;
  tags: string;
}

export interface SearchWorkerData {
  cacheFile: string;
  draftsDir: string;
  /** How much of a story's text is indexed. */
  searchChars: number;
}

export function runSearchWorker(
  CompactIndexConstructor: CompactIndexClass,
  plainText: (doc: unknown) => string,
  messageOf: (error: unknown) => string,
  threads: typeof import('node:worker_threads'),
  fs: typeof import('node:fs'),
): void {
  const port = threads.parentPort!;
  const { cacheFile, draftsDir, searchChars } = threads.workerData as SearchWorkerData;
  /** Bump when the fields, the term processing or the file's shape change: the cache is then rebuilt. */
  const FORMAT = 4;
  // Words so common they match nearly every draft: indexing them costs memory and an AND query
  // on them costs time while narrowing nothing.
  const STOP_WORDS = new Set(
    'a an and are as at be been but by for from had has have he her his i in is it its of on or she that the their they this to was were will with would'.split(' '),
  );
  // Folding is the costliest part of indexing per word; the index folds each spelling once (see its tokenTerms).
  const processTerm = (term: string): string | null => {
    const plain = term.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    return plain && !STOP_WORDS.has(plain) ? plain : null;
  };
  // Boosts in the order of the fields: a word in the headline counts most.
  const options: CompactIndexOptions = { fields: ['headline', 'dek', 'body', 'byline', 'tags'], boosts: [3, 1.5, 1, 2, 2], processTerm };
  /** Longest stretch of warm-up work before the thread reads its messages (saves, a close). */
  const SLICE_MS = 15;

  let index: CompactIndex = new CompactIndexConstructor(options);
  const signatures = new Map<string, [number, number]>();
  /** Saves that arrived during the warm-up: newer than the files it reads, so they win. */
  const pending = new Map<string, { doc: SearchDocument; signature: [number, number] } | null>();
  let warm = false;
  let dirty = false;
  let stopping = false;

  const apply = (id: string, change: { doc: SearchDocument; signature: [number, number] } | null): void => {
    index.remove(id);
    if (change) {
      index.add({ ...change.doc });
      signatures.set(id, change.signature);
    } else {
      signatures.delete(id);
    }
    dirty = true;
  };

  const text = (value: unknown): string => (typeof value === 'string' ? value : '');

  /** One draft as the index sees it, read without following links; null if unreadable (main quarantines those). */
  const documentOf = (id: string): { doc: SearchDocument; signature: [number, number] } | null => {
    let fd = -1;
    try {
      fd = fs.openSync(`${draftsDir}/${id}.json`, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
      const stat = fs.fstatSync(fd);
      const raw = JSON.parse(fs.readFileSync(fd, 'utf8')) as Record<string, unknown> | null;
      if (!raw || typeof raw !== 'object') return null;
      const body = raw.body as { root?: unknown } | undefined;
      const words = body && typeof body === 'object' && body.root ? plainText(body) : '';
      // Schema 1 had one `author` string where later versions have a byline.
      const byline = Array.isArray(raw.byline) ? raw.byline.map((author: { name?: unknown } | null) => text(author?.name)) : [text(raw.author)];
      const doc: SearchDocument = {
        id,
        headline: text(raw.headline),
        dek: text(raw.dek),
        body: words.length > searchChars ? words.slice(0, searchChars) : words,
        byline: byline.join('\n'),
        tags: Array.isArray(raw.tags) ? raw.tags.map(text).join('\n') : '',
      };
      return { doc, signature: [stat.mtimeMs, stat.size] };
    } catch {
      return null;
    } finally {
      if (fd >= 0) fs.closeSync(fd);
    }
  };

  /** index/search.bin: the index's bytes, with the format and the signatures as its head. */
  const loadCache = (): boolean => {
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(cacheFile);
    } catch {
      return false; // missing: it is derived data, rebuild it
    }
    try {
      const loaded = CompactIndexConstructor.fromBytes(bytes, options);
      const head = loaded.head as { format?: unknown; signatures?: unknown } | null;
      if (head?.format !== FORMAT || !Array.isArray(head.signatures)) return false;
      index = loaded.index;
      for (const entry of head.signatures as [string, number, number][]) {
        if (Array.isArray(entry) && index.has(entry[0])) signatures.set(entry[0], [Number(entry[1]), Number(entry[2])]);
      }
      return true;
    } catch {
      // Damaged or from an incompatible version: start empty and rebuild from the drafts.
      index = new CompactIndexConstructor(options);
      signatures.clear();
      return false;
    }
  };

  const yieldToMessages = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

  const unpack = ({ ids, stamps }: PackedSignatures): [string, number, number][] =>
    ids === '' ? [] : ids.split('\n').map((id, i) => [id, stamps[2 * i]!, stamps[2 * i + 1]!]);

  const warmUp = async (packed: PackedSignatures): Promise<void> => {
    const current = unpack(packed);
    const loadedCache = loadCache();
    const live = new Set(current.map(([id]) => id));
    // Drafts gone (deleted, trashed behind our back) leave the index; new or changed ones are re-read.
    for (const id of [...signatures.keys()]) if (!live.has(id)) apply(id, null);
    const stale = current.filter(([id, mtimeMs, size]) => {
      const known = signatures.get(id);
      return !known || known[0] !== mtimeMs || known[1] !== size;
    });
    let sliceStart = performance.now();
    for (const [id] of stale) {
      if (stopping) break;
      // A draft saved during the warm-up is in `pending` with newer content; don't index it twice.
      if (!pending.has(id)) apply(id, documentOf(id));
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToMessages();
        sliceStart = performance.now();
      }
    }
    warm = true;
    for (const [id, change] of pending) apply(id, change);
    pending.clear();
    if (!loadedCache) dirty = true;
    port.postMessage({ kind: 'ready', loadedCache, reindexed: stale.length } satisfies FromSearchWorker);
  };

  const serialize = (): Uint8Array | null => {
    if (!warm || !dirty) return null;
    dirty = false;
    return index.toBytes({ format: FORMAT, signatures: [...signatures].map(([id, [mtimeMs, size]]) => [id, mtimeMs, size]) });
  };

  port.on('message', (message: ToSearchWorker) => {
    try {
      switch (message.kind) {
        case 'warm':
          warmUp(message.current).catch((error: unknown) => port.postMessage({ kind: 'failed', seq: null, message: messageOf(error) } satisfies FromSearchWorker));
          break;
        case 'upsert':
          if (warm) apply(message.doc.id, { doc: message.doc, signature: message.signature });
          else pending.set(message.doc.id, { doc: message.doc, signature: message.signature });
          break;
        case 'remove':
          if (warm) apply(message.id, null);
          else pending.set(message.id, null);
          break;
        case 'search':
          port.postMessage({ kind: 'answer', seq: message.seq, ids: index.search(message.text) } satisfies FromSearchWorker);
          break;
        case 'serialize': {
          const bytes = serialize();
          port.postMessage({ kind: 'serialized', seq: message.seq, bytes } satisfies FromSearchWorker, bytes ? [bytes.buffer as ArrayBuffer] : []);
          break;
        }
        case 'unsaved':
          dirty = true; // the main thread could not write the bytes: the next close tries again
          break;
        case 'stop':
          stopping = true;
          break;
      }
    } catch (error) {
      const seq = 'seq' in message ? message.seq : null;
      port.postMessage({ kind: 'failed', seq, message: messageOf(error) } satisfies FromSearchWorker);
    }
  });
}
