import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DraftQuery, type DraftPage, type RevisionInfo, type SaveResult } from '../../../../shared/model/drafts';
import type { QuarantinedFile } from '../../../../shared/model/library';
import { UserFacingError } from '../../../../shared/model/errors';
import { Article, type DraftSummary } from '../../../../shared/model/article';
import { countWords, plainTextOf } from '../../../../shared/rules/text';
import { removeStaleTempFiles, renameDurable, writeFileAtomic, type FileSignature } from '../fs/atomic-write';
import { ioFailure } from '../fs/io-errors';
import { createChangeSignal, type ChangeSignal } from '../change-signal';
import { CorruptFileError, readArticleFile, serializeArticle, StoryTooLargeError, summaryOf, type LoadedArticle } from './article-file';
import { duplicateOf, newArticle } from './factory';
import { capitalize, copySummary, describeDraft, exists, notFound } from './helpers';
import { KeyedLock } from './keyed-lock';
import { articleFile, ensureFolders, isArticleId, storePaths, type StorePaths } from './paths';
import { Quarantine } from './quarantine';
import { moveToTrash } from './trash-move';
import { RevisionStore, sweepRevisionTemps } from './revisions';
import { DraftSearch, searchDocOf } from './search-index';
import { SummaryIndex } from './summary-index';
import type { PackedSignatures } from './search-worker';
import type { DraftStore } from './types';

export interface DraftStoreOptions {
  /** Clock in ms since the epoch (tests move it forward to cross the autosave revision interval). */
  now?: () => number;
  /** An autosave makes a revision only when the newest one is older than this. Default 3 minutes. */
  autoRevisionIntervalMs?: number;
  /** Failures of background work (cache writes, search warm-up); default logs to stderr. */
  onBackgroundError?: (error: unknown) => void;
  /** Another process holds the library, or it cannot be written (see StorePaths.readOnly). */
  readOnly?: boolean;
  /** The desk's limit on a story file, read at each open; larger ones are listed but not opened. */
  storyMaxBytes?: () => number;
  /**
   * Drafts were created, saved, trashed or restored: their ids. Coalesced (at most once per
   * `changeGapMs`, default 250 ms) so an autosave burst costs the windows one re-read, and the last
   * change is always told, even at close.
   */
  onChanged?: (ids: string[]) => void;
  changeGapMs?: number;
}

const DEFAULT_AUTO_REVISION_MS = 3 * 60_000;
const DEFAULT_CHANGE_GAP_MS = 250;

/** Opens (creating if needed) the store in `dir`. Search warms up in the background; see DraftSearch. */
export async function openDraftStore(dir: string, options: DraftStoreOptions = {}): Promise<DraftStore> {
  const paths = storePaths(dir, { readOnly: options.readOnly });
  await ensureFolders(paths);
  // Temp files of writes a crash interrupted (drafts/ and trash/ are swept while being listed).
  if (!paths.readOnly) await removeStaleTempFiles(paths.index);
  // Earlier versions kept the search cache as index/search.json (~40 MB at 10,000 drafts); nothing reads it now.
  if (!paths.readOnly) await rm(join(paths.index, 'search.json'), { force: true });
  const onError = options.onBackgroundError ?? ((error: unknown) => console.error('[draft-store]', error));
  const quarantine = new Quarantine(paths.root, paths.quarantine, { leaveInPlace: paths.readOnly });
  // The search thread starts once the drafts are listed, before the changed ones are read, so its
  // warm-up (on a cold start, reading and indexing every draft) runs alongside the draft list's own
  // reading. It reads the drafts its cache misses itself: their bodies never come to this thread.
  let index: SummaryIndex | null = null;
  let search: DraftSearch | null = null;
  const startSearch = (listed: PackedSignatures): void => {
    let first: PackedSignatures | null = listed;
    // A thread started again later (see DraftSearch.search) takes the list as it is then.
    const current = (): PackedSignatures => first ?? index!.liveSignatures();
    search = new DraftSearch({ cacheFile: paths.searchFile, draftsDir: paths.drafts }, current, onError);
    first = null;
  };
  try {
    index = (await SummaryIndex.open(paths, quarantine, onError, startSearch)).index;
    if (!search) startSearch(index.liveSignatures());
  } catch (error) {
    await (search as DraftSearch | null)?.close({ persist: false });
    throw error;
  }
  return new FileDraftStore(paths, quarantine, index, search!, options, onError);
}

