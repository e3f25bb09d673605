import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ArticleId } from '../../../../../shared/model/article';
import { RemoteRecord, TargetId, type PendingCreate } from '../../../../../shared/model/publishing';
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
  put(record: RemoteRecord): Promise<void>;
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

    async put(record) {
      const valid = RemoteRecord.parse(record);
      const { dir, file } = fileOf(valid.targetId, valid.articleId);
      await prepare(dir);
      await writeFileAtomic(file, `${JSON.stringify(valid, null, 2)}\n`);
    },
  };
}

/** The record of an article never pushed to a target. */
export function emptyRemoteRecord(targetId: string, articleId: string, clientKey: string): RemoteRecord {
  return { targetId, articleId, postId: null, link: '', modifiedGmt: '', media: [], clientKey, publishedAt: null, pending: [], contentHash: '', sentTextHash: '' };
}

/**
 * The record of one attempt, kept in memory and written only when it matters: the creates an
 * attempt is about to make are announced on disk, together, before the first of them is sent, and
 * results are written at the end (or when the attempt fails). A crash in between loses no created
 * id: what was announced and not yet recorded is looked up by its key on the next attempt.
 */
export class RecordKeeper {
  private unsaved = false;

  constructor(
    private readonly records: RemoteRecords,
    private record: RemoteRecord,
  ) {}

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
  }

  /** Writes what is not on disk yet. */
  async save(): Promise<void> {
    if (!this.unsaved) return;
    await this.records.put(this.record);
    this.unsaved = false;
  }
}
