import {
  PointerSensor,
  closestCenter,
  pointerWithin,
  useSensor,
  useSensors,
  type Active,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
  type Over,
} from '@dnd-kit/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import { feedAccepts, type Feed } from '../../../../shared/model/feed';
import type { Board, BoardItem, ItemKey } from '../../../../shared/model/placement';
import { entriesOf } from '../../../../shared/rules/placement';
import { headlineOf } from './card-facts';
import type { CardDragData, ColumnDropData } from './FeedColumn';
import { kindOfKey } from './useCardActions';

/** A press must travel this far before it becomes a drag, so clicks on a card's buttons stay clicks. */
const POINTER = { activationConstraint: { distance: 6 } };

type DropData = CardDragData | ColumnDropData;

export interface DropTarget {
  feedId: string;
  index: number;
  accepted: boolean;
}

/**
 * Which column the pointer is in decides the column; within it, the nearest card. Plain
 * closestCenter would pick a column's own droppable (its middle) over the cards near the pointer.
 */
export const boardCollisions: CollisionDetection = (args) => {
  const columns = args.droppableContainers.filter((c) => (c.data.current as DropData | undefined)?.type === 'column');
  const column = pointerWithin({ ...args, droppableContainers: columns })[0] ?? closestCenter({ ...args, droppableContainers: columns })[0];
  if (!column) return [];
  const feedId = (columns.find((c) => c.id === column.id)?.data.current as ColumnDropData).feedId;
  const cards = args.droppableContainers.filter((c) => {
    const data = c.data.current as DropData | undefined;
    return data?.type === 'card' && data.feedId === feedId;
  });
  const nearest = closestCenter({ ...args, droppableContainers: cards });
  return nearest.length > 0 ? nearest : [column];
};

/** Where the dragged card would land: the feed and the index in its order without the card. */
function dropFor(board: Board, columns: readonly Feed[], active: Active, over: Over): DropTarget | null {
  const from = active.data.current as CardDragData | undefined;
  const data = over.data.current as DropData | undefined;
  if (!from || !data) return null;
  const feed = columns.find((f) => f.id === data.feedId);
  if (!feed) return null;
  const entries = entriesOf(board, feed.id);
  const same = feed.id === from.feedId;
  let index: number;
  if (data.type === 'column') index = same ? entries.length - 1 : entries.length;
  else {
    const overIndex = entries.findIndex((entry) => entry.key === data.key);
    if (same) index = overIndex;
    else {
      // Into another column: before the card under it, or after it past its middle.
      const dragged = active.rect.current.translated;
      const below = dragged !== null && dragged.top + dragged.height / 2 > over.rect.top + over.rect.height / 2;
      index = overIndex + (below ? 1 : 0);
    }
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

/** Drag and drop on the board: what is dragged, where it would land, and the drop itself. */
export function useBoardDrag(deps: BoardDragDeps) {
  const ref = useRef(deps);
  ref.current = deps;
  const sensors = useSensors(useSensor(PointerSensor, POINTER));
  const [active, setActive] = useState<CardDragData | null>(null);
  // Only drops into another column are shown this way; within a column the cards make room.
  const [dropTarget, setDropTarget] = useState<DropTarget | null>(null);

  const onDragStart = useCallback((event: DragStartEvent) => {
    setActive((event.active.data.current as CardDragData | undefined) ?? null);
  }, []);

  const onDragMove = useCallback((event: DragMoveEvent) => {
    const board = ref.current.current();
    const target = board && event.over ? dropFor(board, ref.current.columns, event.active, event.over) : null;
    const shown = target && target.feedId !== (event.active.data.current as CardDragData | undefined)?.feedId ? target : null;
    setDropTarget((previous) => (sameDrop(previous, shown) ? previous : shown));
  }, []);

  const end = useCallback(() => {
    setActive(null);
    setDropTarget(null);
  }, []);

  const onDragEnd = useCallback(
    (event: DragEndEvent) => {
      end();
      const board = ref.current.current();
      const from = event.active.data.current as CardDragData | undefined;
      if (!board || !from || !event.over) return;
      const target = dropFor(board, ref.current.columns, event.active, event.over);
      if (!target) return;
      const fromIndex = entriesOf(board, from.feedId).findIndex((entry) => entry.key === from.key);
      if (target.feedId === from.feedId && target.index === fromIndex) return;
      // A refused drop still goes through the rules, which say why; the board stays as it was.
      ref.current.move(from.key, from.feedId, target.feedId, target.index);
    },
    [end],
  );

  const announcements = useMemo<Announcements>(() => {
    const name = (a: Active) => headlineOf(ref.current.items.get((a.data.current as CardDragData | undefined)?.key ?? ''));
    return {
      onDragStart: ({ active: a }) => `Picked up “${name(a)}”.`,
      onDragOver: () => undefined,
      onDragEnd: () => undefined, // the move itself is announced by the board
      onDragCancel: ({ active: a }) => `“${name(a)}” was put back.`,
    };
  }, []);

  return { sensors, active, dropTarget, onDragStart, onDragMove, onDragEnd, onDragCancel: end, announcements };
}
