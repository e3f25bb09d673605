import { useCallback, useEffect, useState } from 'react';
import { call } from '../../api/newsdesk';
import { useDeskStatus } from './desk-status';

export interface SharedStories {
  /** Ids of the stories known to be on the desk (a desk story's id is its article id on every desktop). */
  ids: ReadonlySet<string>;
  /** A story this window just put on the desk, shown as shared before the desk's list says so. */
  add(id: string): void;
}

/**
 * Which drafts are on the desk. Asked once each time the connection comes up (and when the window
 * gains focus while connected); offline, the last known list stays, since the stories are still
 * shared. Signed out, nothing is shown as shared.
 */
export function useSharedStories(): SharedStories {
  const status = useDeskStatus();
  const state = status?.state ?? 'signed-out';
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    if (state === 'signed-out') {
      setIds(new Set());
      return;
    }
    if (state !== 'connected') return;
    let cancelled = false;
    const read = async () => {
      const result = await call('desk:stories', {});
      // A failure leaves the marks as they were: the desk said nothing new.
      if (!cancelled && result.ok) setIds((known) => new Set([...known, ...result.value.stories.map((story) => story.storyId)]));
    };
    void read();
    const onFocus = () => void read();
    window.addEventListener('focus', onFocus);
    return () => {
      cancelled = true;
      window.removeEventListener('focus', onFocus);
    };
  }, [state]);

  const add = useCallback((id: string) => setIds((known) => new Set([...known, id])), []);
  return { ids, add };
}
