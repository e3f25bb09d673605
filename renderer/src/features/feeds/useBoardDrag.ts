import {
  PointerSensor,
  closestCenter,
  pointerWithin,
  useSensor,
  useSensors,
  type Announcements,
  type ClientRect,
  type CollisionDetection,
  type DragEndEvent,
  type DragMoveEvent,
  type Over,
} from '@dnd-kit/core';
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import { feedAccepts, type Feed } from '../../../../shared/model/feed';
import type { Board, BoardItem, ItemKey } from '../../../../shared/model/placement';
import { entriesOf } from '../../../../shared/rules/placement';
import { insertSlot, nearestSlot } from './board-drop';
import { headlineOf } from './card-facts';
import { kindOfKey } from './useCardActions';

/** A press must travel this far before it becomes a drag, so clicks on a card's buttons stay clicks. */
const POINTER = { activationConstraint: { distance: 6 } };

/** The card pressed or dragged: its feed and key. */
export interface CardDragData {
  feedId: string;
  key: ItemKey;
}
/** What a column's drop zone (its list) tells the drag: its feed, and the list to read the scroll of. */
export interface ColumnDropData {
  type: 'column';
  feedId: string;
  list: RefObject<HTMLElement | null>;
}

export interface DropTarget {
  feedId: string;
  index: number;
  accepted: boolean;
}

/** Columns are the only drop zones: the one under the pointer, else the nearest. */
export const boardCollisions: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  return within.length > 0 ? within.slice(0, 1) : closestCenter(args).slice(0, 1);
};

/**
 * Where the dragged card would land: the feed and the index in its order without the card, from
 * the dragged card's middle over the column's list (rows all have one height).
 */
export function dropFor(board: Board, columns: readonly Feed[], from: CardDragData, over: Over, dragged: ClientRect | null): DropTarget | null {
  const data = over.data.current as ColumnDropData | undefined;
  if (data?.type !== 'column') return null;
  const feed = columns.find((f) => f.id === data.feedId);
  if (!feed) return null;
  const entries = entriesOf(board, feed.id);
  const same = feed.id === from.feedId;
  let index: number;
  if (!dragged) index = same ? entries.length - 1 : entries.length;
  else {
    // Read now: the list may have scrolled since the drag began (the drag scrolls it near an edge).
    const list = data.list.current;
    const y = dragged.top + dragged.height / 2 - (list ? list.getBoundingClientRect().top - list.scrollTop : over.rect.top);
    index = same ? nearestSlot(y, entries.length) : insertSlot(y, entries.length);
  }
  const placement = board.placements[from.key];
  const kind = placement?.item.kind ?? kindOfKey(from.key);
  const accepted = same || (feedAccepts(feed, kind) && !entries.some((entry) => entry.key === from.key));
  return { feedId: feed.id, index: Math.max(0, index), accepted };
}

const sameDrop = (a: DropTarget | null, b: DropTarget | null) => a?.feedId === b?.feedId && a?.index === b?.index && a?.accepted === b?.accepted;

export interface BoardDragDeps {
  columns: readonly Feed[];
  current(): Board | null;
  items: ReadonlyMap<ItemKey, BoardItem>;
  /** Commits the drop (through the same move as the keyboard); false when the rules refused it. */
  move(key: ItemKey, fromFeedId: string, toFeedId: string, toIndex: number): boolean;
}

/**
 * Drag and drop on the board: what is dragged, where it would land, and the drop itself. The board
 * has one draggable, handed the pressed card's row when a press begins (see BoardDragLayer), so
 * cards are plain components that register nothing and are measured only when dragged.
 */
export function useBoardDrag(deps: BoardDragDeps) {
  const ref = useRef(deps);
  ref.current = deps;
  const sensors = useSensors(useSensor(PointerSensor, POINTER));
  /** The card last pressed: the one a drag that starts now picks up. */
  const pressed = useRef<CardDragData | null>(null);
  const [active, setActive] = useState<CardDragData | null>(null);
  // Where the card would land: another column draws a line there; its own column makes room.
  const [dropTarget, setDropTarget] = useState<DropTarget | null>(null);

  const press = useCallback((card: CardDragData) => {
    pressed.current = card;
  }, []);

  const onDragStart = useCallback(() => {
    setActive(pressed.current);
  }, []);

  const onDragMove = useCallback((event: DragMoveEvent) => {
    const board = ref.current.current();
    const from = pressed.current;
    const target = board && from && event.over ? dropFor(board, ref.current.columns, from, event.over, event.active.rect.current.translated) : null;
    setDropTarget((previous) => (sameDrop(previous, target) ? previous : target));
  }, []);

  const end = useCallback(() => {
    setActive(null);
    setDropTarget(null);
  }, []);

  const onDragEnd = useCallback(
    (event: DragEndEvent) => {
      end();
      const board = ref.current.current();
      const from = pressed.current;
      if (!board || !from || !event.over) return;
      const target = dropFor(board, ref.current.columns, from, event.over, event.active.rect.current.translated);
      if (!target) return;
      const fromIndex = entriesOf(board, from.feedId).findIndex((entry) => entry.key === from.key);
      if (target.feedId === from.feedId && target.index === fromIndex) return;
      // A refused drop still goes through the rules, which say why; the board stays as it was.
      ref.current.move(from.key, from.feedId, target.feedId, target.index);
    },
    [end],
  );

  const announcements = useMemo<Announcements>(() => {
    const name = () => headlineOf(ref.current.items.get(pressed.current?.key ?? ''));
    return {
      onDragStart: () => `Picked up “${name()}”.`,
      onDragOver: () => undefined,
      onDragEnd: () => undefined, // the move itself is announced by the board
      onDragCancel: () => `“${name()}” was put back.`,
    };
  }, []);

  return { sensors, active, dropTarget, press, onDragStart, onDragMove, onDragEnd, onDragCancel: end, announcements };
}
