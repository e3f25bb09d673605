import { useCallback, useRef, useState } from 'react';
import type { Desk } from '../features/desktop';
import { SEND_PATH } from '../features/publishing';
import { ICON_PATHS } from '../ui/components/Icon';

export const DESKS: { id: Desk; label: string; key: string; icon: string }[] = [
  { id: 'articles', label: 'Articles', key: '1', icon: 'M5 3h10v14H5zM7.5 7h5M7.5 10h5M7.5 13h3' },
  { id: 'photos', label: 'Photos', key: '2', icon: 'M3 5h14v11H3zM3 13l4-4 4 4 2-2 4 4M13 8.5h.01' },
  { id: 'feeds', label: 'Feeds', key: '3', icon: ICON_PATHS.feeds },
  { id: 'outbox', label: 'Outbox', key: '4', icon: SEND_PATH },
  { id: 'budget', label: 'Budget', key: '5', icon: 'M3 4h14v12H3zM3 8h14M8 8v8M11 11h4M11 14h3' },
];

/** Typing "/" in these is text, not the search shortcut. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || (target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'checkbox');
}

export interface Desks {
  desk: Desk;
  /** The desk on show, for listeners registered once (they must not hold a stale desk). */
  deskRef: { readonly current: Desk };
  /** Which desks have been shown at least once: each mounts then, and stays mounted. */
  opened: Record<Exclude<Desk, 'articles'>, boolean>;
  show(next: Desk): void;
}

/** Which desk the window shows, and which ones were mounted so far (the drafting desk always is). */
export function useDesks(): Desks {
  const [desk, setDesk] = useState<Desk>('articles');
  const [opened, setOpened] = useState({ photos: false, feeds: false, outbox: false, budget: false });
  const deskRef = useRef(desk);
  deskRef.current = desk;
  // Stable: listeners registered once call it.
  const show = useCallback((next: Desk) => {
    setDesk(next);
    if (next !== 'articles') setOpened((was) => (was[next] ? was : { ...was, [next]: true }));
  }, []);
  return { desk, deskRef, opened, show };
}
