import { useCallback, useEffect, useRef, useState } from 'react';
import { call, onAppEvent } from '../../api/newsdesk';
import { useDeskStatus } from './desk-status';

export interface SharedStories {
  /** Ids of the stories known to be on the desk (a desk story's id is its article id on every desktop). */
  ids: ReadonlySet<string>;
  /** A story this window just put on the desk, shown as shared before the desk's list says so. */
  add(id: string): void;
}

/** Drafts appearing in a burst (a desk sending several new stories) are asked about once. */
const NEW_DRAFTS_DELAY_MS = 300;

/**
 * Which drafts are on the desk. Asked each time the connection comes up, when the window gains
 * focus while connected, and when a draft this window has not heard of appears (a story created
 * elsewhere arrives from the desk as a new draft); an ordinary save of a known draft asks nothing.
 * Offline, the last known list stays, since the stories are still shared. Signed out, nothing is
 * shown as shared; on another desk, what that desk lists.
 */
export function useSharedStories(): SharedStories {
  const status = useDeskStatus();
  const state = status?.state ?? 'signed-out';
  const deskId = status?.desk?.id ?? null;
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const heardOf = useRef(new Set<string>());

  // Another desk chosen: the marks were the other desk's.
  useEffect(() => setIds(new Set()), [deskId]);

  useEffect(() => {
    if (state === 'signed-out') {
      setIds(new Set());
      return undefined;
    }
    if (state !== 'connected') return undefined;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      const result = await call('desk:stories', {});
      // A failure leaves the marks as they were: the desk said nothing new.
      if (!cancelled && result.ok) setIds((known) => new Set([...known, ...result.value.stories.map((story) => story.storyId)]));
    };
    void read();
    const onFocus = () => void read();
    window.addEventListener('focus', onFocus);
    const offDrafts = onAppEvent('drafts:changed', (event) => {
      const fresh = event.ids.filter((id) => !heardOf.current.has(id));
      if (fresh.length === 0) return;
      for (const id of fresh) heardOf.current.add(id);
      clearTimeout(timer);
      timer = setTimeout(() => void read(), NEW_DRAFTS_DELAY_MS);
    });
    return () => {
      cancelled = true;
      clearTimeout(timer);
      offDrafts();
      window.removeEventListener('focus', onFocus);
    };
  }, [state, deskId]);

  const add = useCallback((id: string) => setIds((known) => new Set([...known, id])), []);
  return { ids, add };
}
