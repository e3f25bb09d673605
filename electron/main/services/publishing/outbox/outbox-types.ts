import type { QuarantinedFile } from '../../../../../shared/model/library';
import type { PublishJob } from '../../../../../shared/model/publishing';
import type { EnqueueRequest } from './outbox-jobs';
import type { Publisher } from './publisher';
import type { RetryOptions } from './retry-policy';

/**
 * The outbox: publishing as a persistent job queue. A job is on disk before anything is sent, and
 * every state it passes through is written before the outbox acts on it, so quitting or crashing
 * mid-queue loses nothing: the next start finds the jobs and carries on. Failures that pass (no
 * network, timeouts, 5xx, 429) are retried with backoff; others stop the job with the CMS's message.
 */
export interface Outbox {
  enqueue(request: EnqueueRequest): Promise<PublishJob>;
  /** Every job, oldest first. */
  list(): PublishJob[];
  get(id: string): PublishJob | undefined;
  /** Stops a job at once; an attempt under way is aborted. A finished job is returned unchanged. */
  cancel(id: string): Promise<PublishJob>;
  /** Waiting jobs try again now (never before a Retry-After the CMS gave). */
  retryNow(): Promise<void>;
  /** Deletes finished jobs (done, failed, cancelled); returns how many. */
  clearFinished(): Promise<number>;
  /** Queues a job in conflict, failed or cancelled again; `overwrite` replaces the version on the site. */
  requeue(id: string, options: { overwrite: boolean }): Promise<PublishJob>;
  /** Ends a job in conflict without sending (the editor took the site's version); `note` goes in its log. */
  settleConflict(id: string, note: string): Promise<PublishJob>;
  /** False since an attempt found no network, until one succeeds. */
  /** True when no target's last attempt failed for want of a connection. */
  online(): boolean;
  /** Targets whose last attempt found no connection. */
  unreachableTargets(): string[];
  /** Resolves when no job is queued, running or waiting to retry (or the outbox closed). */
  whenIdle(): Promise<void>;
  quarantined(): QuarantinedFile[];
  /** Jobs whose newest state is only in memory (the disk refused it); the outbox keeps trying. */
  unsaved(): number;
  /**
   * Aborts attempts under way, leaving their jobs queued on disk for the next start, and waits for
   * writes. Never throws; if some job states could not be written (see `unsaved`), calling it again
   * tries them again.
   */
  close(): Promise<void>;
}

export interface OutboxOptions {
  /** The folder of job files (library/publishing/outbox in the app). */
  dir: string;
  /** Where unreadable job files go; <dir>/../../quarantine (the library's) unless set. */
  quarantineDir?: string;
  publisher: Publisher;
  /** Jobs sent at the same time (2 unless set); one article never goes to one target twice at once. */
  concurrency?: number;
  retry?: Omit<RetryOptions, 'random'>;
  /** The clock, in ms since the epoch (Date.now unless set): for the times written in jobs. */
  now?: () => number;
  /** A clock that never steps (performance.now unless set): how long waits between retries last. */
  monotonicNow?: () => number;
  /** For the retry jitter (Math.random unless set). Client keys always come from the OS's generator. */
  random?: () => number;
  /** Asked before a job is stored; a refusal (thrown) queues nothing and reaches the editor as it is. */
  beforeEnqueue?: (request: EnqueueRequest) => Promise<void>;
  /** Called once a job is done, failed or cancelled, after that state is on disk. */
  onFinished?: (job: PublishJob) => void | Promise<void>;
  /**
   * Called when what the outbox shows changed (a job's state, progress or log, a job added or
   * cleared, a site found unreachable or back), at most once per `changeGapMs` and once more after
   * the last change: the windows read the outbox again then, instead of polling it.
   */
  onChanged?: () => void;
  /** The shortest time between two onChanged calls (200 ms unless set). */
  changeGapMs?: number;
  /** The library is another process's (or cannot be written): jobs are listed, never sent or resumed. */
  readOnly?: boolean;
}
