import { mkdir, readFile, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { QuarantinedFile } from '../../../../shared/ipc/contract';
import { JobId, PublishJob } from '../../../../shared/model/publishing';
import { Quarantine } from '../drafts/quarantine';
import { fsyncDir, isTempFileName, removeStaleTempFiles, writeFileAtomic } from '../fs/atomic-write';
import { listFolder } from '../library/read-only-folders';

/**
 * The outbox on disk: one file per job, <dir>/<jobId>.json, each written atomically. A job's state
 * is written before the outbox acts on it, so a quit or crash at any moment leaves every job on disk
 * as it last was. Writes of one job never overlap and never reorder: a state that arrives while the
 * previous one is being written is folded into the next write (a burst of log lines costs two writes).
 * Progress alone is written at most once a second: it changes with every chunk of an upload.
 */
export interface OutboxStore {
  /** Jobs found when the store opened, oldest first; unreadable files were quarantined. */
  readonly loaded: readonly PublishJob[];
  /** Resolves once this state of the job (or a later one) is on disk. */
  save(job: PublishJob): Promise<void>;
  /** Writes this state within a second, coalescing with other changes; for progress only. */
  saveSoon(job: PublishJob): void;
  /** Deletes the job's file after any write of it under way. */
  remove(id: string): Promise<void>;
  quarantined(): QuarantinedFile[];
  /** Writes what saveSoon deferred and waits for every write. */
  flush(): Promise<void>;
}

export const PROGRESS_WRITE_INTERVAL_MS = 1000;

interface JobFile {
  /** The newest state asked for, serialized when asked (later changes to memory cannot leak in). */
  text: string | null;
  version: number;
  written: number;
  writing: Promise<void> | null;
  deferred: ReturnType<typeof setTimeout> | null;
  lastWriteAt: number;
}

/** `readOnly`: another process holds the library, so nothing is swept or moved at open. */
export async function openOutboxStore(dir: string, quarantineDir: string, options: { readOnly?: boolean } = {}): Promise<OutboxStore> {
  if (!options.readOnly) {
    await mkdir(dir, { recursive: true });
    await mkdir(quarantineDir, { recursive: true });
    await removeStaleTempFiles(dir);
  }
  const quarantine = new Quarantine(dirname(quarantineDir), quarantineDir, { leaveInPlace: options.readOnly });
  const loaded: PublishJob[] = [];
  for (const name of await listFolder(dir, options.readOnly)) {
    if (!name.endsWith('.json') || isTempFileName(name)) continue;
    const job = await readJobFile(join(dir, name), quarantine);
    if (job) loaded.push(job);
  }
  loaded.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return new FileOutboxStore(dir, quarantine, loaded);
}

async function readJobFile(path: string, quarantine: Quarantine): Promise<PublishJob | null> {
  const name = basename(path, '.json');
  let reason: string;
  try {
    const parsed = PublishJob.safeParse(JSON.parse(await readFile(path, 'utf8')));
    if (parsed.success && parsed.data.id === name) return parsed.data;
    if (parsed.success) reason = `The outbox job file names job ${parsed.data.id} but is called ${name}.`;
    else {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      reason = `The outbox job is not readable (${where}${issue?.message ?? 'invalid'}).`;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    reason = code ? `The outbox job could not be read (${code}).` : `The outbox job is not valid JSON (${error instanceof Error ? error.message : String(error)}).`;
  }
  // Moved aside, not deleted: the job may be the only trace that a story was meant to go out.
  await quarantine.move(path, `${reason} It was taken out of the outbox; queue the article again if it still needs publishing.`);
  return null;
}

class FileOutboxStore implements OutboxStore {
  private readonly files = new Map<string, JobFile>();

  constructor(
    private readonly dir: string,
    private readonly quarantine: Quarantine,
    readonly loaded: readonly PublishJob[],
  ) {}

  save(job: PublishJob): Promise<void> {
    const file = this.fileOf(job.id);
    this.cancelDeferred(file);
    file.text = JSON.stringify(job);
    file.version += 1;
    return this.writtenUpTo(job.id, file, file.version);
  }

  saveSoon(job: PublishJob): void {
    const file = this.fileOf(job.id);
    file.text = JSON.stringify(job);
    file.version += 1;
    if (file.deferred !== null) return;
    const wait = Math.max(0, file.lastWriteAt + PROGRESS_WRITE_INTERVAL_MS - Date.now());
    file.deferred = setTimeout(() => {
      file.deferred = null;
      // Progress is a courtesy: a failed write is retried with the next state change.
      this.writtenUpTo(job.id, file, file.version).catch(() => undefined);
    }, wait);
    file.deferred.unref?.();
  }

  async remove(id: string): Promise<void> {
    const file = this.files.get(id);
    if (file) {
      this.cancelDeferred(file);
      await file.writing?.catch(() => undefined);
      this.files.delete(id);
    }
    await rm(this.pathOf(id), { force: true });
    await fsyncDir(this.dir);
  }

  quarantined(): QuarantinedFile[] {
    return this.quarantine.list();
  }

  async flush(): Promise<void> {
    const pending = [...this.files].map(([id, file]) => {
      this.cancelDeferred(file);
      return this.writtenUpTo(id, file, file.version).catch(() => undefined);
    });
    await Promise.all(pending);
  }

  private fileOf(id: string): JobFile {
    JobId.parse(id); // an id becomes a file name: never let one reach outside the folder
    let file = this.files.get(id);
    if (!file) {
      file = { text: null, version: 0, written: 0, writing: null, deferred: null, lastWriteAt: 0 };
      this.files.set(id, file);
    }
    return file;
  }

  private cancelDeferred(file: JobFile): void {
    if (file.deferred === null) return;
    clearTimeout(file.deferred);
    file.deferred = null;
  }

  private pathOf(id: string): string {
    return join(this.dir, `${id}.json`);
  }

  private async writtenUpTo(id: string, file: JobFile, version: number): Promise<void> {
    while (file.written < version) {
      file.writing ??= this.writeLatest(id, file).finally(() => {
        file.writing = null;
      });
      await file.writing;
    }
  }

  private async writeLatest(id: string, file: JobFile): Promise<void> {
    const { version, text } = file;
    if (text === null) return;
    file.lastWriteAt = Date.now();
    await writeFileAtomic(this.pathOf(id), text);
    file.written = Math.max(file.written, version);
  }
}