class FileDraftStore implements DraftStore {
  private readonly lock = new KeyedLock();
  private readonly revisionStore: RevisionStore;
  private readonly now: () => number;
  private readonly autoRevisionMs: number;
  private readonly storyMaxBytes: () => number;
  private closed = false;
  private readonly changedIds = new Set<string>();
  private readonly changes: ChangeSignal;
  private readonly sweeping: Promise<void>;

  constructor(
    private readonly paths: StorePaths,
    private readonly quarantine: Quarantine,
    private readonly index: SummaryIndex,
    private readonly search: DraftSearch,
    options: DraftStoreOptions,
    private readonly onError: (error: unknown) => void,
  ) {
    this.now = options.now ?? Date.now;
    this.autoRevisionMs = options.autoRevisionIntervalMs ?? DEFAULT_AUTO_REVISION_MS;
    this.revisionStore = new RevisionStore(paths, quarantine);
    this.storyMaxBytes = options.storyMaxBytes ?? (() => Number.POSITIVE_INFINITY);
    const onChanged = options.onChanged;
    this.changes = createChangeSignal(() => {
      const ids = [...this.changedIds];
      this.changedIds.clear();
      if (onChanged && ids.length > 0) onChanged(ids);
    }, options.changeGapMs ?? DEFAULT_CHANGE_GAP_MS);
    // A read-only library is left exactly as found: another desk may be writing those files.
    this.sweeping = paths.readOnly ? Promise.resolve() : sweepRevisionTemps(paths, this.lock).catch(onError);
  }

  async list(input: DraftQuery): Promise<DraftPage> {
    this.assertOpen();
    const parsed = DraftQuery.safeParse(input);
    if (!parsed.success) throw new UserFacingError('invalid-request', 'The draft list was asked for with an invalid filter.');
    const query = parsed.data;
    const text = query.text.trim();
    let pool: DraftSummary[];
    if (text === '') {
      pool = this.index.summaries('drafts');
    } else {
      pool = [];
      for (const id of await this.search.search(text)) {
        const entry = this.index.get(id);
        if (entry?.location === 'drafts') pool.push(entry.summary);
      }
    }
    const matches = query.status === undefined && query.section === undefined
      ? pool
      : pool.filter((s) => (query.status === undefined || s.status === query.status) && (query.section === undefined || s.section === query.section));
    return { items: matches.slice(query.offset, query.offset + query.limit).map(copySummary), total: matches.length };
  }

  async get(id: string): Promise<Article> {
    this.assertOpen();
    this.assertId(id);
    const entry = this.index.get(id);
    if (entry?.location === 'trash') {
      throw new UserFacingError('not-found', `${capitalize(describeDraft(entry.summary.headline))} is in the trash; restore it to open it.`);
    }
    const loaded = await this.readLive(id);
    if (!loaded) throw notFound(id, entry?.summary.headline);
    return loaded.article;
  }

  async create(options: { section?: string | undefined }): Promise<Article> {
    this.assertOpen();
    const article = newArticle(options.section ?? '', new Date(this.now()).toISOString());
    return this.lock.run(article.id, async () => (await this.commit(article, 'created')).article);
  }

