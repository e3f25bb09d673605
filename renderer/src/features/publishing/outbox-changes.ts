import type { JobState, PublishJob } from '../../../../shared/model/publishing';
import { isUnfinished } from './job-display';

/** A job that reached an end (or needs the editor) since the outbox was last read. */
export interface JobOutcome {
  job: PublishJob;
  kind: 'done' | 'failed' | 'conflict';
}

/**
 * What changed worth telling the editor about, given the states seen last time. Jobs that were
 * already finished at the window's first read stay quiet. After that first read, a job the window
 * has never seen that is already finished was queued and ended between two reads (main's change
 * events are coalesced, and another window may have queued it): it is told like any other.
 */
export function outcomesSince(seen: ReadonlyMap<string, JobState>, jobs: readonly PublishJob[], firstRead = false): JobOutcome[] {
  const outcomes: JobOutcome[] = [];
  for (const job of jobs) {
    const before = seen.get(job.id);
    if (before === undefined) {
      if (!firstRead && (job.state === 'done' || job.state === 'failed' || job.state === 'conflict')) outcomes.push({ job, kind: job.state });
      continue;
    }
    if (before === job.state) continue;
    const wasOpen = before !== 'done' && before !== 'failed' && before !== 'cancelled' && before !== 'conflict';
    if (!wasOpen) continue;
    if (job.state === 'done' || job.state === 'failed' || job.state === 'conflict') outcomes.push({ job, kind: job.state });
  }
  return outcomes;
}

export function statesOf(jobs: readonly PublishJob[]): Map<string, JobState> {
  return new Map(jobs.map((job) => [job.id, job.state]));
}

export function countUnfinished(jobs: readonly PublishJob[]): number {
  return jobs.filter(isUnfinished).length;
}
