import { UserFacingError } from '../../../../../shared/model/errors';
import { FINISHED_JOB_STATES, type ConflictVersions, type PublishJob } from '../../../../../shared/model/publishing';
import { redactSecrets } from '../../../desktop/redact';
import { describeIoError } from '../../fs/io-errors';
import { QUEUED_LABEL, changed, initialProgress, sentence, type LogLine } from './outbox-jobs';
import type { OutboxStore } from './outbox-store';
import { PublishError } from '../http/publish-error';
import { describeDelay, type RetryPolicy } from './retry-policy';
import { messageOf } from '../../../../../shared/model/errors';

/**
 * The outbox's jobs in memory and the transitions an attempt's outcome causes: each new state
 * replaces the job (never mutated in place) and is written to disk. What the retry policy needs to
 * remember between attempts (the last delay, a Retry-After, waiting for the network) is kept here.
 */
export class JobBook {
  readonly jobs = new Map<string, PublishJob>();
  private readonly previousDelay = new Map<string, number>();
  /** Jobs the CMS told to come back later (Retry-After): no retry before this time (monotonic ms). */
  private readonly notBefore = new Map<string, number>();
  /**
   * When each waiting job is due, on the monotonic clock. The wall-clock `nextAttemptAt` is what the
   * editor reads and what survives a restart, but a wall clock stepped back an hour (NTP, a user, a
   * suspend) must not turn a 2 s wait into an hour, so waits in this process are measured here.
   */
  private readonly dueAtMono = new Map<string, number>();
  /** Jobs waiting only because there was no network: they go as soon as their site answers again. */
  private readonly waitingForNetwork = new Set<string>();
  /**
   * Targets whose last attempt found no connection. Kept per target, so one site that is down does
   * not make the outbox look offline while another is being published to.
   */
  private readonly unreachable = new Set<string>();
  /** Finishing jobs whose change is not told yet (see done), and whether a change waits for them. */
  private finishing = 0;
  private changeWaiting = false;

  constructor(
    private readonly store: OutboxStore,
    private readonly policy: RetryPolicy,
    readonly now: () => number,
    private readonly onFinished: ((job: PublishJob) => void | Promise<void>) | undefined,
    private readonly monotonicNow: () => number,
    /** The longest wait the retry policy can ask for: a stored nextAttemptAt further off than this is a clock that moved. */
    private readonly maxWaitMs: number,
    /** Called at every change of what the outbox shows (a job, a site reachable or not). */
    private readonly changed: () => void = () => undefined,
  ) {
    for (const job of store.loaded) this.jobs.set(job.id, job);
  }

  isOnline(): boolean {
    return this.unreachable.size === 0;
  }

  unreachableTargets(): string[] {
    return [...this.unreachable];
  }

  isUnreachable(targetId: string): boolean {
    return this.unreachable.has(targetId);
  }

  required(id: string): PublishJob {
    const job = this.jobs.get(id);
    if (!job) throw new UserFacingError('not-found', 'That job is no longer in the outbox.');
    return job;
  }

  /** The job with `changes` (and a log line), now the one in memory; write it with persist(). */
  replace(job: PublishJob, changes: Partial<PublishJob>, line?: LogLine): PublishJob {
    const next = changed(job, changes, this.now(), line);
    this.jobs.set(job.id, next);
    this.signal();
    return next;
  }

  private signal(): void {
    if (this.finishing > 0) this.changeWaiting = true;
    else this.changed();
  }

  /** For background transitions: memory holds the state, and the store keeps retrying the disk. */
  persistQuietly(job: PublishJob): Promise<void> {
    return this.store.keep(job).catch(() => undefined);
  }

  /**
   * For the editor's own actions, already in effect (an aborted attempt cannot be taken back): the
   * state is kept and written as soon as the disk allows, and the editor hears that it is not yet.
   */
  async persistOrRefuse(job: PublishJob): Promise<void> {
    try {
      await this.store.keep(job);
    } catch (error) {
      throw new UserFacingError(
        'io',
        `The change was made but is not saved yet. ${describeIoError(error)} Newsdesk keeps trying to save it while it runs.`,
      );
    }
  }

  async notifyFinished(job: PublishJob): Promise<void> {
    if (!this.onFinished) return;
    try {
      await this.onFinished(job);
    } catch (error) {
      const detail = messageOf(error);
      await this.persistQuietly(this.replace(this.required(job.id), {}, { level: 'warn', message: sentence(`The placement board could not be updated (${detail})`) }));
    }
  }

  /** Drops what the retry policy remembered of a job (it finished, or starts afresh). */
  forget(id: string): void {
    this.previousDelay.delete(id);
    this.notBefore.delete(id);
    this.dueAtMono.delete(id);
    this.waitingForNetwork.delete(id);
  }

  /** How long a waiting job may not be tried again even by hand: 0, unless the CMS asked for later. */
  forcedWaitMs(id: string): number {
    const until = this.notBefore.get(id);
    return until === undefined ? 0 : Math.max(0, until - this.monotonicNow());
  }

  /**
   * How long until a waiting job is due, by the monotonic clock. A job read from disk only has its
   * wall-clock time: that is trusted once, within the longest wait the policy gives, then tracked
   * monotonically from there.
   */
  remainingWaitMs(job: PublishJob): number {
    if (job.state !== 'waiting') return 0;
    const due = this.dueAtMono.get(job.id);
    if (due !== undefined) return Math.max(0, due - this.monotonicNow());
    const stored = job.nextAttemptAt === null ? Number.NaN : Date.parse(job.nextAttemptAt);
    const wait = Number.isNaN(stored) ? 0 : Math.min(Math.max(0, stored - this.now()), this.maxWaitMs);
    this.dueAtMono.set(job.id, this.monotonicNow() + wait);
    return wait;
  }

