import { useOutbox } from './OutboxContext';

/** The rail's count of jobs not finished yet (queued, sending, waiting, needing a decision). */
export function OutboxBadge() {
  const { unfinished, jobs } = useOutbox();
  if (unfinished === 0) return null;
  const deciding = jobs.some((job) => job.state === 'conflict');
  return (
    <span className={`nd-rail__badge${deciding ? ' nd-rail__badge--attention' : ''}`} data-testid="outbox-badge" aria-label={`${unfinished} unfinished`}>
      {unfinished}
    </span>
  );
}
