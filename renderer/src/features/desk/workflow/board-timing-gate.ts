import { createContext, useCallback, useEffect, useState } from 'react';
import { publisherOnly } from '../../../../../shared/desk/publisher-gates';
import { hasRole } from '../../../../../shared/desk/roles';
import { call, onAppEvent } from '../../../api/newsdesk';

/** Why a board card's timing (schedule, embargo, expiry) is closed to the user, or null when it is open. */
export type TimingClosed = (key: string) => string | null;

const OPEN: TimingClosed = () => null;
const NONE: ReadonlySet<string> = new Set();

/** Whether two answers close the same cards: an unchanged answer must not re-render every card. */
export function sameKeys(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const key of a) if (!b.has(key)) return false;
  return true;
}

/** The board's answer for every card, given once by the board so each card does not ask the desk. */
export const BoardTimingGate = createContext<TimingClosed>(OPEN);

/**
 * Which cards' timing the user may not change: the desk stories on the board, unless the desk says
 * the user is a publisher. Read again when the desk connection or the desk's board changes.
 * Unknown (offline, signed out) leaves every card open: main asks the desk again before it saves.
 * `cards` changes when cards come onto the board or go (the board's placements): a card placed or
 * shared since is looked at again. A move or a pin keeps them, and asks the desk nothing.
 */
export function useBoardTimingGate(cards: unknown): TimingClosed {
  const [closed, setClosed] = useState<ReadonlySet<string>>(NONE);

  useEffect(() => {
    let cancelled = false;
    const read = async (): Promise<void> => {
      const [roles, desk] = await Promise.all([call('desk:myRoles', {}), call('desk:boardStories', {})]);
      if (cancelled) return;
      const publisher = !roles.ok || roles.value === null || hasRole(roles.value, 'publisher');
      const next = publisher || !desk.ok ? NONE : new Set(desk.value.keys);
      setClosed((previous) => (sameKeys(previous, next) ? previous : next));
    };
    void read();
    const offStatus = onAppEvent('desk:statusChanged', () => void read());
    const offBoard = onAppEvent('desk:boardChanged', () => void read());
    return () => {
      cancelled = true;
      offStatus();
      offBoard();
    };
  }, [cards]);

  return useCallback((key: string) => (closed.has(key) ? publisherOnly('schedule') : null), [closed]);
}