  /** A waiting job's next try moved to `waitMs` from now (a click on "Retry now", the site back). */
  reschedule(job: PublishJob, waitMs: number, line: LogLine): PublishJob {
    this.dueAtMono.set(job.id, this.monotonicNow() + waitMs);
    return this.replace(job, { nextAttemptAt: new Date(this.now() + waitMs).toISOString() }, line);
  }

  // -------------------------------------------------------------------------------------------
  // Outcomes of an attempt

  done(id: string, remote: PublishJob['remote'] & object, lateCancel: boolean): Promise<void> {
    return this.holdingChanges(() => this.finish(id, remote, lateCancel));
  }

  private async finish(id: string, remote: PublishJob['remote'] & object, lateCancel: boolean): Promise<void> {
    const job = this.required(id);
    this.markReachable(job.targetId);
    const where = remote.link ? `: ${remote.link}` : '';
    const label = job.retract ? (job.retract.as === 'trash' ? 'Retracted (moved to the trash)' : 'Retracted') : job.mode === 'draft' ? 'Sent as a draft' : 'Published';
    const finished = lateCancel
      ? this.replace(job, { remote }, { level: 'warn', message: `The site had already received it before the cancel took effect${where}.` })
      : this.replace(
          job,
          { state: 'done', remote, lastError: null, conflict: null, nextAttemptAt: null, progress: { ...job.progress, step: 'done', label } },
          { level: 'info', message: `${label}${where}.` },
        );
    this.forget(id);
    await this.persistQuietly(finished);
    // After a late cancel the job may have been queued again meanwhile: then it is not finished.
    if (FINISHED_JOB_STATES.includes(finished.state)) await this.notifyFinished(finished);
  }

  /**
   * A job's end is told to the windows only once onFinished has run: a window that sees "done"
   * reads the placement board at once, and must find the card already Published or Retracted.
   */
  private async holdingChanges<T>(work: () => Promise<T>): Promise<T> {
    this.finishing += 1;
    try {
      return await work();
    } finally {
      this.finishing -= 1;
      if (this.finishing === 0 && this.changeWaiting) {
        this.changeWaiting = false;
        this.signal();
      }
    }
  }

  async conflict(id: string, conflict: ConflictVersions): Promise<void> {
    this.markReachable(this.required(id).targetId);
    const message = 'The post was changed on the site since Newsdesk last sent it; choose which version to keep.';
    const job = this.replace(
      this.required(id),
      { state: 'conflict', conflict, lastError: message, progress: initialProgress('Changed on the site — choose a version') },
      { level: 'warn', message },
    );
    await this.persistQuietly(job);
  }

  /** Waits and retries when the failure passes; otherwise stops the job with the reason. */
  async failed(id: string, error: PublishError, options: { alwaysRetry: boolean }): Promise<void> {
    const job = this.required(id);
    const network = error.kind === 'offline' || error.kind === 'timeout';
    if (network && !this.unreachable.has(job.targetId)) {
      this.unreachable.add(job.targetId);
      this.signal();
    }
    else if (error.status !== null) this.markReachable(job.targetId);
    // A disk that refused a write is retried like a busy server: later, with backoff.
    const judged = options.alwaysRetry ? new PublishError('server', error.message) : error;
    const decision = this.policy.decide({ error: judged, attempt: job.attempts, previousDelayMs: this.previousDelay.get(id) ?? null });
    const reason = sentence(redactSecrets(error.message));
    if (!decision.retry) {
      this.forget(id);
      const stopped = this.replace(
        job,
        { state: 'failed', lastError: reason, nextAttemptAt: null, progress: { ...job.progress, label: 'Failed' } },
        { level: 'error', message: `Stopped: ${reason}` },
      );
      await this.persistQuietly(stopped);
      await this.notifyFinished(stopped);
      return;
    }
    const now = this.now();
    const mono = this.monotonicNow();
    this.previousDelay.set(id, decision.delayMs);
    this.dueAtMono.set(id, mono + decision.delayMs);
    if (decision.notBeforeMs !== null) this.notBefore.set(id, mono + decision.notBeforeMs);
    else this.notBefore.delete(id);
    if (network) this.waitingForNetwork.add(id);
    else this.waitingForNetwork.delete(id);
    const wait = describeDelay(decision.delayMs);
    const waiting = this.replace(
      job,
      {
        state: 'waiting',
        lastError: reason,
        nextAttemptAt: new Date(now + decision.delayMs).toISOString(),
        progress: { ...job.progress, step: 'waiting', label: network ? QUEUED_LABEL : `Waiting to try again (${wait})` },
      },
      { level: 'warn', message: `Attempt ${job.attempts} failed: ${reason} Trying again in ${wait}.` },
    );
    await this.persistQuietly(waiting);
  }

  /** The state a job stopped by the app closing is left in: queued, to go at the next start. */
  requeuedOnClose(job: PublishJob): PublishJob {
    return this.replace(
      job,
      { state: 'queued', nextAttemptAt: null, progress: initialProgress() },
      { level: 'info', message: 'Stopped because Newsdesk is closing; it will be sent at the next start.' },
    );
  }

  /** The site answers again: its jobs that waited only for the network go now instead of at their backoff. */
  private markReachable(targetId: string): void {
    if (!this.unreachable.delete(targetId)) return;
    this.signal();
    for (const id of this.waitingForNetwork) {
      const job = this.jobs.get(id);
      if (job?.targetId !== targetId) continue;
      this.waitingForNetwork.delete(id);
      if (job.state !== 'waiting') continue;
      void this.persistQuietly(this.reschedule(job, 0, { level: 'info', message: 'The site answers again; trying again now.' }));
    }
  }
}
