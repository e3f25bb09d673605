import { useMemo, useRef, type KeyboardEvent } from 'react';
import { feedAccepts, type Feed } from '../../../../shared/model/feed';
import type { Board, BoardItem, ItemKey } from '../../../../shared/model/placement';
import { entriesOf } from '../../../../shared/rules/placement';
import { useNotify } from '../../ui/components/Toasts';
import { cardKeyAction, moveAnnouncement, neighbourFeed } from './board-keyboard';
import { headlineOf } from './card-facts';
import type { CardActions } from './PlacementCard';
import type { BoardModel } from './useBoard';

export interface CardActionDeps {
  /** The board's columns: the feeds that are not archived, in settings order. */
  columns: readonly Feed[];
  model: Pick<BoardModel, 'change' | 'undo' | 'current'>;
  items: ReadonlyMap<ItemKey, BoardItem>;
  onSchedule(key: ItemKey, feedId: string): void;
  onPreview(key: ItemKey): void;
  onEditVideo(key: ItemKey): void;
  onRetract(key: ItemKey): void;
  announce(text: string): void;
  focusCard(feedId: string, key: ItemKey): void;
}

export function kindOfKey(key: ItemKey): 'article' | 'video' {
  return key.startsWith('video:') ? 'video' : 'article';
}

/** The places an item may go from a feed's column: a card at `index` with this pin state. */
function allowedRange(board: Board, feedId: string, pinned: boolean): [number, number] {
  const entries = entriesOf(board, feedId);
  const pinnedCount = entries.filter((entry) => entry.pinned).length;
  return pinned ? [0, pinnedCount - 1] : [pinnedCount, entries.length - 1];
}

/**
 * Everything a card can do, as one object that never changes identity (it reads the latest board
 * through refs), so memoized cards do not re-render when the board does.
 */
export function useCardActions(deps: CardActionDeps): CardActions & { move(key: ItemKey, fromFeedId: string, toFeedId: string, toIndex: number): boolean } {
  const notify = useNotify();
  const ref = useRef(deps);
  ref.current = deps;

  return useMemo(() => {
    const d = () => ref.current;
    const headline = (key: ItemKey) => headlineOf(d().items.get(key));
    const feedName = (feedId: string) => d().columns.find((feed) => feed.id === feedId)?.name ?? feedId;

    const move = (key: ItemKey, fromFeedId: string, toFeedId: string, toIndex: number): boolean => {
      const { model, announce, focusCard } = d();
      if (!model.change({ kind: 'move', key, fromFeedId, toFeedId, toIndex }).applied) return false;
      const entries = entriesOf(model.current()!, toFeedId);
      announce(moveAnnouncement(headline(key), entries.findIndex((entry) => entry.key === key), entries.length, feedName(toFeedId)));
      focusCard(toFeedId, key);
      return true;
    };

    const remove = (key: ItemKey, feedId: string) => {
      const { model, announce, focusCard } = d();
      const before = entriesOf(model.current()!, feedId);
      const index = before.findIndex((entry) => entry.key === key);
      const outcome = model.change({ kind: 'remove', key, feedId });
      if (!outcome.applied) return;
      const text = `Removed “${headline(key)}” from ${feedName(feedId)}.`;
      announce(text);
      notify(text, { action: { label: 'Undo', run: () => model.undo(outcome.undoId ?? undefined) } });
      const next = before[index + 1] ?? before[index - 1];
      if (next) focusCard(feedId, next.key);
    };

    const pin = (key: ItemKey, feedId: string, pinned: boolean) => {
      const { model, announce, focusCard } = d();
      if (!model.change({ kind: 'pin', key, feedId, pinned }).applied) return;
      announce(pinned ? `Pinned “${headline(key)}” as the top story of ${feedName(feedId)}` : `Unpinned “${headline(key)}”`);
      // The card moved (to the top, or below the pinned ones): focus goes with it.
      if (document.activeElement?.closest('[data-testid="placement-card"]')?.getAttribute('data-item-key') === key) focusCard(feedId, key);
    };

    const moveTargets = (key: ItemKey, feedId: string): Feed[] => {
      const board = d().model.current();
      if (!board) return [];
      const kind = d().items.get(key)?.kind ?? kindOfKey(key);
      return d().columns.filter((feed) => feed.id !== feedId && feedAccepts(feed, kind) && !entriesOf(board, feed.id).some((entry) => entry.key === key));
    };

    const keyDown = (event: KeyboardEvent<HTMLElement>, key: ItemKey, feedId: string) => {
      // Keys on the card's own buttons are theirs (Enter presses them, Space too).
      if (event.target !== event.currentTarget) return;
      const action = cardKeyAction(event);
      const board = d().model.current();
      if (!action || !board) return;
      event.preventDefault();
      const { columns, announce, focusCard } = d();
      const entries = entriesOf(board, feedId);
      const index = entries.findIndex((entry) => entry.key === key);
      const entry = entries[index];
      if (!entry) return;
      switch (action.type) {
        case 'move': {
          const [low, high] = allowedRange(board, feedId, entry.pinned);
          const target = index + action.delta;
          if (target < low || target > high) {
            const edge = action.delta < 0 ? (entry.pinned || low === 0 ? 'already first' : 'below the pinned top story') : 'already last';
            announce(`“${headline(key)}” is ${edge} in ${feedName(feedId)}`);
            return;
          }
          move(key, feedId, feedId, target);
          return;
        }
        case 'move-feed': {
          const kind = d().items.get(key)?.kind ?? kindOfKey(key);
          const to = neighbourFeed(columns, board, key, kind, feedId, action.direction);
          if (!to) {
            const side = action.direction < 0 ? 'left' : 'right';
            announce(`No feed to the ${side} takes “${headline(key)}”`);
            notify(`No feed to the ${side} takes this ${kind === 'video' ? 'video' : 'article'} (or it is already there).`);
            return;
          }
          move(key, feedId, to.id, Math.min(index, entriesOf(board, to.id).length));
          return;
        }
        case 'focus': {
          const last = entries.length - 1;
          const target = { previous: index - 1, next: index + 1, first: 0, last }[action.to];
          const next = entries[Math.max(0, Math.min(last, target))];
          if (next) focusCard(feedId, next.key);
          return;
        }
        case 'focus-feed': {
          const at = columns.findIndex((feed) => feed.id === feedId);
          for (let i = at + action.direction; i >= 0 && i < columns.length; i += action.direction) {
            const other = entriesOf(board, columns[i]!.id);
            const next = other[Math.min(index, other.length - 1)];
            if (next) return focusCard(columns[i]!.id, next.key);
          }
          return;
        }
        case 'pin':
          return pin(key, feedId, !entry.pinned);
        case 'schedule':
          return d().onSchedule(key, feedId);
        case 'remove':
          return remove(key, feedId);
        case 'preview':
          return d().onPreview(key);
      }
    };

    return {
      move,
      remove,
      pin,
      moveTargets,
      keyDown,
      schedule: (key: ItemKey, feedId: string) => d().onSchedule(key, feedId),
      preview: (key: ItemKey) => d().onPreview(key),
      editVideo: (key: ItemKey) => d().onEditVideo(key),
      retract: (key: ItemKey) => d().onRetract(key),
      moveTo: (key: ItemKey, fromFeedId: string, toFeedId: string) => {
        const board = d().model.current();
        if (board) move(key, fromFeedId, toFeedId, entriesOf(board, toFeedId).length);
      },
    };
  }, [notify]);
}
