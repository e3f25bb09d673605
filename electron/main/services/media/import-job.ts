import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { rm } from 'node:fs/promises';
import PQueue from 'p-queue';
import type { ImportItem, ImportJob } from '../../../../shared/model/media-library';
import { UserFacingError } from '../../../../shared/model/errors';
import { ImportCancelled, ImportFailure, importMessages, quoteName } from './import-errors';
import type { FileSource, ImportOutcome } from './import-file';
import { receiveBytes } from './incoming';
import { messageOf } from '../../../../shared/model/errors';
import { createChangeSignal, type ChangeSignal } from '../change-signal';

export type RunImport = (source: FileSource, name: string, signal: AbortSignal) => Promise<ImportOutcome>;

export interface ImportJobsOptions {
  incomingDir: string;
  /** The desk's limit for one file, read at each file so a changed setting applies at once. */
  maxFileBytes: () => number;
  /** Files imported at once across all jobs. */
  concurrency: number;
  /** How long a job started with beginImport waits for its next file before giving up on the rest. */
  bytesWaitMs: number;
  /** Unexpected failures (bugs, not bad files) are reported here as well as on the item. */
  onError: (error: unknown) => void;
  /**
   * A job's state changed (a file started, finished or was skipped): the window following it shows
   * progress from this instead of asking. Coalesced per job, at most once per `progressGapMs`
   * (default 150 ms); the finished state is always told.
   */
  onProgress?: (job: ImportJob) => void;
  progressGapMs?: number;
}

const DEFAULT_PROGRESS_GAP_MS = 150;

/** Finished jobs kept for status() after they end. */
const KEPT_FINISHED_JOBS = 20;
const MAX_NAME = 500;

interface Job {
  id: string;
  byBytes: boolean;
  items: ImportItem[];
  /** Indexes whose bytes have arrived (beginImport jobs). */
  received: Set<number>;
  cancelled: boolean;
  controller: AbortController;
  waiters: ((job: ImportJob) => void)[];
  waitTimer: NodeJS.Timeout | null;
  progress: ChangeSignal;
}

/**
 * The import jobs of one library: their items' progress, a shared p-queue (so two batches at once
 * still import two files at a time), cancellation and a bounded memory of finished jobs.
 */
export class ImportJobs {
  private readonly queue: PQueue;
  private readonly jobs = new Map<string, Job>();
  private readonly finishedOrder: string[] = [];
  /** Bytes being written into incoming/ by addFile; close() waits for them. */
  private readonly receiving = new Set<Promise<unknown>>();

  constructor(
    private readonly runImport: RunImport,
    private readonly options: ImportJobsOptions,
  ) {
    this.queue = new PQueue({ concurrency: options.concurrency });
  }

  importPaths(paths: readonly string[]): ImportJob {
    const job = this.createJob(paths.map((path) => basename(path) || path), false);
    paths.forEach((path, index) => this.enqueue(job, index, { kind: 'path', path }));
    this.settleIfDone(job);
    return snapshot(job);
  }

  beginImport(names: readonly string[]): ImportJob {
    const job = this.createJob(names, true);
    this.settleIfDone(job);
    this.armWaitTimer(job);
    return snapshot(job);
  }

  async addFile(jobId: string, index: number, bytes: Uint8Array): Promise<void> {
    const job = this.expectBytesJob(jobId, index);
    if (job.received.has(index)) throw new UserFacingError('conflict', 'This file of the import was already sent.');
    const item = job.items[index]!;
    if (item.state !== 'waiting') return; // cancelled or skipped meanwhile: the bytes are not needed
    job.received.add(index);
    this.armWaitTimer(job);
    const receiving = receiveBytes(this.options.incomingDir, bytes, item.name, this.options.maxFileBytes());
    this.receiving.add(receiving);
    try {
      const file = await receiving;
      if (item.state !== 'waiting') {
        await rm(file.path, { force: true });
        return;
      }
      this.enqueue(job, index, { kind: 'received', file });
    } catch (error) {
      this.settleItem(job, index, failureOf(item.name, error, this.options.onError));
    } finally {
      this.receiving.delete(receiving);
    }
  }

  skipFile(jobId: string, index: number, reason: string): void {
    const job = this.expectBytesJob(jobId, index);
    const item = job.items[index]!;
    if (item.state !== 'waiting' || job.received.has(index)) return;
    job.received.add(index);
    this.armWaitTimer(job);
    this.settleItem(job, index, { state: 'failed', message: reason.trim() || `${quoteName(item.name)} could not be read.` });
  }

  status(jobId: string): ImportJob {
    return snapshot(this.expectJob(jobId));
  }

  cancel(jobId: string): ImportJob {
    const job = this.expectJob(jobId);
    if (!isFinished(job)) {
      job.cancelled = true;
      job.controller.abort();
      job.items.forEach((item, index) => {
        if (item.state === 'waiting') this.settleItem(job, index, { state: 'cancelled', message: '' });
      });
    }
    return snapshot(job);
  }

