import { useCallback, useEffect, useRef, useState } from 'react';
import type { OutboxView } from '../../../../shared/ipc/publishing-contract';
import { call, onAppEvent } from '../../api/newsdesk';
import { onWindowResync } from '../../api/window-resync';
import { startOutboxFeed, type OutboxFeed } from './outbox-feed';

export interface OutboxFeedState {
  /** Null until the first read answered. */
  view: OutboxView | null;
  error: string | null;
  refresh(): Promise<void>;
  /** Runs an action whose answer is the whole outbox and shows that answer (unless a newer read won). */
  act(run: () => Promise<OutboxView>): Promise<void>;
  /** Shows a change at once, before main's next signal (a job just queued). */
  patch(change: (view: OutboxView) => OutboxView): void;
}

/** The outbox read by this window, following main's 'outbox:changed' (see outbox-feed.ts). */
export function useOutboxFeed(onView: (view: OutboxView) => void): OutboxFeedState {
  const [view, setView] = useState<OutboxView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const feed = useRef<OutboxFeed | null>(null);
  const onViewRef = useRef(onView);
  onViewRef.current = onView;

  useEffect(() => {
    const started = startOutboxFeed(
      { read: () => call('outbox:list', {}), onChanged: (listener) => onAppEvent('outbox:changed', listener), onResync: onWindowResync },
      {
        view: (next) => {
          onViewRef.current(next);
          setError(null);
          setView(next);
        },
        error: setError,
      },
    );
    feed.current = started;
    return () => {
      started.stop();
      if (feed.current === started) feed.current = null;
    };
  }, []);

  const refresh = useCallback(() => feed.current?.refresh() ?? Promise.resolve(), []);
  const act = useCallback(async (run: () => Promise<OutboxView>) => {
    const ticket = feed.current?.ticket() ?? 0;
    const answer = await run();
    feed.current?.offer(answer, ticket);
  }, []);
  const patch = useCallback((change: (view: OutboxView) => OutboxView) => setView((last) => (last ? change(last) : last)), []);
  return { view, error, refresh, act, patch };
}
