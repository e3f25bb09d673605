import { useCallback, useEffect, useRef, useState } from 'react';
import type { Feed } from '../../../../shared/model/feed';
import type { Board, BoardItem, ItemKey } from '../../../../shared/model/placement';
import { PlacementError } from '../../../../shared/rules/placement';
import { messageOf, request } from '../../api/newsdesk';
import { AnswerOrder } from '../../ui/answer-order';
import { useNotify } from '../../ui/components/Toasts';
import { applyChange, sendChange, shareBoard, undoOf, type BoardChange } from './board-changes';

/** How many changes Ctrl+Z can take back. */
const UNDO_DEPTH = 20;

export interface ChangeOptions {
  /** Not recorded for Undo (Undo's own changes). */
  skipUndo?: boolean;
  /** Errors are returned (rejected) instead of shown as a toast, for a dialog that shows them itself. */
  quiet?: boolean;
}

export interface ChangeOutcome {
  applied: boolean;
  /** Settles once main has answered; rejects with the reason when the change did not happen. */
  saved: Promise<void>;
  /** Names this change for undo(undoId); null when it was not recorded. */
  undoId: number | null;
}

interface UndoEntry {
  id: number;
  changes: BoardChange[];
}

export interface BoardModel {
  feeds: Feed[];
  board: Board | null;
  /** The board on screen right now, including changes made since the last render. */
  current(): Board | null;
  items: ReadonlyMap<ItemKey, BoardItem>;
  /** Why the board could not be loaded, if it could not. */
  loadError: string | null;
  /** Changes are on their way to main (shown as "Saving…"). */
  saving: boolean;
  /**
   * Applies a change at once and saves it in the background, after the changes before it. Returns
   * false (and says why) when the rules refuse it; `saved` settles once main has answered.
   */
  change(change: BoardChange, options?: ChangeOptions): ChangeOutcome;
  /** Adds an item's card facts (from the add dialog) before it is placed. */
  rememberItems(items: readonly BoardItem[]): void;
  /** Takes back the last change, or the one `undoId` names (a toast's Undo). */
  undo(undoId?: number): boolean;
  canUndo: boolean;
  /** Reads the board again (cards' headlines and statuses may have changed elsewhere). */
  refresh(): Promise<void>;
  setFeeds(feeds: Feed[]): void;
}

/**
 * Resolves once the change is on screen: a reorder paints first, then goes to main. A page that
 * paints no frames (a hidden window) still sends within a moment.
 */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 50);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        clearTimeout(timer);
        resolve();
      };
      channel.port2.postMessage(null);
    });
  });
}

function refused(message: string): ChangeOutcome {
  const saved = Promise.reject(new Error(message));
  saved.catch(() => undefined);
  return { applied: false, saved, undoId: null };
}

function mergeItems(map: ReadonlyMap<ItemKey, BoardItem>, items: readonly BoardItem[]): Map<ItemKey, BoardItem> {
  const next = new Map(map);
  for (const item of items) next.set(item.key, item);
  return next;
}

/**
 * The board as the desk sees it: main's last answer with the changes still on their way applied
 * on top. Changes are sent one after another, so quick successive moves are saved in the order
 * they were made; a refused change rolls the board back to what main holds and says why.
 */