  whenFinished(jobId: string): Promise<ImportJob> {
    const job = this.expectJob(jobId);
    if (isFinished(job)) return Promise.resolve(snapshot(job));
    return new Promise((resolve) => job.waiters.push(resolve));
  }

  /** Cancels what has not started and waits for files in progress to finish or roll back. */
  async close(): Promise<void> {
    for (const job of this.jobs.values()) if (!isFinished(job)) this.cancel(job.id);
    await Promise.allSettled([...this.receiving]);
    await this.queue.onIdle();
  }

  private createJob(names: readonly string[], byBytes: boolean): Job {
    const job: Job = {
      id: randomUUID(),
      byBytes,
      items: names.map((name) => ({ name: name.slice(0, MAX_NAME), state: 'waiting', photoId: null, message: '', warnings: [] })),
      received: new Set(),
      cancelled: false,
      controller: new AbortController(),
      waiters: [],
      waitTimer: null,
      progress: { notify: () => undefined, stop: () => undefined },
    };
    const onProgress = this.options.onProgress;
    if (onProgress) job.progress = createChangeSignal(() => onProgress(snapshot(job)), this.options.progressGapMs ?? DEFAULT_PROGRESS_GAP_MS);
    this.jobs.set(job.id, job);
    return job;
  }

  private enqueue(job: Job, index: number, source: FileSource): void {
    const task = async (): Promise<void> => {
      const item = job.items[index]!;
      if (item.state !== 'waiting') {
        if (source.kind === 'received') await rm(source.file.path, { force: true });
        return;
      }
      item.state = 'importing';
      job.progress.notify();
      try {
        const outcome = await this.runImport(source, item.name, job.controller.signal);
        this.settleItem(job, index, { state: outcome.state, photoId: outcome.photoId, warnings: outcome.warnings, message: '' });
      } catch (error) {
        this.settleItem(job, index, failureOf(item.name, error, this.options.onError));
      }
    };
    // The task catches everything itself; the catch here only keeps a bug from becoming an unhandled rejection.
    this.queue.add(task).catch(this.options.onError);
  }

  private settleItem(job: Job, index: number, change: Partial<ImportItem> & Pick<ImportItem, 'state' | 'message'>): void {
    Object.assign(job.items[index]!, change);
    job.progress.notify();
    this.settleIfDone(job);
  }

  private settleIfDone(job: Job): void {
    if (!isFinished(job) || this.finishedOrder.includes(job.id)) return;
    if (job.waitTimer) clearTimeout(job.waitTimer);
    job.waitTimer = null;
    // The finished state goes out now, not after the gap: nothing about this job changes again.
    job.progress.notify();
    job.progress.stop();
    this.finishedOrder.push(job.id);
    while (this.finishedOrder.length > KEPT_FINISHED_JOBS) this.jobs.delete(this.finishedOrder.shift()!);
    const done = snapshot(job);
    for (const resolve of job.waiters.splice(0)) resolve(done);
  }

  /** A window that started an import and then went away must not leave the job waiting forever. */
  private armWaitTimer(job: Job): void {
    if (job.waitTimer) clearTimeout(job.waitTimer);
    job.waitTimer = setTimeout(() => {
      job.waitTimer = null;
      job.items.forEach((item, index) => {
        if (item.state === 'waiting' && !job.received.has(index)) {
          this.settleItem(job, index, { state: 'failed', message: importMessages.neverArrived(item.name) });
        }
      });
    }, this.options.bytesWaitMs);
    job.waitTimer.unref();
  }

  private expectJob(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new UserFacingError('not-found', 'This import is no longer known to Newsdesk; it may have finished long ago.');
    return job;
  }

  private expectBytesJob(jobId: string, index: number): Job {
    const job = this.expectJob(jobId);
    if (!job.byBytes) throw new UserFacingError('invalid-request', 'This import reads its files from disk; it takes no files sent by the window.');
    if (!Number.isInteger(index) || index < 0 || index >= job.items.length) {
      throw new UserFacingError('invalid-request', `This import has ${job.items.length} files; there is no file number ${index + 1}.`);
    }
    return job;
  }
}

function isFinished(job: Job): boolean {
  return job.items.every((item) => item.state !== 'waiting' && item.state !== 'importing');
}

function snapshot(job: Job): ImportJob {
  return {
    jobId: job.id,
    items: job.items.map((item) => ({ ...item, warnings: [...item.warnings] })),
    finished: isFinished(job),
    cancelled: job.cancelled,
  };
}

function failureOf(name: string, error: unknown, onError: (error: unknown) => void): Pick<ImportItem, 'state' | 'message'> {
  if (error instanceof ImportCancelled) return { state: 'cancelled', message: '' };
  if (error instanceof ImportFailure) return { state: 'failed', message: error.message };
  onError(error);
  const detail = messageOf(error);
  return { state: 'failed', message: `${quoteName(name)} could not be imported (${detail}).` };
}
