import { useCallback, useState } from 'react';
import type { PublishJob } from '../../../../shared/model/publishing';
import { messageOf } from '../../api/newsdesk';
import { useOutbox } from './OutboxContext';

/**
 * Queueing one job on a site from a confirmation dialog (a retract, a kill): busy while main queues
 * it, its refusal shown in the dialog (which then stays open), and once queued the outbox is told,
 * the caller hears of it and the dialog closes.
 */
export function useQueueSiteJob(onClose: () => void, onQueued?: () => void) {
  const outbox = useOutbox();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const queue = useCallback(
    async (send: () => Promise<PublishJob>) => {
      setBusy(true);
      setError(null);
      try {
        outbox.jobQueued(await send());
        onQueued?.();
        onClose();
      } catch (cause) {
        setError(messageOf(cause));
      } finally {
        setBusy(false);
      }
    },
    [outbox, onClose, onQueued],
  );

  return { busy, error, queue };
}