export function useBoard(): BoardModel {
  const notify = useNotify();
  const [feeds, setFeedsState] = useState<Feed[]>([]);
  const [board, setBoard] = useState<Board | null>(null);
  const [items, setItems] = useState<ReadonlyMap<ItemKey, BoardItem>>(new Map());
  const [loadError, setLoadError] = useState<string | null>(null);
  const [undoDepth, setUndoDepth] = useState(0);
  const [saving, setSaving] = useState(false);
  const feedsRef = useRef<Feed[]>([]);
  /** What main last said. */
  const confirmed = useRef<Board | null>(null);
  /** Changes applied here and not yet answered by main, oldest first. */
  const pending = useRef<BoardChange[]>([]);
  /** The board on screen, kept in a ref so changes made within one frame build on each other. */
  const shown = useRef<Board | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const answers = useRef(new AnswerOrder());
  const undoStack = useRef<UndoEntry[]>([]);
  const nextUndoId = useRef(1);

  const show = useCallback((next: Board) => {
    const shared = shareBoard(shown.current, next);
    shown.current = shared;
    setBoard(shared);
  }, []);

  /** Main's board with every change still on its way applied on top (a refused one is skipped). */
  const replay = useCallback(() => {
    if (!confirmed.current) return;
    let next = confirmed.current;
    for (const change of pending.current) {
      try {
        next = applyChange(next, feedsRef.current, change);
      } catch {
        // Main will refuse it too and say why when its turn comes.
      }
    }
    show(next);
  }, [show]);

  const load = useCallback(async () => {
    try {
      const [settings, view] = await Promise.all([request('settings:get', {}), request('board:get', {})]);
      performance.mark('nd:board:data');
      feedsRef.current = settings.feeds;
      setFeedsState(settings.feeds);
      setItems(mergeItems(new Map(), view.items));
      confirmed.current = view.board;
      setLoadError(null);
      replay();
    } catch (error) {
      setLoadError(messageOf(error));
    }
  }, [replay]);

  useEffect(() => {
    void load();
  }, [load]);

  const refresh = useCallback(async () => {
    // After the changes on their way, so the answer includes them.
    await queue.current;
    const asked = answers.current.ask();
    try {
      const [settings, view] = await Promise.all([request('settings:get', {}), request('board:get', {})]);
      // Refreshes overlap (the desk shown again, a job that ended): an older answer arriving last
      // would put the board back, e.g. a card Published again after its retract.
      if (!answers.current.take(asked)) return;
      feedsRef.current = settings.feeds;
      setFeedsState(settings.feeds);
      setItems((map) => mergeItems(map, view.items));
      confirmed.current = view.board;
      replay();
    } catch (error) {
      notify(`The board could not be refreshed: ${messageOf(error)}`, { tone: 'error' });
    }
  }, [notify, replay]);

  const change = useCallback(
    (next: BoardChange, options: ChangeOptions = {}): ChangeOutcome => {
      const before = shown.current;
      if (!before) return refused('The board is still loading.');
      let after: Board;
      try {
        after = applyChange(before, feedsRef.current, next);
      } catch (error) {
        const message = error instanceof PlacementError ? error.message : messageOf(error);
        if (!options.quiet) notify(message, { tone: 'error' });
        return refused(message);
      }
      let undoId: number | null = null;
      if (!options.skipUndo) {
        undoId = nextUndoId.current++;
        undoStack.current = [...undoStack.current.slice(1 - UNDO_DEPTH), { id: undoId, changes: undoOf(before, next) }];
        setUndoDepth(undoStack.current.length);
      }
      pending.current.push(next);
      setSaving(true);
      show(after);
      let failure: string | null = null;
      queue.current = queue.current.then(async () => {
        try {
          await afterNextPaint();
          const answer = await sendChange(next);
          confirmed.current = answer.board;
          if (answer.items) setItems((map) => mergeItems(map, answer.items ?? []));
        } catch (error) {
          failure = messageOf(error);
          if (!options.quiet) notify(failure, { tone: 'error' });
          // Back to what main holds: the change did not happen there.
          try {
            confirmed.current = (await request('board:get', {})).board;
          } catch {
            // Keep main's last answer; the next change or refresh reads it again.
          }
        } finally {
          pending.current.shift();
          if (pending.current.length === 0) setSaving(false);
          replay();
        }
      });
      const saved = queue.current.then(() => {
        if (failure !== null) throw new Error(failure);
      });
      // A caller that does not wait still must not leave an unhandled rejection behind.
      saved.catch(() => undefined);
      return { applied: true, saved, undoId };
    },
    [notify, replay, show],
  );

  const undo = useCallback(
    (undoId?: number) => {
      const stack = undoStack.current;
      const at = undoId === undefined ? stack.length - 1 : stack.findIndex((entry) => entry.id === undoId);
      const entry = stack[at];
      if (!entry) return false;
      undoStack.current = stack.filter((_, i) => i !== at);
      setUndoDepth(undoStack.current.length);
      for (const step of entry.changes) change(step, { skipUndo: true });
      return entry.changes.length > 0;
    },
    [change],
  );

  const rememberItems = useCallback((list: readonly BoardItem[]) => setItems((map) => mergeItems(map, list)), []);

  const setFeeds = useCallback(
    (next: Feed[]) => {
      feedsRef.current = next;
      setFeedsState(next);
      replay();
    },
    [replay],
  );

  const current = useCallback(() => shown.current, []);

  return { feeds, board, current, items, loadError, saving, change, rememberItems, undo, canUndo: undoDepth > 0, refresh, setFeeds };
}
