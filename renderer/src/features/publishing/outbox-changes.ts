import type { JobState, PublishJob } from '../../../../shared/model/publishing';
import { isUnfinished } from './job-display';

/** A job that reached an end (or needs the editor) since the outbox was last read. */
export interface JobOutcome {
  job: PublishJob;
  kind: 'done' | 'failed' | 'conflict';
}

/**
 * What changed worth telling the editor about, given the states seen last time. Only jobs seen
 * unfinished before count: jobs that were already finished when the app opened stay quiet.
 */
export function outcomesSince(seen: ReadonlyMap<string, JobState>, jobs: readonly PublishJob[]): JobOutcome[] {
  const outcomes: JobOutcome[] = [];
  for (const job of jobs) {
    const before = seen.get(job.id);
    if (before === undefined || before === job.state) continue;
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
