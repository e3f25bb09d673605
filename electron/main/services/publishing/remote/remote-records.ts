import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ArticleId } from '../../../../../shared/model/article';
import { REMOTE_HISTORY_LIMIT, RemoteRecord, TargetId, type PendingCreate, type RemoteEvent } from '../../../../../shared/model/publishing';
import { Quarantine } from '../../drafts/quarantine';
import { removeStaleTempFiles, writeFileAtomic } from '../../fs/atomic-write';
import { PublishError } from '../http/publish-error';

/**
 * What Newsdesk knows of each article on each target (the post and media ids, the modified time of
 * its last write, a create in flight), one file per pair at
 * <library>/publishing/remote/<targetId>/<articleId>.json. Each write is atomic and durable before
 * put() resolves: the exactly-once promise rests on the intent being on disk before the request
 * that creates something is sent.
 */
export interface RemoteRecords {
  get(targetId: string, articleId: string): Promise<RemoteRecord | null>;
  /**
   * `mayRevert`: the record on disk (written durably before) is as safe to come back to as this
   * one, so the folder is not flushed after the rename (see writeFileAtomic's flushFolder).
   */
  put(record: RemoteRecord, options?: { mayRevert?: boolean }): Promise<void>;
}

export function remoteRecordsDir(libraryDir: string): string {
  return join(libraryDir, 'publishing', 'remote');
}

export function openRemoteRecords(libraryDir: string): RemoteRecords {
  const root = remoteRecordsDir(libraryDir);
  const quarantine = new Quarantine(libraryDir, join(libraryDir, 'quarantine'));
  /**
   * Per folder, its one preparation: made, and swept of temp files an interrupted write left. Every
   * write waits for the same promise, so no sweep can run while another job's write is in flight
   * (it would delete that write's temp file before its rename).
   */
  const ready = new Map<string, Promise<void>>();

  const fileOf = (targetId: string, articleId: string): { dir: string; file: string } => {
    // Ids become path parts: only the shapes the model allows may, so no id can leave the folder.
    if (!TargetId.safeParse(targetId).success || !ArticleId.safeParse(articleId).success) {
      throw new PublishError('local', 'The publishing record was asked for with an invalid target or article id.');
    }
    const dir = join(root, targetId);
    return { dir, file: join(dir, `${articleId}.json`) };
  };

  const prepare = (dir: string): Promise<void> => {
    const known = ready.get(dir);
    if (known) return known;
    const preparing = (async () => {
      await mkdir(dir, { recursive: true });
      await removeStaleTempFiles(dir);
    })();
    // A failure (a full disk) is tried again by the next write.
    preparing.catch(() => ready.delete(dir));
    ready.set(dir, preparing);
    return preparing;
  };

  return {
    async get(targetId, articleId) {
      const { file } = fileOf(targetId, articleId);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw new PublishError('local', `What Newsdesk knows of this article on the site could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
      }
      let parsed: ReturnType<typeof RemoteRecord.safeParse>;
      try {
        parsed = RemoteRecord.safeParse(JSON.parse(text));
      } catch {
        parsed = RemoteRecord.safeParse(undefined);
      }
      if (parsed.success && parsed.data.targetId === targetId && parsed.data.articleId === articleId) return parsed.data;
      // Damaged by hand or by the disk: kept aside for inspection. The article is then treated as never
      // pushed to this target, which is all that can be known without the record.
      await quarantine.move(file, 'A publishing record could not be read; the article is treated as not yet published to this target.');
      return null;
    },

    async put(record, options = {}) {
      const valid = RemoteRecord.parse(record);
      const { dir, file } = fileOf(valid.targetId, valid.articleId);
      await prepare(dir);
      await writeFileAtomic(file, `${JSON.stringify(valid, null, 2)}\n`, { flushFolder: !options.mayRevert });
    },
  };
}

/** The record of an article never pushed to a target. */
export function emptyRemoteRecord(targetId: string, articleId: string, clientKey: string): RemoteRecord {
  return { targetId, articleId, postId: null, link: '', modifiedGmt: '', media: [], clientKey, publishedAt: null, pending: [], contentHash: '', sentTextHash: '' };
}

/** The record with one more step of history (the oldest dropped past the limit). */
export function withHistory(record: RemoteRecord, event: RemoteEvent): RemoteRecord {
  return { ...record, history: [...(record.history ?? []), event].slice(-REMOTE_HISTORY_LIMIT) };
}

/**
 * The record of one attempt, kept in memory and written only when it matters: the creates an
 * attempt is about to make are announced on disk, together, before the first of them is sent, and
 * results are written at the end (or when the attempt fails). A crash in between loses no created
 * id: what was announced and not yet recorded is looked up by its key on the next attempt.
 */
export class RecordKeeper {
  private unsaved = false;
  /** A write of this attempt is durably on disk: the record a later write may fall back to after a power cut. */
  private durable = false;
  /** Whether the article had a live post on the target when the attempt began: its write is then an update in the history. */
  readonly wasOnSite: boolean;

  constructor(
    private readonly records: RemoteRecords,
    private record: RemoteRecord,
  ) {
    this.wasOnSite = record.postId !== null && !record.retracted;
  }

  get current(): RemoteRecord {
    return this.record;
  }

  /** Whether a create with this key was announced and its answer never recorded. */
  isPending(kind: PendingCreate['kind'], key: string): boolean {
    return this.record.pending.some((entry) => entry.kind === kind && entry.key === key);
  }

  /** A change kept in memory until the next write. */
  change(patch: Partial<RemoteRecord>): void {
    this.record = { ...this.record, ...patch };
    this.unsaved = true;
  }

  /** The create with this key is answered (or known not to have happened): no lookup needed any more. */
  settle(kind: PendingCreate['kind'], key: string, patch: Partial<RemoteRecord> = {}): void {
    this.change({ ...patch, pending: this.record.pending.filter((entry) => !(entry.kind === kind && entry.key === key)) });
  }

  /** Writes the creates about to be sent (and every change before them) to disk; call before sending the first. */
  async announce(creates: readonly PendingCreate[]): Promise<void> {
    const known = (entry: PendingCreate) => this.isPending(entry.kind, entry.key);
    this.record = { ...this.record, pending: [...this.record.pending, ...creates.filter((entry) => !known(entry))] };
    await this.records.put(this.record);
    this.unsaved = false;
    this.durable = true;
  }

  /**
   * Writes what is not on disk yet. `mayRevert`: for the results of requests whose intent this
   * attempt already wrote durably (the announce, the update about to be sent): should a power cut
   * take this write back, the record says what the next attempt looks up again, so its folder
   * flush is left to the next durable write.
   */
  async save(options: { mayRevert?: boolean } = {}): Promise<void> {
    if (!this.unsaved) return;
    const mayRevert = options.mayRevert === true && this.durable;
    await this.records.put(this.record, { mayRevert });
    this.unsaved = false;
    if (!mayRevert) this.durable = true;
  }
}
