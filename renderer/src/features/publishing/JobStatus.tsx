import type { PublishJob } from '../../../../shared/model/publishing';
import { bytesLabel, progressFraction, stateLabel } from './job-display';

export function StateBadge({ job }: { job: PublishJob }) {
  return (
    <span className={`nd-job-badge nd-job-badge--${job.state}`} data-testid="job-state" data-state={job.state}>
      {stateLabel(job)}
    </span>
  );
}

/** A bar that fills as photos upload; it sweeps when there is nothing to measure yet. */
export function ProgressBar({ job }: { job: PublishJob }) {
  const fraction = progressFraction(job);
  const percent = fraction === null ? undefined : Math.round(fraction * 100);
  return (
    <div
      className={`nd-progress${fraction === null ? ' nd-progress--indeterminate' : ''}`}
      role="progressbar"
      aria-label="Publishing progress"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      data-testid="job-progress-bar"
    >
      <span className="nd-progress__fill" style={fraction === null ? undefined : { width: `${percent}%` }} />
    </div>
  );
}

/** Whether the job is held back by the network rather than by anything the editor can fix. */
export function waitsForNetwork(job: PublishJob, online: boolean): boolean {
  return !online && (job.state === 'queued' || job.state === 'waiting');
}

/**
 * Where a job stands, in words first: the offline note, the step under way (which photo, how many
 * bytes), the CMS's own message when it stopped or waits. Never "done" before the site said so.
 */
export function JobStatus({ job, online }: { job: PublishJob; online: boolean }) {
  const offline = waitsForNetwork(job, online);
  const bytes = bytesLabel(job);
  return (
    <div className="nd-job-status" data-testid="job-status">
      {offline && (
        <p className="nd-job-status__offline" data-testid="job-offline">
          Queued — will publish when online.
        </p>
      )}
      {job.state === 'running' && (
        <>
          <ProgressBar job={job} />
          <p className="nd-job-status__line" aria-live="polite">
            <span data-testid="job-progress-label">{job.progress.label || 'Sending…'}</span>
            {bytes && (
              <span className="nd-job-status__bytes" data-testid="job-bytes">
                {bytes}
              </span>
            )}
          </p>
        </>
      )}
      {job.state === 'queued' && !offline && (
        <p className="nd-job-status__line" data-testid="job-progress-label">
          Waiting its turn…
        </p>
      )}
      {job.lastError && job.state !== 'done' && job.state !== 'cancelled' && (
        <p className={`nd-job-status__error nd-job-status__error--${job.state}`} data-testid="job-error">
          {job.state === 'waiting' ? 'Last attempt: ' : ''}
          {job.lastError}
        </p>
      )}
    </div>
  );
}
