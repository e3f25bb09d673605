import { useCallback, useMemo, useRef, type MutableRefObject } from 'react';
import { FINISHED_JOB_STATES, type JobState, type PublishJob, type PublishTarget } from '../../../../shared/model/publishing';
import { useNotify } from '../../ui/components/Toasts';
import { headlineOf, targetName } from './job-display';
import { outcomesSince, statesOf, type JobOutcome } from './outbox-changes';

export interface JobOutcomes {
  /** Every read of the outbox: jobs that reached an end since the last one get a toast. */
  observe(jobs: readonly PublishJob[]): void;
  /** A job just queued: its end is told even if no read sees it unfinished. */
  follow(job: PublishJob): void;
}

/** Toasts for jobs that end (published, failed, changed on the site), each told once. */
export function useJobOutcomes(
  targets: MutableRefObject<PublishTarget[]>,
  actions: { showOutbox(): void; showConflict(jobId: string): void },
): JobOutcomes {
  const notify = useNotify();
  const seen = useRef<Map<string, JobState>>(new Map());
  const hasRead = useRef(false);
  const actionsRef = useRef(actions);
  actionsRef.current = actions;

  const tell = useCallback(
    ({ job, kind }: JobOutcome) => {
      const where = targetName(targets.current, job.targetId);
      const headline = headlineOf(job);
      if (kind === 'done') {
        const link = job.remote?.link;
        if (job.kill) {
          notify(`“${headline}” on ${where} now shows only the kill notice.`);
          return;
        }
        if (job.retract) {
          // The post is off the site: its address would show a 404 or a draft, so no "View post".
          notify(`Retracted “${headline}” from ${where}${job.retract.as === 'trash' ? ' (moved to the trash)' : ''}.`);
          return;
        }
        const text = job.mode === 'draft' ? `Sent “${headline}” to ${where} as a draft.` : `Published “${headline}” on ${where}.`;
        notify(text, link ? { action: { label: 'View post', run: () => window.open(link, '_blank', 'noopener') } } : undefined);
      } else if (kind === 'failed') {
        notify(`“${headline}” could not be ${job.kill ? 'replaced by the kill notice on' : job.retract ? 'retracted from' : 'published on'} ${where}: ${job.lastError ?? 'the site refused it.'}`, {
          tone: 'error',
          action: { label: 'Show outbox', run: () => actionsRef.current.showOutbox() },
        });
      } else {
        notify(`“${headline}” was changed on ${where} since Newsdesk last sent it. Choose which version to keep.`, {
          tone: 'error',
          action: { label: 'Compare…', run: () => actionsRef.current.showConflict(job.id) },
        });
      }
    },
    [notify, targets],
  );

  const observe = useCallback(
    (jobs: readonly PublishJob[]) => {
      for (const outcome of outcomesSince(seen.current, jobs, !hasRead.current)) tell(outcome);
      hasRead.current = true;
      // A job queued a moment ago may be missing from an answer asked for just before it: keep
      // following it, or its end would pass without a word.
      const states = statesOf(jobs);
      for (const [id, state] of seen.current) if (!states.has(id) && !FINISHED_JOB_STATES.includes(state)) states.set(id, state);
      seen.current = states;
    },
    [tell],
  );
  const follow = useCallback((job: PublishJob) => {
    seen.current.set(job.id, job.state);
  }, []);
  return useMemo(() => ({ observe, follow }), [observe, follow]);
}
