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
  return usePublisherRight(articleId, PUBLISHER_ONLY);
}

/**
 * The same question for any publisher-only control (retract, kill notice): `reason` when the story
 * is a desk story and the desk says the user is no publisher; null otherwise, and for `articleId`
 * null (a video item, never a desk story). Main refuses the action itself whatever this says.
 */
export function usePublisherRight(articleId: string | null, reason: string): { allowed: boolean; reason: string | null } {
  const [closed, setClosed] = useState<string | null>(null);

  useEffect(() => {
    if (articleId === null) return undefined;
    let cancelled = false;
    const read = async (): Promise<void> => {
      const result = await call('desk:workflow', { id: articleId });
      // Unknown (offline, signed out): left open, as main refuses then with the desk's reason.
      if (cancelled || !result.ok) return;
      const workflow = result.value;
      setClosed(workflow && !hasRole({ roles: workflow.roles }, 'publisher') ? reason : null);
    };
    void read();
    const off = onAppEvent('desk:statusChanged', () => void read());
    return () => {
      cancelled = true;
      off();
    };
  }, [articleId, reason]);

  return { allowed: closed === null, reason: closed };
}