  async save(input: Article, reason: 'auto' | 'manual'): Promise<SaveResult> {
    this.assertOpen();
    const parsed = Article.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      throw new UserFacingError('invalid-request', `The draft could not be saved because it is malformed (${where}${issue?.message ?? 'invalid'}).`);
    }
    const article = parsed.data;
    return this.lock.run(article.id, async () => {
      const entry = this.index.get(article.id);
      if (entry?.location === 'trash') {
        throw new UserFacingError('conflict', `${capitalize(describeDraft(entry.summary.headline))} is in the trash; restore it before saving.`);
      }
      let wantRevision = reason === 'manual' || !entry;
      if (!wantRevision) {
        // A list that cannot be read (its manifest refused by a full disk) only means one more snapshot.
        const newest = await this.revisionStore.newest(article.id).catch(() => undefined);
        wantRevision = !newest || this.now() - Date.parse(newest.savedAt) >= this.autoRevisionMs;
      }
      // The stored creation time wins over whatever the editor sends back.
      const next = entry ? { ...article, createdAt: entry.summary.createdAt } : article;
      const done = await this.commit(next, wantRevision ? reason : null);
      return { updatedAt: done.article.updatedAt, revisionId: done.revision?.revisionId ?? null };
    });
  }

  async duplicate(id: string): Promise<Article> {
    const copy = duplicateOf(await this.get(id), new Date(this.now()).toISOString());
    return this.lock.run(copy.id, async () => (await this.commit(copy, 'created')).article);
  }

  async trash(id: string): Promise<void> {
    this.assertOpen();
    this.assertId(id);
    await this.lock.run(id, async () => {
      const entry = this.index.get(id);
      if (entry?.location === 'trash') return; // already there: trashing twice is not an error
      if (!entry) throw notFound(id, undefined);
      if (!(await moveToTrash(this.paths, this.quarantine, id, entry.summary.headline))) {
        this.forget(id);
        throw notFound(id, entry.summary.headline);
      }
      // rename keeps mtime and size, so the recorded signature still describes the file.
      this.index.set({ ...entry, location: 'trash' });
      this.search.remove(id);
      this.changed(id);
    });
  }

  summaryById(id: string): { summary: DraftSummary; location: 'drafts' | 'trash' } | null {
    this.assertOpen();
    const entry = isArticleId(id) ? this.index.get(id) : undefined;
    return entry ? { summary: copySummary(entry.summary), location: entry.location } : null;
  }

  listTrash(): DraftSummary[] {
    this.assertOpen();
    return this.index.summaries('trash').map(copySummary);
  }

  async restoreFromTrash(id: string): Promise<DraftSummary> {
    this.assertOpen();
    this.assertId(id);
    return this.lock.run(id, async () => {
      const entry = this.index.get(id);
      if (entry?.location !== 'trash') {
        throw new UserFacingError('not-found', entry ? `${capitalize(describeDraft(entry.summary.headline))} is not in the trash.` : `There is no draft with id ${id} in the trash.`);
      }
      const target = articleFile(this.paths, 'drafts', id);
      if (await exists(target)) throw new UserFacingError('conflict', `A live draft with the id of ${describeDraft(entry.summary.headline)} already exists, so it cannot be restored.`);
      await renameDurable(articleFile(this.paths, 'trash', id), target).catch((error: unknown) => {
        throw ioFailure(`${capitalize(describeDraft(entry.summary.headline))} could not be restored`, error);
      });
      const loaded = await this.readLiveLocked(id, entry.summary.headline);
      if (!loaded) throw notFound(id, entry.summary.headline);
      this.track(loaded);
      return copySummary(this.index.get(id)!.summary);
    });
  }

  async revisions(id: string): Promise<RevisionInfo[]> {
    this.assertOpen();
    this.assertId(id);
    // Revisions outlive a quarantined draft file: they are how its text can be brought back.
    const list = await this.revisionStore.list(id);
    if (list.length === 0 && !this.index.get(id)) throw notFound(id, undefined);
    return list;
  }

  async getRevision(id: string, revisionId: string): Promise<Article> {
    this.assertOpen();
    this.assertId(id);
    return (await this.readRevision(id, revisionId)).article;
  }

  async restoreRevision(id: string, revisionId: string): Promise<Article> {
    this.assertOpen();
    this.assertId(id);
    return this.lock.run(id, async () => {
      const entry = this.index.get(id);
      if (entry?.location === 'trash') {
        throw new UserFacingError('conflict', `${capitalize(describeDraft(entry.summary.headline))} is in the trash; restore it before restoring a revision.`);
      }
      const revision = await this.readRevision(id, revisionId);
      // Snapshot the text being replaced so a restore can itself be undone. An unreadable current
      // file is quarantined by readLiveLocked, and the restore then doubles as its repair.
      // …but a story over the size limit is never replaced unseen: the limit's message stands.
      const current = await this.readLiveLocked(id, entry?.summary.headline).catch((error: unknown) => {
        if (error instanceof StoryTooLargeError) throw error;
        return null;
      });
      if (current) {
        await this.revisionStore.add(current.article, countWords(current.plainText), 'before-restore').catch((error: unknown) => {
          throw ioFailure('The revision was not restored: the text it replaces could not be kept first', error);
        });
      }
      const restored: Article = { ...revision.article, id, createdAt: current?.article.createdAt ?? revision.article.createdAt };
      return (await this.commit(restored, null)).article;
    });
  }

  quarantined(): QuarantinedFile[] {
    return this.quarantine.list();
  }

  async searchReady(): Promise<void> {
    await this.search.whenReady();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.sweeping;
    await this.lock.idle();
    this.changes.stop();
    // The two caches are derived (rebuilt from the drafts at the next open), so a disk that refuses
    // them loses nothing: closing goes on, and the failure is logged rather than thrown. The search
    // cache belongs to the library's writer; a read-only store only ends its search thread.
    const caches = await Promise.allSettled([this.index.close(), this.search.close({ persist: !this.paths.readOnly })]);
    for (const cache of caches) if (cache.status === 'rejected') this.onError(cache.reason);
  }

  /**
   * Writes one article version (caller holds its lock): stamps updatedAt from the server clock,
   * strictly after the previous save so two saves in one millisecond still order, writes the file
   * atomically, optionally snapshots it, then updates the in-memory list and search.
   */
  private async commit(article: Article, revisionReason: RevisionInfo['reason'] | null): Promise<{ article: Article; revision: RevisionInfo | null }> {
    const previous = this.index.get(article.id);
    const previousMs = previous ? Date.parse(previous.summary.updatedAt) : Number.NEGATIVE_INFINITY;
    const updatedAt = new Date(Math.max(this.now(), previousMs + 1)).toISOString();
    const next: Article = { ...article, updatedAt };
    let signature: FileSignature;
    try {
      signature = await writeFileAtomic(articleFile(this.paths, 'drafts', next.id), serializeArticle(next));
    } catch (error) {
      throw ioFailure(previous ? `${capitalize(describeDraft(previous.summary.headline))} could not be saved` : 'The draft could not be created', error);
    }
    const plainText = plainTextOf(next.body);
    const loaded: LoadedArticle = { article: next, signature, plainText };
    this.track(loaded);
    return { article: next, revision: revisionReason ? await this.snapshot(next, revisionReason) : null };
  }

  /**
   * The snapshot comes after the draft, which is already saved: a snapshot the disk refuses must
   * not turn that save into a reported failure (the editor would be told the text was not saved
   * while it was). The save answers without a revision id and the failure goes to the log.
   */
  private async snapshot(article: Article, reason: RevisionInfo['reason']): Promise<RevisionInfo | null> {
    try {
      return await this.revisionStore.add(article, this.index.get(article.id)!.summary.wordCount, reason);
    } catch (error) {
      this.onError(ioFailure(`The draft was saved, but its revision snapshot was not`, error));
      return null;
    }
  }

  private track(loaded: LoadedArticle): void {
    const { article, signature, plainText } = loaded;
    this.index.set({ id: article.id, location: 'drafts', signature, summary: summaryOf(article, plainText) });
    this.search.upsert(searchDocOf(article, plainText), signature);
    this.changed(article.id);
  }

  /** Every write ends in track() or trash(), so the windows hear of each change the store makes. */
  private changed(id: string): void {
    this.changedIds.add(id);
    this.changes.notify();
  }

  private forget(id: string): void {
    this.index.delete(id);
    this.search.remove(id);
    this.changed(id);
  }

  /** Reads a live draft; a corrupt file is quarantined under the article's lock. */
  private async readLive(id: string): Promise<LoadedArticle | null> {
    try {
      return await readArticleFile(articleFile(this.paths, 'drafts', id), id, { maxBytes: this.storyMaxBytes() });
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      // Re-check under the lock: a save may have replaced the bad file since we read it.
      return this.lock.run(id, () => this.readLiveLocked(id, this.index.get(id)?.summary.headline));
    }
  }

  private async readLiveLocked(id: string, headline: string | undefined): Promise<LoadedArticle | null> {
    const path = articleFile(this.paths, 'drafts', id);
    try {
      return await readArticleFile(path, id, { maxBytes: this.storyMaxBytes() });
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      const moved = await this.quarantine.move(path, error.reason);
      this.forget(id);
      throw new UserFacingError('io', `${capitalize(describeDraft(headline))} could not be read and was moved to ${moved?.movedTo ?? 'the quarantine folder'}: ${error.reason}`);
    }
  }

  private async readRevision(id: string, revisionId: string) {
    const headline = this.index.get(id)?.summary.headline;
    try {
      const revision = await this.revisionStore.get(id, revisionId);
      if (!revision) throw new UserFacingError('not-found', `That revision of ${describeDraft(headline)} no longer exists.`);
      return revision;
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      throw new UserFacingError('io', `That revision of ${describeDraft(headline)} could not be read and was moved to the quarantine folder: ${error.reason}`);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The draft store was used after close().');
  }

  private assertId(id: string): void {
    if (!isArticleId(id)) throw new UserFacingError('invalid-request', `“${id.slice(0, 80)}” is not a valid article id.`);
  }
}
