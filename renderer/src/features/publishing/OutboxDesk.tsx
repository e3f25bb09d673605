import { useMemo, useState } from 'react';
import { messageOf } from '../../api/newsdesk';
import { Icon } from '../../ui/components/Icon';
import { useNotify } from '../../ui/components/Toasts';
import { FINISHED_JOB_STATES, type PublishJob, type PublishTarget } from '../../../../shared/model/publishing';
import { isUnfinished, targetName } from './job-display';
import { useOutbox } from './OutboxContext';
import { OutboxJob } from './OutboxJob';

/**
 * The outbox's network line: "Offline" only when every site with stories waiting is unreachable;
 * one site that is down is named instead, while the others keep publishing.
 */
function networkNote(unreachable: readonly string[], jobs: readonly PublishJob[], targets: readonly PublishTarget[]): string {
  if (unreachable.length === 0) return 'Online';
  const waiting = new Set(jobs.filter((job) => !FINISHED_JOB_STATES.includes(job.state)).map((job) => job.targetId));
  const others = [...waiting].filter((id) => !unreachable.includes(id));
  if (others.length === 0) return 'Offline — queued stories will publish when the network returns';
  const names = unreachable.map((id) => `“${targetName(targets, id)}”`).join(', ');
  return `Cannot reach ${names} — its stories will publish when it answers`;
}

/**
 * The outbox desk: every publishing job, newest first, with its live progress, the site's own
 * message when it stopped, its log, and the ways to act on it. Kept current by main's change events.
 */
export function OutboxDesk() {
  const outbox = useOutbox();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const { jobs, online, loaded, error, targets } = outbox;
  const newestFirst = useMemo(() => [...jobs].sort((a, b) => b.createdAt.localeCompare(a.createdAt)), [jobs]);
  const finished = jobs.filter((job) => !isUnfinished(job)).length;
  const retryable = jobs.some((job) => job.state === 'waiting' || job.state === 'queued');

  const run = async (what: string, action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (cause) {
      notify(`${what}: ${messageOf(cause)}`, { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="nd-outbox">
      <header className="nd-feeds__bar nd-outbox__bar">
        <h1 className="nd-feeds__title">Outbox</h1>
        <p className={`nd-outbox__network nd-outbox__network--${online ? 'online' : 'offline'}`} data-testid="outbox-network" aria-live="polite">
          {networkNote(outbox.unreachable, jobs, targets)}
        </p>
        <button type="button" className="nd-button" disabled={busy || !retryable} onClick={() => void run('Could not retry', outbox.retryNow)}>
          <Icon name="restore" size={16} /> Retry now
        </button>
        <button type="button" className="nd-button" disabled={busy || finished === 0} onClick={() => void run('Could not clear the finished jobs', outbox.clearFinished)}>
          <Icon name="trash" size={16} /> Clear finished
        </button>
      </header>
      <div className="nd-outbox__scroll">
        {error && (
          <div className="nd-feeds__state" role="alert">
            <p>The outbox could not be read: {error}</p>
            <button type="button" className="nd-button" onClick={() => void outbox.refresh()}>
              Try again
            </button>
          </div>
        )}
        {!error && !loaded && <div className="nd-feeds__state">Reading the outbox…</div>}
        {!error && loaded && jobs.length === 0 && (
          <div className="nd-feeds__state nd-outbox__empty">
            <Icon name="inbox" size={40} />
            <p>Nothing in the outbox.</p>
            <p className="nd-field__hint">Stories you publish wait here until the site has them, and stay here when the network is down.</p>
          </div>
        )}
        {newestFirst.length > 0 && (
          <ul className="nd-outbox__jobs" aria-label="Publishing jobs">
            {newestFirst.map((job) => (
              <OutboxJob key={job.id} job={job} target={targetName(targets, job.targetId)} online={outbox.reachable(job)} onCancel={outbox.cancel} onCompare={outbox.showConflict} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
