import { join } from 'node:path';
import type { QuarantinedFile } from '../../../../../shared/model/library';
import { UserFacingError } from '../../../../../shared/model/errors';
import { FINISHED_JOB_STATES, type JobProgress, type PublishJob } from '../../../../../shared/model/publishing';
import { describeIoError } from '../../fs/io-errors';
import { createChangeSignal, type ChangeSignal } from '../../change-signal';
import { JobBook } from './outbox-book';
import { PENDING_JOB_STATES, asPublishError, initialProgress, newJob, sentence, serialKey, type EnqueueRequest, type LogLine } from './outbox-jobs';
import { openOutboxStore, type OutboxStore } from './outbox-store';
import type { Outbox, OutboxOptions } from './outbox-types';
import { PublishError } from '../http/publish-error';
import type { PublishContext, PublishOutcome } from './publisher';
import { DEFAULT_MAX_RETRY_AFTER_MS, DEFAULT_RETRY_CAP_MS, createRetryPolicy, describeDelay } from './retry-policy';

export type { EnqueueRequest } from './outbox-jobs';
export type { Outbox, OutboxOptions } from './outbox-types';

/*
 * The outbox's engine: which job runs when (at most `concurrency` at once, one at a time per article
 * and target, waiting ones when their retry is due), one attempt from start to outcome, and the
 * editor's actions. What each outcome does to a job is in outbox-book.ts; the files in outbox-store.ts.
 */

/** How long close() waits for attempts that ignore their abort signal. */
const CLOSE_GRACE_MS = 10_000;
/** Often enough for a smooth progress bar in the windows, rarely enough that a burst costs little. */
const DEFAULT_CHANGE_GAP_MS = 200;

interface Attempt {
  key: string;
  targetId: string;
  controller: AbortController;
  /** Why the attempt was stopped from outside; its outcome is then handled accordingly. */
  stopped: 'cancel' | 'close' | null;
  settled: Promise<void>;
}

export async function openOutbox(options: OutboxOptions): Promise<Outbox> {
  const store = await openOutboxStore(options.dir, options.quarantineDir ?? join(options.dir, '..', '..', 'quarantine'), { readOnly: options.readOnly });
  const outbox = new JobOutbox(store, options);
  // A read-only library's queued jobs belong to the process that holds it: sending them here too would publish twice.
  if (!options.readOnly) await outbox.resume();
  return outbox;
}

class JobOutbox implements Outbox {
  private readonly book: JobBook;
  private readonly changes: ChangeSignal;
  private readonly attempts = new Map<string, Attempt>();
  private readonly idleWaiters: (() => void)[] = [];
  private readonly concurrency: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closing = false;
  private closed = false;

