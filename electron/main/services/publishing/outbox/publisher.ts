import type { ConflictVersions, JobProgress, PublishJob, RemotePostId } from '../../../../../shared/model/publishing';

/**
 * The seam between the outbox (which stores, schedules, retries and cancels jobs) and the code that
 * talks to a CMS. A publisher runs one attempt of one job. It must be safe to run again after any
 * failure: everything it creates is found again through the job's client key.
 */
export interface PublishContext {
  /** The job as stored, read-only. */
  readonly job: PublishJob;
  /** Aborted when the editor cancels the job or the app quits. */
  readonly signal: AbortSignal;
  /** Reports what is happening; the outbox merges it into the job and shows it. */
  progress(update: Partial<JobProgress>): void;
  /** Adds a line to the job's log (never a secret, never article text). */
  log(level: 'info' | 'warn' | 'error', message: string): void;
}

export type PublishOutcome =
  | { kind: 'done'; remote: { postId: RemotePostId | null; link: string } }
  /** The post changed in the CMS since the last push; the editor must choose. */
  | { kind: 'conflict'; conflict: ConflictVersions };

/** Throws PublishError for failures (retryable or not); anything else thrown is treated as 'local'. */
export type Publisher = (context: PublishContext) => Promise<PublishOutcome>;
