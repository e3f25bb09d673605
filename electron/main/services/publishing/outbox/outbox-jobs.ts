import { randomBytes } from 'node:crypto';
import { UserFacingError } from '../../../../../shared/model/errors';
import type { JobLogEntry, JobProgress, JobState, PublishJob, PublishMode, RetractAs } from '../../../../../shared/model/publishing';
import { PublishError, isPublishError } from '../http/publish-error';
import { redactSecrets } from '../../../desktop/redact';
import { messageOf } from '../../../../../shared/model/errors';
import { formatUtc } from '../../../../../shared/rules/embargo-date';

/** Pure helpers for outbox jobs: how one is made, changed and logged. Jobs are never mutated in place. */

/** A job's log keeps its newest lines: enough to follow a day of retries, small enough to write often. */
export const JOB_LOG_LIMIT = 200;
/** One log line is a sentence, not a response body. */
const LOG_LINE_LIMIT = 500;

/** Jobs not yet settled: the outbox still owes them an attempt. */
export const PENDING_JOB_STATES: readonly JobState[] = ['queued', 'running', 'waiting'];

export const QUEUED_LABEL = 'Queued — will publish when online';

export interface EnqueueRequest {
  articleId: string;
  targetId: string;
  /** Shown in the outbox list; never logged. */
  headline: string;
  /** 'video': `articleId` is a video item's id. */
  itemKind?: 'video';
  mode: PublishMode;
  /** A retract: the post on the site is taken off it (back to a draft, or to the trash); `expiredAt` when the story's expiry asked for it. */
  retract?: { as: RetractAs; expiredAt?: string };
  /** A kill: the post keeps its address and headline, its content becomes this notice. */
  kill?: { label: string; text: string };
}

export function newJob(request: EnqueueRequest, nowMs: number): PublishJob {
  const at = new Date(nowMs).toISOString();
  return {
    id: `j-${nowMs.toString(36)}-${randomBytes(5).toString('hex')}`,
    articleId: request.articleId,
    targetId: request.targetId,
    headline: request.headline,
    ...(request.itemKind ? { itemKind: request.itemKind } : {}),
    mode: request.mode,
    // From the OS's secure generator: a guessable key could let another client's post pass for ours.
    clientKey: randomBytes(16).toString('hex'),
    overwrite: false,
    state: 'queued',
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    progress: initialProgress(),
    log: [{ at, level: 'info', message: queuedLine(request) }],
    conflict: null,
    remote: null,
    createdAt: at,
    updatedAt: at,
    ...(request.kill ? { kill: { label: request.kill.label, text: request.kill.text } } : {}),
    ...(request.retract ? { retract: { as: request.retract.as, ...(request.retract.expiredAt ? { expiredAt: request.retract.expiredAt } : {}) } } : {}),
  };
}

function queuedLine(request: EnqueueRequest): string {
  if (request.kill) return 'Queued to replace the post on the site with the kill notice.';
  if (request.retract?.expiredAt) return `The story expired ${formatUtc(request.retract.expiredAt)}; queued to take the post back to a draft on the site.`;
  if (request.retract) return request.retract.as === 'trash' ? 'Queued to move the post to the trash on the site.' : 'Queued to take the post back to a draft on the site.';
  return request.mode === 'draft' ? 'Queued to be sent as a draft.' : 'Queued for publishing.';
}

export function initialProgress(label = QUEUED_LABEL): JobProgress {
  return { label, step: 'waiting', photoIndex: 0, photoCount: 0, bytesSent: 0, bytesTotal: 0 };
}

export type LogLine = Pick<JobLogEntry, 'level' | 'message'>;

/** The job with `changes` applied, stamped with the time, and `line` (if any) at the end of its log. */
export function changed(job: PublishJob, changes: Partial<PublishJob>, nowMs: number, line?: LogLine): PublishJob {
  const at = new Date(nowMs).toISOString();
  const log = line ? withLine(job.log, { at, level: line.level, message: line.message }) : job.log;
  return { ...job, ...changes, log, updatedAt: at };
}

function withLine(log: readonly JobLogEntry[], entry: JobLogEntry): JobLogEntry[] {
  // A job file is written to disk and shown in the window: a credential quoted in an error
  // (an address with a password in it, a token in a query) never reaches either.
  const redacted = redactSecrets(entry.message);
  const message = redacted.length > LOG_LINE_LIMIT ? `${redacted.slice(0, LOG_LINE_LIMIT - 1)}…` : redacted;
  return [...log, { ...entry, message }].slice(-JOB_LOG_LIMIT);
}

/** The two jobs that must never run at the same time: one article going to one target. */
export function serialKey(job: Pick<PublishJob, 'articleId' | 'targetId'>): string {
  return `${job.targetId}\n${job.articleId}`;
}

/** Whatever a publisher threw, as a PublishError whose message a person can read. */
export function asPublishError(error: unknown): PublishError {
  if (isPublishError(error)) return error;
  if (error instanceof UserFacingError) return new PublishError('local', error.message, { cause: error });
  const detail = messageOf(error);
  return new PublishError('local', `Publishing stopped on an unexpected error (${detail}).`, { cause: error });
}

/** A sentence ends with a full stop once, however the message was written. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…)]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
