import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { RevisionInfo } from '../../../../shared/model/drafts';
import type { Article } from '../../../../shared/model/article';
import { isTempFileName, removeStaleTempFiles, writeFileAtomic } from '../fs/atomic-write';
import { articleFromValue, asCorrupt, CorruptFileError } from './article-file';
import type { KeyedLock } from './keyed-lock';
import { REVISION_ID_PATTERN, isArticleId, type StorePaths } from './paths';
import type { Quarantine } from './quarantine';
import { messageOf } from '../../../../shared/model/errors';

export const MAX_REVISIONS = 50;

type RevisionReason = RevisionInfo['reason'];

/**
 * Snapshots of an article: revisions/<id>/<revisionId>.json holds {info, article}, and
 * manifest.json lists the infos so the revision panel does not parse 50 full articles. The
 * snapshot file is written before the manifest; if a crash falls in between, the next load
 * notices the file missing from the manifest (a readdir is cheap) and adds it back.
 */
export class RevisionStore {
  /** Per-article revision lists, newest first, loaded on first use. */
  private readonly cache = new Map<string, Promise<RevisionInfo[]>>();
  private lastIdTime = 0;

  constructor(
    private readonly paths: StorePaths,
    private readonly quarantine: Quarantine,
  ) {}

  async list(id: string): Promise<RevisionInfo[]> {
    return (await this.load(id)).map((info) => ({ ...info }));
  }

  async newest(id: string): Promise<RevisionInfo | undefined> {
    return (await this.load(id))[0];
  }

  /** Stores a snapshot of `article` and prunes beyond MAX_REVISIONS. Callers hold the article's lock. */
  async add(article: Article, wordCount: number, reason: RevisionReason): Promise<RevisionInfo> {
    const list = await this.load(article.id);
    const info: RevisionInfo = {
      revisionId: this.nextRevisionId(),
      savedAt: article.updatedAt,
      reason,
      headline: article.headline,
      wordCount,
    };
    const dir = this.folder(article.id);
    await mkdir(dir, { recursive: true });
    await writeFileAtomic(join(dir, `${info.revisionId}.json`), JSON.stringify({ info, article }));
    list.unshift(info);
    const pruned = list.splice(MAX_REVISIONS);
    await this.writeManifest(article.id, list);
    // Deleting after the manifest is written: a crash here leaves extra files, which the next
    // load re-adopts and prunes again, rather than a manifest pointing at missing files.
    await Promise.all(pruned.map((old) => rm(join(dir, `${old.revisionId}.json`), { force: true })));
    return { ...info };
  }

