import type { PublishJob } from '../../../../shared/model/publishing';
import { messageOf } from '../../api/newsdesk';
import { useNotify } from '../../ui/components/Toasts';
import { isUnfinished } from './job-display';
import { JobStatus, StateBadge, waitsForNetwork } from './JobStatus';
import { useOutbox } from './OutboxContext';

function headingOf(job: PublishJob, target: string, online: boolean): string {
  if (waitsForNetwork(job, online)) return 'Queued — will publish when online';
  switch (job.state) {
    case 'queued':
      return `Queued for ${target}`;
    case 'running':
      return `Sending to ${target}…`;
    case 'waiting':
      return `${target} did not answer; trying again`;
    case 'conflict':
      return `The post was changed on ${target}`;
    case 'done':
      if (job.kill) return `Replaced by the kill notice on ${target}`;
      if (job.retract) return `Retracted from ${target}`;
      return job.mode === 'draft' ? `Sent to ${target} as a draft` : `Published on ${target}`;
    case 'failed':
      return `Not published: ${target} refused it`;
    case 'cancelled':
      return 'Publishing cancelled';
  }
}

/**
 * The job just queued from the panel, followed live: the same progress as the outbox shows, and
 * never a success before the site confirmed it.
 */
export function PublishJobView({ job, target, onBack, onClose }: { job: PublishJob; target: string; onBack(): void; onClose(): void }) {
  const outbox = useOutbox();
  const notify = useNotify();
  const cancel = () => void outbox.cancel(job.id).catch((error: unknown) => notify(`Could not cancel: ${messageOf(error)}`, { tone: 'error' }));

  return (
    <>
      <div className="nd-publish__body nd-publish__job" data-testid="publish-job" data-state={job.state}>
        <div className="nd-publish__job-head">
          <h3 className="nd-publish__job-title" data-testid="publish-job-heading">
            {headingOf(job, target, outbox.reachable(job))}
          </h3>
          <StateBadge job={job} />
        </div>
        <JobStatus job={job} online={outbox.reachable(job)} />
        {job.state === 'done' && job.remote?.link && (
          <p className="nd-publish__job-link">
            <a href={job.remote.link} target="_blank" rel="noreferrer" data-testid="publish-job-link">
              {job.remote.link}
            </a>
          </p>
        )}
        {job.state === 'conflict' && (
          <p className="nd-field__hint">Someone edited the post on the site after Newsdesk last sent it. Nothing was sent; compare the two versions and choose which to keep.</p>
        )}
        {isUnfinished(job) && job.state !== 'conflict' && (
          <p className="nd-field__hint">You can close this panel: the outbox keeps sending, also after a restart.</p>
        )}
      </div>
      <footer className="nd-dialog__foot">
        <button type="button" className="nd-link-button nd-publish__to-outbox" onClick={() => (onClose(), outbox.showOutbox())}>
          Show in outbox
        </button>
        <p className="nd-dialog__note" />
        {(job.state === 'failed' || job.state === 'cancelled') && (
          <button type="button" className="nd-button" onClick={onBack}>
            Back to the check
          </button>
        )}
        {isUnfinished(job) && (
          <button type="button" className="nd-button" onClick={cancel}>
            Cancel publishing
          </button>
        )}
        {job.state === 'conflict' && (
          <button type="button" className="nd-button nd-button--primary" onClick={() => outbox.showConflict(job.id)}>
            Compare versions…
          </button>
        )}
        <button type="button" className={`nd-button${job.state === 'done' ? ' nd-button--primary' : ''}`} onClick={onClose}>
          Close
        </button>
      </footer>
    </>
  );
}
