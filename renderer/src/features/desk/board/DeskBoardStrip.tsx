import { useEffect, useMemo, useState } from 'react';
import type { Board } from '../../../../../shared/model/placement';
import { call, onAppEvent } from '../../../api/newsdesk';
import { useDeskStatus } from '../desk-status';
import { deskBoardLine } from './desk-board-line';

/** Several moves from the desk in a burst are read once. */
const REFRESH_DELAY_MS = 100;

/** Reads the board again when someone on the desk changed it. */
export function useDeskBoardRefresh(refresh: () => Promise<void>): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = onAppEvent('desk:boardChanged', () => {
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), REFRESH_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [refresh]);
}

/**
 * One line above the board saying whose board this is: shared with the desk (and whether the desk
 * can be reached now), how many cards are desk stories that move for everyone, and that local
 * items stay on this machine. Signed out, the board is this machine's only and nothing is shown.
 */
export function DeskBoardStrip({ board }: { board: Board }) {
  const status = useDeskStatus();
  const state = status?.state ?? 'signed-out';
  const deskId = status?.desk?.id ?? null;
  const [deskKeys, setDeskKeys] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (state === 'signed-out') return undefined;
    let cancelled = false;
    // Main knows which cards are desk stories; asked again whenever the board changes.
    void call('desk:boardStories', {}).then((result) => {
      if (!cancelled && result.ok) setDeskKeys(new Set(result.value.keys));
    });
    return () => {
      cancelled = true;
    };
  }, [board, state, deskId]);
  const counts = useMemo(() => {
    const keys = Object.keys(board.placements);
    const desk = keys.filter((key) => deskKeys.has(key)).length;
    return { desk, local: keys.length - desk };
  }, [board, deskKeys]);
  const line = deskBoardLine(status, counts);
  if (!line) return null;
  return (
    <p className={`nd-desk-board-strip nd-desk-board-strip--${line.tone}`} data-testid="desk-board-strip" role="status">
      <span className="nd-desk-board-strip__dot" aria-hidden="true" />
      <strong>{line.title}</strong> <span>{line.detail}</span>
    </p>
  );
}