  /** The article as it was in one revision; null if there is no such revision. */
  async get(id: string, revisionId: string): Promise<{ info: RevisionInfo; article: Article } | null> {
    if (!REVISION_ID_PATTERN.test(revisionId) || revisionId === 'manifest') return null;
    const path = join(this.folder(id), `${revisionId}.json`);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return parseRevision(text, id);
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      await this.quarantine.move(path, error.reason);
      const list = await this.cache.get(id);
      const at = list?.findIndex((info) => info.revisionId === revisionId) ?? -1;
      if (list && at >= 0) {
        list.splice(at, 1);
        await this.writeManifest(id, list);
      }
      throw error;
    }
  }

  private folder(id: string): string {
    return join(this.paths.revisions, id);
  }

  /** Time-based ids sort chronologically; the counter keeps them unique and increasing within a run. */
  private nextRevisionId(): string {
    this.lastIdTime = Math.max(Date.now(), this.lastIdTime + 1);
    return this.lastIdTime.toString(36).padStart(9, '0');
  }

  private async writeManifest(id: string, list: RevisionInfo[]): Promise<void> {
    await writeFileAtomic(join(this.folder(id), 'manifest.json'), JSON.stringify(list));
  }

  /** The cached list; the promise itself is cached so concurrent callers share one list object. */
  private load(id: string): Promise<RevisionInfo[]> {
    let loading = this.cache.get(id);
    if (!loading) {
      loading = this.readList(id);
      this.cache.set(id, loading);
      loading.catch(() => this.cache.delete(id));
    }
    return loading;
  }

  /** Loads the manifest and reconciles it with the folder's files (see the class comment). */
  private async readList(id: string): Promise<RevisionInfo[]> {
    const dir = this.folder(id);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      names = [];
    }
    // Temp files of snapshot writes a crash interrupted; nothing else writes in this folder.
    if (!this.paths.readOnly) await Promise.all(names.filter(isTempFileName).map((n) => rm(join(dir, n), { force: true })));
    const onDisk = new Set(names.filter((n) => n.endsWith('.json') && n !== 'manifest.json' && !n.startsWith('.')).map((n) => n.slice(0, -5)));
    let manifest: RevisionInfo[] = [];
    try {
      const parsed = RevisionInfo.array().safeParse(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
      if (parsed.success) manifest = parsed.data;
    } catch {
      // Missing or damaged manifest: rebuilt from the snapshot files below.
    }
    const list = manifest.filter((info) => onDisk.has(info.revisionId));
    let changed = list.length !== manifest.length;
    const listed = new Set(list.map((info) => info.revisionId));
    for (const revisionId of onDisk) {
      if (listed.has(revisionId)) continue;
      changed = true;
      const path = join(dir, `${revisionId}.json`);
      try {
        list.push(parseRevision(await readFile(path, 'utf8'), id).info);
      } catch (error) {
        if (!(error instanceof CorruptFileError)) throw error;
        await this.quarantine.move(path, error.reason);
      }
    }
    list.sort((a, b) => (a.revisionId < b.revisionId ? 1 : a.revisionId > b.revisionId ? -1 : 0));
    for (const info of list) this.lastIdTime = Math.max(this.lastIdTime, parseInt(info.revisionId, 36) || 0);
    if (this.paths.readOnly) return list;
    const pruned = list.splice(MAX_REVISIONS);
    if (pruned.length > 0) await Promise.all(pruned.map((old) => rm(join(dir, `${old.revisionId}.json`), { force: true })));
    if ((changed || pruned.length > 0) && (list.length > 0 || manifest.length > 0)) await this.writeManifest(id, list);
    return list;
  }
}

/** Parses a snapshot; any failure at all is a CorruptFileError, so the file is set aside, not fatal. */
function parseRevision(text: string, id: string): { info: RevisionInfo; article: Article } {
  return asCorrupt(() => parseRevisionText(text, id));
}

function parseRevisionText(text: string, id: string): { info: RevisionInfo; article: Article } {
  let raw: { info?: unknown; article?: unknown };
  try {
    raw = JSON.parse(text) as { info?: unknown; article?: unknown };
  } catch (error) {
    throw new CorruptFileError(`The revision file is not valid JSON (${messageOf(error)}).`);
  }
  const info = RevisionInfo.safeParse(raw?.info);
  if (!info.success) throw new CorruptFileError('The revision file has no readable revision details.');
  // Snapshots keep the schema version they were written with, so old ones migrate like drafts.
  const article = articleFromValue(raw.article, id);
  return { info: info.data, article };
}

/**
 * Temp files of snapshot writes a crash interrupted, removed in the background after the store
 * opens rather than when an article's revisions are next read (which may be never). Each article's
 * folder is swept under its lock, since a save may be writing a snapshot there. Close waits for it:
 * a session too short to finish it would otherwise never sweep.
 */
export async function sweepRevisionTemps(paths: StorePaths, lock: KeyedLock): Promise<void> {
  let ids: string[];
  try {
    ids = await readdir(paths.revisions);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const id of ids) {
    if (isArticleId(id)) await lock.run(id, () => removeStaleTempFiles(join(paths.revisions, id)));
  }
}
