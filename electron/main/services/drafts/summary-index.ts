import { statSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { ARTICLE_SCHEMA_VERSION, type DraftSummary } from '../../../../shared/model/article';
import { isTempFileName, writeFileAtomic, type FileSignature } from '../fs/atomic-write';
import { listFolderSync } from '../library/read-only-folders';
import { CorruptFileError, readArticleDigest } from './article-file';
import { articleFile, idFromFileName, type Location, type StorePaths } from './paths';
import type { Quarantine } from './quarantine';
import type { PackedSignatures } from './search-worker';
import { WriteBehind } from './write-behind';
import { messageOf } from '../../../../shared/model/errors';

/**
 * The draft list, kept in memory and cached on disk in index/summaries.json so that opening the
 * store never has to parse 10,000 article files. The cache records each file's size and mtime;
 * at open, a readdir + stat of every file (cheap) tells which entries are still good, and only
 * new or changed files are read. The cache is written behind (see WriteBehind), never per save.
 */
export interface IndexEntry {
  id: string;
  location: Location;
  signature: FileSignature;
  summary: DraftSummary;
}

/**
 * Bump when the cached shape changes; a mismatch just means a full rebuild. 2: summaries carry
 * leadPhotoId. 3: a head line, then lines of up to ENTRIES_PER_SLICE entries, so the file is read
 * and written a slice at a time between turns of the event loop (one JSON.parse or stringify of
 * 10,000 summaries stalled every window).
 */
const FORMAT = 3;
type StoredEntry = [id: string, location: Location, mtimeMs: number, size: number, summary: DraftSummary];
interface StoredHead {
  format: number;
  schemaVersion: number;
}

export interface OpenStats {
  /** Files that were read because they were new or changed since the cache was written. */
  reread: number;
  /** Whether a cache file was found and usable. */
  hadCache: boolean;
}

/**
 * Newest first; ties (same millisecond) by id so pages are stable. Keys are parsed once per sort.
 * The cache file is written in this order, so the first sort after open sees sorted input, which
 * the engine's merge sort handles in linear time.
 */
function sortNewestFirst(entries: IndexEntry[]): IndexEntry[] {
  const keyed = entries.map((entry) => ({ key: Date.parse(entry.summary.updatedAt), entry }));
  keyed.sort((a, b) => b.key - a.key || (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0));
  return keyed.map((k) => k.entry);
}

export class SummaryIndex {
  private readonly entries = new Map<string, IndexEntry>();
  private sorted: { drafts: DraftSummary[]; trash: DraftSummary[] } | null = null;
  private readonly writer: WriteBehind;

  private constructor(
    private readonly paths: StorePaths,
    onError: (error: unknown) => void,
  ) {
    this.writer = new WriteBehind(() => this.writeNow(), 2_000, 30_000, onError);
  }

  /**
   * `onListed` gets the live drafts' signatures once the folders are listed and the cache read,
   * before any changed file is read, so the search thread can start indexing alongside (a cold
   * start reads every file here, for seconds; the search thread reads them again for their words).
   */
  static async open(
    paths: StorePaths,
    quarantine: Quarantine,
    onError: (error: unknown) => void,
    onListed?: (live: PackedSignatures) => void,
  ): Promise<{ index: SummaryIndex; stats: OpenStats }> {
    const index = new SummaryIndex(paths, onError);
    // The cache file is read on the thread pool while this thread lists and stats the folders.
    const cachePromise = readCache(paths.summariesFile);
    const found: { id: string; location: Location; mtimeMs: number; size: number }[] = [];
    const seen = new Set<string>();
    for (const location of ['drafts', 'trash'] as const) {
      const dir = location === 'drafts' ? paths.drafts : paths.trash;
      // Sync calls on purpose: 10,000 statSync calls take ~40 ms, the promise versions ~3x longer.
      for (const name of listFolderSync(dir, paths.readOnly)) {
        if (name.startsWith('.')) {
          // Only one store runs per data folder, so a temp file now is from a write a crash interrupted.
          if (isTempFileName(name) && !paths.readOnly) await rm(join(dir, name), { force: true });
          continue;
        }
        const id = idFromFileName(name);
        if (id === null) {
          if (name.endsWith('.json')) {
            await quarantine.move(join(dir, name), 'The file name is not a valid article id, so Newsdesk cannot tell which article it is.');
          }
          continue;
        }
        // The same id in drafts/ and trash/ can only come from outside meddling; the live copy wins.
        if (seen.has(id)) continue;
        if (found.length % 1_000 === 999) await yieldToEventLoop(); // 10,000 stats in one go stall the windows
        // String concatenation, not path.join: join normalizes, which shows at 10,000 files.
        const stat = statSync(`${dir}${sep}${name}`, { throwIfNoEntry: false });
        if (!stat?.isFile()) continue; // vanished between readdir and stat, or not a file
        seen.add(id);
        found.push({ id, location, mtimeMs: stat.mtimeMs, size: stat.size });
      }
    }
    const cached = await cachePromise;
    let changed = cached === null;
    const toRead: { id: string; location: Location }[] = [];
    for (const { id, location, mtimeMs, size } of found) {
      const old = cached?.get(id);
      if (old && old.signature.mtimeMs === mtimeMs && old.signature.size === size) {
        if (old.location !== location) {
          changed = true;
          old.location = location;
        }
        index.entries.set(id, old);
      } else {
        toRead.push({ id, location });
      }
    }
    // Entries whose file vanished are simply not carried over; the cache must then be rewritten.
    if (cached) for (const id of cached.keys()) if (!seen.has(id)) changed = true;
    // Told only now, when this thread has nothing but the changed files left to do: told earlier,
    // the search thread's start would compete with reading the cache on a warm open.
    onListed?.(packSignatures(found.filter((item) => item.location === 'drafts')));
    // Changed files are read in small parallel batches: enough to overlap I/O, few enough to bound memory.
    for (let i = 0; i < toRead.length; i += 16) {
      await Promise.all(toRead.slice(i, i + 16).map((item) => index.refresh(item.id, item.location, quarantine)));
    }
    if (changed || toRead.length > 0) index.writer.markDirty();
    return { index, stats: { reread: toRead.length, hadCache: cached !== null } };
  }

  /** Re-reads one file into the index; a corrupt file is quarantined and dropped. */
  async refresh(id: string, location: Location, quarantine: Quarantine): Promise<void> {
    const path = articleFile(this.paths, location, id);
    try {
      // A digest, not the whole article: a large file is read on a worker thread, and one over
      // the size limit is still listed.
      const digest = await readArticleDigest(path, id);
      if (digest) this.set({ id, location, signature: digest.signature, summary: digest.summary });
      else this.delete(id);
    } catch (error) {
      // Whatever went wrong with this one file, it is set aside with the reason so the library
      // still opens; an error escaping here would fail every start.
      const reason = error instanceof CorruptFileError ? error.reason : `Newsdesk could not read the file (${messageOf(error)}).`;
      await quarantine.move(path, reason);
      this.delete(id);
    }
  }

  get(id: string): IndexEntry | undefined {
    return this.entries.get(id);
  }

  set(entry: IndexEntry): void {
    this.entries.set(entry.id, entry);
    this.sorted = null;
    this.writer.markDirty();
  }

  delete(id: string): void {
    if (!this.entries.delete(id)) return;
    this.sorted = null;
    this.writer.markDirty();
  }

  /** Summaries at `location`, newest first. Sorted once per change, not per call. */
  summaries(location: Location): DraftSummary[] {
    if (!this.sorted) {
      const drafts: IndexEntry[] = [];
      const trash: IndexEntry[] = [];
      for (const entry of this.entries.values()) (entry.location === 'drafts' ? drafts : trash).push(entry);
      this.sorted = {
        drafts: sortNewestFirst(drafts).map((e) => e.summary),
        trash: sortNewestFirst(trash).map((e) => e.summary),
      };
    }
    return this.sorted[location];
  }

  /** The live drafts' ids and file signatures, packed for the search thread (see PackedSignatures). */
  liveSignatures(): PackedSignatures {
    const live: { id: string; mtimeMs: number; size: number }[] = [];
    for (const entry of this.entries.values()) if (entry.location === 'drafts') live.push({ id: entry.id, ...entry.signature });
    return packSignatures(live);
  }

  flush(): Promise<void> {
    return this.writer.flush();
  }

  close(): Promise<void> {
    return this.writer.close();
  }

  private async writeNow(): Promise<void> {
    if (this.paths.readOnly) return;
    const entries = sortNewestFirst([...this.entries.values()]);
    const head: StoredHead = { format: FORMAT, schemaVersion: ARTICLE_SCHEMA_VERSION };
    const lines = [JSON.stringify(head)];
    for (let start = 0; start < entries.length; start += ENTRIES_PER_SLICE) {
      if (start > 0) await yieldToEventLoop();
      const slice = entries.slice(start, start + ENTRIES_PER_SLICE).map((e): StoredEntry => [e.id, e.location, e.signature.mtimeMs, e.signature.size, e.summary]);
      lines.push(JSON.stringify(slice));
    }
    await writeFileAtomic(this.paths.summariesFile, lines.join('\n'));
  }
}

/** Summaries per line of the cache file: serialised and parsed between two turns of the event loop. */
const ENTRIES_PER_SLICE = 500;

/** Reads the cache; anything unexpected means "no cache" (it is derived data, rebuilt from the files). */
async function readCache(file: string): Promise<Map<string, IndexEntry> | null> {
  try {
    const [first, ...lines] = (await readFile(file, 'utf8')).split('\n');
    const head = JSON.parse(first!) as StoredHead | null;
    if (!head || head.format !== FORMAT || head.schemaVersion !== ARTICLE_SCHEMA_VERSION) return null;
    const map = new Map<string, IndexEntry>();
    for (const line of lines) {
      await yieldToEventLoop();
      const entries = JSON.parse(line) as StoredEntry[];
      if (!Array.isArray(entries)) return null;
      for (const item of entries) {
        if (!Array.isArray(item) || item.length !== 5) return null;
        const [id, location, mtimeMs, size, summary] = item;
        if (typeof id !== 'string' || typeof mtimeMs !== 'number' || typeof size !== 'number') return null;
        if (!summary || typeof summary !== 'object' || summary.id !== id || typeof summary.updatedAt !== 'string') return null;
        map.set(id, { id, location: location === 'trash' ? 'trash' : 'drafts', signature: { mtimeMs, size }, summary });
      }
    }
    return map;
  } catch {
    return null;
  }
}

function packSignatures(live: { id: string; mtimeMs: number; size: number }[]): PackedSignatures {
  const stamps = new Float64Array(live.length * 2);
  for (const [i, { mtimeMs, size }] of live.entries()) {
    stamps[2 * i] = mtimeMs;
    stamps[2 * i + 1] = size;
  }
  return { ids: live.map((item) => item.id).join('\n'), stamps };
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
