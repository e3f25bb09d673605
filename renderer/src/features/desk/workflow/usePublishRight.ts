import { useEffect, useState } from 'react';
import { hasRole } from '../../../../../shared/desk/roles';
import { call, onAppEvent } from '../../../api/newsdesk';

/** Said wherever publishing or scheduling a desk story is closed to the user. */
export const PUBLISHER_ONLY = 'This is a desk story: only a publisher on the desk may publish or schedule it. Set it ready for review and a publisher sends it.';

/**
 * Whether the user may publish or schedule this story: any story of this machine only, a desk
 * story only with the publisher role the desk gives (read from the desk, never kept here). The
 * outbox asks the desk again before queuing; this only mirrors it so the button says why.
 */
export function usePublishRight(articleId: string): { allowed: boolean; reason: string | null } {
  const [reason, setReason] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const read = async (): Promise<void> => {
      const result = await call('desk:workflow', { id: articleId });
      // Unknown (offline, signed out): left open, as the outbox refuses then with the desk's reason.
      if (cancelled || !result.ok) return;
      const workflow = result.value;
      setReason(workflow && !hasRole({ roles: workflow.roles }, 'publisher') ? PUBLISHER_ONLY : null);
    };
    void read();
    const off = onAppEvent('desk:statusChanged', () => void read());
    return () => {
      cancelled = true;
      off();
    };
  }, [articleId]);

  return { allowed: reason === null, reason };
}
