import { useState } from 'react';
import type { PublishJob } from '../../../../shared/model/publishing';
import { messageOf } from '../../api/newsdesk';
import { useNotify } from '../../ui/components/Toasts';
import { formatPrecise, formatUpdated } from '../../ui/time';
import { headlineOf, isUnfinished } from './job-display';
import { JobStatus, StateBadge } from './JobStatus';

interface OutboxJobProps {
  job: PublishJob;
  target: string;
  online: boolean;
  onCancel(id: string): Promise<void>;
  onCompare(id: string): void;
}

function JobLog({ job }: { job: PublishJob }) {
  return (
    <details className="nd-job__log">
      <summary>Log ({job.log.length})</summary>
      {job.log.length === 0 ? (
        <p className="nd-job__log-empty">Nothing logged yet.</p>
      ) : (
        <ol className="nd-job__log-lines" data-testid="job-log">
          {job.log.map((entry, index) => (
            <li key={index} className={`nd-job__log-line nd-job__log-line--${entry.level}`}>
              <time dateTime={entry.at}>{formatPrecise(entry.at)}</time>
              <span>{entry.message}</span>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

/** One story in the outbox: where it goes, how far it got, what the site said, and what can be done. */
export function OutboxJob({ job, target, online, onCancel, onCompare }: OutboxJobProps) {
  const notify = useNotify();
  const [cancelling, setCancelling] = useState(false);
  const headline = headlineOf(job);

  const cancel = async () => {
    setCancelling(true);
    try {
      await onCancel(job.id);
    } catch (error) {
      notify(`“${headline}” could not be cancelled: ${messageOf(error)}`, { tone: 'error' });
    } finally {
      setCancelling(false);
    }
  };

  return (
    <li className={`nd-job nd-job--${job.state}`} data-testid="outbox-job" data-job-id={job.id} data-state={job.state} data-post-id={job.remote?.postId ?? undefined}>
      <div className="nd-job__head">
        <div className="nd-job__title">
          <h3 className="nd-job__headline">{headline}</h3>
          <p className="nd-job__meta">
            {job.itemKind === 'video' && <span data-testid="job-video">Video · </span>}
            {job.kill ? `Kill notice on ${target}` : job.retract ? `Retract from ${target}${job.retract.as === 'trash' ? ' to its trash' : ''}` : `To ${target}${job.mode === 'draft' ? ' as a draft' : ''}`} · queued <time dateTime={job.createdAt} title={formatPrecise(job.createdAt)}>{formatUpdated(job.createdAt)}</time>
            {job.attempts > 1 ? ` · ${job.attempts} attempts` : ''}
          </p>
        </div>
        <StateBadge job={job} />
      </div>
      <JobStatus job={job} online={online} />
      {/* A retracted post is off the site: its address would only lead readers to a draft or a 404. */}
      {job.state === 'done' && job.remote?.link && !job.retract && (
        <p className="nd-job__done">
          <a href={job.remote.link} target="_blank" rel="noreferrer" data-testid="job-link">
            {job.mode === 'draft' ? 'Open the draft on the site' : 'View the post'}
          </a>
          <span className="nd-job__url">{job.remote.link}</span>
        </p>
      )}
      <div className="nd-job__actions">
        <JobLog job={job} />
        {job.state === 'conflict' && (
          <button type="button" className="nd-button nd-button--small nd-button--primary" onClick={() => onCompare(job.id)}>
            Compare versions…
          </button>
        )}
        {isUnfinished(job) && (
          <button type="button" className="nd-button nd-button--small" disabled={cancelling} onClick={() => void cancel()}>
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
      </div>
    </li>
  );
}
