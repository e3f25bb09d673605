import { mkdir, readFile, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { QuarantinedFile } from '../../../../../shared/model/library';
import { JobId, PublishJob } from '../../../../../shared/model/publishing';
import { Quarantine } from '../../drafts/quarantine';
import { fsyncDir, isTempFileName, removeStaleTempFiles, writeFileAtomic } from '../../fs/atomic-write';
import { listFolder } from '../../library/read-only-folders';
import { messageOf } from '../../../../../shared/model/errors';

/**
 * The outbox on disk: one file per job, <dir>/<jobId>.json, each written atomically. A job's state
 * is written before the outbox acts on it, so a quit or crash at any moment leaves every job on disk
 * as it last was. Writes of one job never overlap and never reorder: states that arrive while the
 * previous one is being written are folded into the next write (a burst of log lines costs two writes).
 *
 * Two kinds of state, because a failed write means two different things:
 * - `save`: a state the outbox has not acted on yet (a new job, "sending"). If its write fails the
 *   caller says so ("nothing was sent"), so that state is dropped and never written later: a job the
 *   editor was told was refused must not appear at the next start.
 * - `keep` (and `saveSoon`): a state the outbox already acted on (sent, failed, cancelled). Memory
 *   holds it; a failed write is kept and tried again every few seconds and at `flush`, so a full
 *   disk loses nothing that was done, and nothing the editor was told.
 *
 * A state the job may fall back from (`mayRevert`: "sending", progress, an attempt's log lines)
 * replaces a job file already durably on disk without flushing the folder after the rename: after
 * a power cut the job is as it was just before it, which the outbox recovers from as from a crash.
 */
export interface OutboxStore {
  /** Jobs found when the store opened, oldest first; unreadable files were quarantined. */
  readonly loaded: readonly PublishJob[];
  /**
   * Resolves once this state (or a later one) is on disk; if its write fails it rejects and the state is dropped.
   * `mayRevert`: a power cut may take this state back to the job's previous one (see above).
   */
  save(job: PublishJob, options?: { mayRevert?: boolean }): Promise<void>;
  /** Resolves once this state (or a later one) is on disk; if its write fails it rejects, and the state is retried later. */
  keep(job: PublishJob): Promise<void>;
  /** Keeps this state and writes it within a second, coalescing with other changes; for an attempt's progress and log lines. */
  saveSoon(job: PublishJob): void;
  /** Deletes the job's file after any write of it under way. */
  remove(id: string): Promise<void>;
  quarantined(): QuarantinedFile[];
  /** Tries every kept or deferred state now; resolves with how many jobs still have a state only in memory. */
  flush(): Promise<number>;
  /** Jobs whose newest kept state is not on disk yet. */
  unwritten(): number;
}

export const PROGRESS_WRITE_INTERVAL_MS = 1000;
/** How soon a kept state whose write failed is tried again (a full disk may be freed at any time). */
export const KEPT_RETRY_MS = 5000;

interface PendingState {
  version: number;
  /** The state as it was asked for, serialized then (later changes to memory cannot leak in). */
  text: string;
  /** Dropped when its write fails (see `save`); otherwise kept until written. */
  dropIfRefused: boolean;
  /** A power cut may take it back to the state before it: its write does not flush the folder. */
  mayRevert: boolean;
  /** Tried at least once: a state only waiting for its deferred write has not been. */
  tried: boolean;
  /** Only progress or a log line: written at its timer (or with the next state), not at once. */
  deferred: boolean;
  /** The caller waiting for this state's first write; null once told. */
  settle: { resolve: () => void; reject: (error: unknown) => void } | null;
}

interface JobFile {
  /** States not on disk yet, oldest first; writing the newest covers them all. */
  pending: PendingState[];
  version: number;
  writing: Promise<void> | null;
  deferred: ReturnType<typeof setTimeout> | null;
  retry: ReturnType<typeof setTimeout> | null;
  lastWriteAt: number;
  /** The job's file is durably on disk (read at open, or written with its folder flushed). */
  durable: boolean;
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
    reason = code ? `The outbox job could not be read (${code}).` : `The outbox job is not valid JSON (${messageOf(error)}).`;
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

  save(job: PublishJob, options: { mayRevert?: boolean } = {}): Promise<void> {
    return this.add(job, { dropIfRefused: true, deferred: false, mayRevert: options.mayRevert === true });
  }

  keep(job: PublishJob): Promise<void> {
    return this.add(job, { dropIfRefused: false, deferred: false, mayRevert: false });
  }

  saveSoon(job: PublishJob): void {
    // Progress is a courtesy: its promise is nobody's business, a failed write is retried with the rest.
    this.add(job, { dropIfRefused: false, deferred: true, mayRevert: true }).catch(() => undefined);
  }

  async remove(id: string): Promise<void> {
    const file = this.files.get(id);
    if (file) {
      this.stopTimers(file);
      // The job is gone on purpose: whatever was still to be written of it no longer matters, and
      // with nothing pending, the write under way (if any) starts no other.
      for (const state of file.pending.splice(0)) state.settle?.resolve();
      while (file.writing !== null) await file.writing;
      this.files.delete(id);
    }
    await rm(this.pathOf(id), { force: true });
    await fsyncDir(this.dir);
  }

  quarantined(): QuarantinedFile[] {
    return this.quarantine.list();
  }

  async flush(): Promise<number> {
    await Promise.all(
      [...this.files].map(async ([id, file]) => {
        // A write that ends may start the next one (states that arrived meanwhile): wait for all of them.
        this.stopTimers(file);
        while (file.writing !== null) {
          await file.writing;
          this.stopTimers(file);
        }
        if (file.pending.length === 0) return;
        file.writing = this.writeNewest(id, file).finally(() => {
          file.writing = null;
        });
        await file.writing;
      }),
    );
    return this.unwritten();
  }

  unwritten(): number {
    return [...this.files.values()].filter((file) => file.pending.length > 0).length;
  }

  private add(job: PublishJob, kind: { dropIfRefused: boolean; deferred: boolean; mayRevert: boolean }): Promise<void> {
    const file = this.fileOf(job.id);
    file.version += 1;
    const done = new Promise<void>((resolve, reject) => {
      file.pending.push({ version: file.version, text: JSON.stringify(job), ...kind, tried: false, settle: { resolve, reject } });
    });
    if (!kind.deferred) {
      this.stopTimers(file);
      this.pump(job.id, file);
    } else if (file.deferred === null && file.writing === null) {
      this.armDeferred(job.id, file);
    }
    return done;
  }

  private armDeferred(id: string, file: JobFile): void {
    const wait = Math.max(0, file.lastWriteAt + PROGRESS_WRITE_INTERVAL_MS - Date.now());
    file.deferred = setTimeout(() => {
      file.deferred = null;
      this.pump(id, file);
    }, wait);
    file.deferred.unref?.();
  }

  /** Starts a write unless one is under way; when it ends, goes on with what arrived meanwhile. */
  private pump(id: string, file: JobFile): void {
    if (file.writing !== null || file.pending.length === 0) return;
    file.writing = this.writeNewest(id, file).finally(() => {
      file.writing = null;
      if (this.files.get(id) !== file || file.pending.length === 0) return;
      if (file.pending.some((state) => !state.tried && !state.deferred)) this.pump(id, file);
      else if (file.pending.some((state) => !state.tried)) {
        if (file.deferred === null) this.armDeferred(id, file);
      } else if (file.retry === null) {
        file.retry = setTimeout(() => {
          file.retry = null;
          this.pump(id, file);
        }, KEPT_RETRY_MS);
        file.retry.unref?.();
      }
    });
  }

  /** One write of the newest state; settles every state it covers. Never rejects. */
  private async writeNewest(id: string, file: JobFile): Promise<void> {
    const covered = [...file.pending];
    const newest = covered.at(-1);
    if (!newest) return;
    file.lastWriteAt = Date.now();
    // Every state this write covers may be taken back, and the one it falls back to is durable.
    const flushFolder = !(file.durable && covered.every((state) => state.mayRevert));
    try {
      await writeFileAtomic(this.pathOf(id), newest.text, { flushFolder });
      if (flushFolder) file.durable = true;
    } catch (error) {
      // Refused states leave; kept ones stay, the newest of them to be written at the next try.
      file.pending = file.pending.filter((state) => !(covered.includes(state) && state.dropIfRefused));
      for (const state of covered) {
        state.tried = true;
        state.settle?.reject(error);
        state.settle = null;
      }
      return;
    }
    file.pending = file.pending.filter((state) => !covered.includes(state));
    for (const state of covered) {
      state.settle?.resolve();
      state.settle = null;
    }
  }

  private fileOf(id: string): JobFile {
    JobId.parse(id); // an id becomes a file name: never let one reach outside the folder
    let file = this.files.get(id);
    if (!file) {
      file = { pending: [], version: 0, writing: null, deferred: null, retry: null, lastWriteAt: 0, durable: this.loaded.some((job) => job.id === id) };
      this.files.set(id, file);
    }
    return file;
  }

  private stopTimers(file: JobFile): void {
    if (file.deferred !== null) clearTimeout(file.deferred);
    if (file.retry !== null) clearTimeout(file.retry);
    file.deferred = null;
    file.retry = null;
  }

  private pathOf(id: string): string {
    return join(this.dir, `${id}.json`);
  }
}
