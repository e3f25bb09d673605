import { useEffect, useRef } from 'react';
import { onAppEvent } from '../../api/newsdesk';
import { onWindowResync } from '../../api/window-resync';

/**
 * Calls `listener` when drafts changed outside this window's own actions: with the ids main names
 * in 'drafts:changed', or with null when the window may have missed events (it gained focus or
 * became visible again) and anything may have changed.
 */
export function useDraftsChanged(listener: (ids: readonly string[] | null) => void): void {
  const listenerRef = useRef(listener);
  listenerRef.current = listener;
  useEffect(() => {
    const stops = [
      onAppEvent('drafts:changed', ({ ids }) => listenerRef.current(ids)),
      onWindowResync(() => listenerRef.current(null)),
    ];
    return () => {
      for (const stop of stops) stop();
    };
  }, []);
}