  constructor(
    private readonly store: OutboxStore,
    private readonly options: OutboxOptions,
  ) {
    const policy = createRetryPolicy({ ...options.retry, ...(options.random ? { random: options.random } : {}) });
    const longestWait = Math.max(options.retry?.capMs ?? DEFAULT_RETRY_CAP_MS, options.retry?.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS);
    this.changes = createChangeSignal(() => options.onChanged?.(), options.changeGapMs ?? DEFAULT_CHANGE_GAP_MS);
    const changed = () => this.changes.notify();
    this.book = new JobBook(store, policy, options.now ?? Date.now, options.onFinished, options.monotonicNow ?? (() => performance.now()), longestWait, changed);
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 2));
  }

  /** Jobs left 'running' by a quit or crash go back in the queue, then the queue starts. */
  async resume(): Promise<void> {
    for (const job of this.book.jobs.values()) {
      if (job.state !== 'running') continue;
      const line: LogLine = { level: 'warn', message: 'Newsdesk closed while this was being sent; resuming.' };
      await this.book.persistQuietly(this.book.replace(job, { state: 'queued', progress: initialProgress() }, line));
    }
    this.pump();
  }

  async enqueue(request: EnqueueRequest): Promise<PublishJob> {
    if (this.closing) throw new UserFacingError('conflict', 'Newsdesk is closing; queue the article again after it restarts.');
    await this.options.beforeEnqueue?.(request);
    const job = newJob(request, this.book.now());
    try {
      await this.store.save(job);
    } catch (error) {
      // The store dropped the job with its failed write: it will not appear, or go out, later.
      throw new UserFacingError('io', `The job could not be stored in the outbox, so nothing was sent. ${describeIoError(error)}`);
    }
    this.book.jobs.set(job.id, job);
    this.changes.notify();
    this.pump();
    return this.book.jobs.get(job.id) ?? job;
  }

  list(): PublishJob[] {
    return [...this.book.jobs.values()];
  }

  get(id: string): PublishJob | undefined {
    return this.book.jobs.get(id);
  }

  async cancel(id: string): Promise<PublishJob> {
    const job = this.book.required(id);
    if (FINISHED_JOB_STATES.includes(job.state)) return job;
    const cancelled = this.book.replace(
      job,
      { state: 'cancelled', nextAttemptAt: null, progress: { ...job.progress, label: 'Cancelled' } },
      { level: 'info', message: 'Cancelled by the editor.' },
    );
    this.book.forget(id);
    const attempt = this.attempts.get(id);
    if (attempt && attempt.stopped === null) {
      attempt.stopped = 'cancel';
      attempt.controller.abort(new PublishError('local', 'Cancelled by the editor.'));
    }
    await this.book.persistOrRefuse(cancelled);
    await this.book.notifyFinished(cancelled);
    this.pump();
    return this.book.jobs.get(id) ?? cancelled;
  }

  async retryNow(): Promise<void> {
    const writes: Promise<void>[] = [];
    for (const job of this.book.jobs.values()) {
      if (job.state !== 'waiting') continue;
      // Retry-After is the CMS's own word: an impatient click must not break it.
      const wait = this.book.forcedWaitMs(job.id);
      if (this.book.remainingWaitMs(job) <= wait) continue;
      const line: LogLine = { level: 'info', message: wait > 0 ? `The site asked to wait; trying again in ${describeDelay(wait)}.` : 'Trying again now.' };
      writes.push(this.book.persistQuietly(this.book.reschedule(job, wait, line)));
    }
    await Promise.all(writes);
    this.pump();
  }

  async clearFinished(): Promise<number> {
    const finished = this.list().filter((job) => FINISHED_JOB_STATES.includes(job.state));
    // A job that just finished may still be writing its last state: let it. A cancelled attempt
    // may take its time to wind down; whatever it reports once its job is gone is ignored.
    await Promise.all(finished.map((job) => (job.state === 'cancelled' ? undefined : this.attempts.get(job.id)?.settled)));
    let removed = 0;
    for (const { id } of finished) {
      // Queued again while we waited: no longer finished.
      const current = this.book.jobs.get(id);
      if (!current || !FINISHED_JOB_STATES.includes(current.state)) continue;
      this.book.jobs.delete(id);
      this.changes.notify();
      this.book.forget(id);
      await this.store.remove(id);
      removed += 1;
    }
    return removed;
  }

  async requeue(id: string, options: { overwrite: boolean }): Promise<PublishJob> {
    const job = this.book.required(id);
    if (PENDING_JOB_STATES.includes(job.state) || job.state === 'done') {
      throw new UserFacingError('conflict', job.state === 'done' ? 'This job is already done; publish the article again instead.' : 'This job is still in the outbox.');
    }
    this.book.forget(id);
    const queued = this.book.replace(
      job,
      { state: 'queued', overwrite: options.overwrite, conflict: null, lastError: null, nextAttemptAt: null, progress: initialProgress() },
      { level: 'info', message: options.overwrite ? 'Queued again to replace the version on the site.' : 'Queued again.' },
    );
    await this.book.persistOrRefuse(queued);
    this.pump();
    return this.book.jobs.get(id) ?? queued;
  }

  async settleConflict(id: string, note: string): Promise<PublishJob> {
    const job = this.book.required(id);
    if (job.state !== 'conflict' || job.conflict === null) throw new UserFacingError('conflict', 'This job is not waiting for a choice between two versions.');
    const settled = this.book.replace(
      job,
      {
        state: 'done',
        conflict: null,
        lastError: null,
        remote: { postId: job.remote?.postId ?? null, link: job.conflict.remote.link },
        progress: { ...job.progress, step: 'done', label: 'Kept the version on the site' },
      },
      { level: 'info', message: sentence(note) },
    );
    await this.book.persistOrRefuse(settled);
    await this.book.notifyFinished(settled);
    return settled;
  }

  unreachableTargets(): string[] {
    return this.book.unreachableTargets();
  }

  online(): boolean {
    return this.book.isOnline();
  }

  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  quarantined(): QuarantinedFile[] {
    return this.store.quarantined();
  }

  unsaved(): number {
    return this.store.unwritten();
  }

  async close(): Promise<void> {
    // Closed with states still only in memory (a full disk): each call tries to write them again.
    if (this.closed) {
      await this.store.flush();
      return;
    }
    if (this.closing) return;
    this.closing = true;
    this.clearTimer();
    const running = [...this.attempts.values()];
    for (const attempt of running) {
      if (attempt.stopped !== null) continue;
      attempt.stopped = 'close';
      attempt.controller.abort(new PublishError('local', 'Newsdesk is closing.'));
    }
    let grace: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.all(running.map((attempt) => attempt.settled)),
      new Promise<void>((resolve) => {
        grace = setTimeout(resolve, CLOSE_GRACE_MS);
      }),
    ]);
    clearTimeout(grace);
    this.closed = true;
    // An attempt that ignored its signal is left behind; its job goes back to the queue all the same.
    for (const id of this.attempts.keys()) {
      const job = this.book.jobs.get(id);
      if (job?.state === 'running') await this.book.persistQuietly(this.book.requeuedOnClose(job));
    }
    await this.store.flush();
    this.changes.stop();
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  // -------------------------------------------------------------------------------------------
  // Scheduling

  /** Starts every job that may run now, and sets the timer for the next one that will. */
  private pump(): void {
    if (this.closing) return;
    const running = [...this.attempts.values()];
    const busy = new Set(running.map((attempt) => attempt.key));
    // While a site cannot be reached, one job at a time finds out whether it answers again: the
    // rest wait instead of each knocking in turn. Its waiting jobs go first, at their backoff; a new
    // job only goes when none of them is left (cancelled), so the site is still tried.
    const probing = new Set(running.map((attempt) => attempt.targetId).filter((id) => this.book.isUnreachable(id)));
    const retrying = new Set([...this.book.jobs.values()].filter((job) => job.state === 'waiting').map((job) => job.targetId));
    const seen = new Set<string>();
    let nextWait = Infinity;
    for (const job of this.book.jobs.values()) {
      if (!PENDING_JOB_STATES.includes(job.state)) continue;
      const key = serialKey(job);
      // Jobs for one article and target go one at a time, oldest first.
      const first = !seen.has(key) && !busy.has(key);
      seen.add(key);
      if (!first) continue;
      if (this.book.isUnreachable(job.targetId)) {
        if (probing.has(job.targetId)) continue;
        if (job.state === 'queued' && retrying.has(job.targetId)) continue;
      }
      const wait = this.book.remainingWaitMs(job);
      if (wait > 0) {
        nextWait = Math.min(nextWait, wait);
        continue;
      }
      if (this.attempts.size >= this.concurrency) break;
      this.start(job);
      busy.add(key);
      if (this.book.isUnreachable(job.targetId)) probing.add(job.targetId);
    }
    this.armTimer(nextWait);
    if (this.isIdle()) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Timers run on the monotonic clock, as the waits do: a wall clock that steps changes neither. */
  private armTimer(waitMs: number): void {
    this.clearTimer();
    if (!Number.isFinite(waitMs)) return;
    this.timer = setTimeout(() => this.pump(), Math.min(Math.max(0, waitMs), 2 ** 31 - 1));
    // A waiting retry must not keep a process alive on its own (the app quits when its windows do).
    this.timer.unref?.();
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private isIdle(): boolean {
    return this.attempts.size === 0 && !this.list().some((job) => PENDING_JOB_STATES.includes(job.state));
  }

  private start(job: PublishJob): void {
    const running = this.book.replace(
      job,
      { state: 'running', attempts: job.attempts + 1, nextAttemptAt: null, progress: { ...initialProgress('Starting'), step: 'checking' } },
      { level: 'info', message: job.attempts === 0 ? 'Sending.' : `Attempt ${job.attempts + 1}.` },
    );
    const attempt: Attempt = { key: serialKey(job), targetId: job.targetId, controller: new AbortController(), stopped: null, settled: Promise.resolve() };
    this.attempts.set(job.id, attempt);
    attempt.settled = this.run(running, attempt)
      .catch(() => undefined)
      .finally(() => {
        if (this.attempts.get(job.id) === attempt) this.attempts.delete(job.id);
        this.pump();
      });
  }

  // -------------------------------------------------------------------------------------------
  // One attempt

  private async run(job: PublishJob, attempt: Attempt): Promise<void> {
    try {
      // Nothing is sent until the job's state on disk says it is being sent. A power cut may take
      // it back to queued (the folder is not flushed for it): the job is then sent again at the next
      // start, found on the site by its client key, as after a crash.
      await this.store.save(job, { mayRevert: true });
    } catch (error) {
      const problem = new PublishError('local', `The outbox could not be saved, so nothing was sent. ${describeIoError(error)}`);
      if (attempt.stopped === null) await this.book.failed(job.id, problem, { alwaysRetry: true });
      return;
    }
    let outcome: PublishOutcome | null = null;
    let failure: unknown = null;
    try {
      outcome = await this.options.publisher(this.contextFor(job, attempt));
    } catch (error) {
      failure = error;
    }
    // Past close's grace period the job was already put back in the queue on disk.
    if (this.closed) return;
    if (outcome?.kind === 'done') await this.book.done(job.id, outcome.remote, attempt.stopped === 'cancel');
    else if (attempt.stopped === 'close') await this.book.persistQuietly(this.book.requeuedOnClose(this.book.required(job.id)));
    else if (attempt.stopped === 'cancel') return;
    else if (outcome?.kind === 'conflict') await this.book.conflict(job.id, outcome.conflict);
    else await this.book.failed(job.id, asPublishError(failure), { alwaysRetry: false });
  }

  private contextFor(job: PublishJob, attempt: Attempt): PublishContext {
    const live = (): PublishJob | null => {
      const current = this.book.jobs.get(job.id);
      return current && attempt.stopped === null && this.attempts.get(job.id) === attempt ? current : null;
    };
    return {
      job: structuredClone(job),
      signal: attempt.controller.signal,
      progress: (update: Partial<JobProgress>) => {
        const current = live();
        if (current) this.store.saveSoon(this.book.replace(current, { progress: { ...current.progress, ...update } }));
      },
      // A line of the attempt's log is no state to act on: it joins the job's next write (its outcome,
      // or the progress timer) instead of costing a durable write of its own.
      log: (level, message) => {
        const current = live();
        if (current) this.store.saveSoon(this.book.replace(current, {}, { level, message }));
      },
    };
  }
}
