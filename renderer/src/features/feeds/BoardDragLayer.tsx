import { DndContext, DragOverlay, MeasuringStrategy, useDraggable, useDroppable, type Announcements, type DragEndEvent, type DragMoveEvent, type SensorDescriptor, type SensorOptions } from '@dnd-kit/core';
import { memo, useLayoutEffect, useMemo, useRef, type MutableRefObject, type PointerEvent, type ReactNode, type RefObject } from 'react';
import type { ItemKey } from '../../../../shared/model/placement';
import { boardCollisions, type CardDragData, type ColumnDropData } from './useBoardDrag';

/** The board's one draggable: it stands for whichever card was pressed. */
const CARD_DRAGGABLE = 'board-card';
const MEASURING = { droppable: { strategy: MeasuringStrategy.WhileDragging } };

/** Starts dnd-kit's pointer sensor for a press on a card's row (the row is what dnd-kit measures). */
export type StartCardDrag = (event: PointerEvent<HTMLElement>, row: HTMLElement) => void;

/** Marks a card's row: the board finds the pressed card from these. */
export const rowDragAttributes = (feedId: string, key: ItemKey) => ({ 'data-drag-feed': feedId, 'data-drag-key': key });

/** The card row a press landed on, if any. */
export function pressedCard(target: EventTarget): { row: HTMLElement; card: CardDragData } | null {
  const row = target instanceof Element ? target.closest<HTMLElement>('[data-drag-key]') : null;
  const feedId = row?.dataset.dragFeed;
  const key = row?.dataset.dragKey;
  return row && feedId && key ? { row, card: { feedId, key } } : null;
}

function CardDraggable({ start }: { start: MutableRefObject<StartCardDrag | null> }) {
  const { listeners, setNodeRef } = useDraggable({ id: CARD_DRAGGABLE });
  useLayoutEffect(() => {
    start.current = (event, row) => {
      setNodeRef(row);
      listeners?.onPointerDown?.(event);
    };
    return () => {
      start.current = null;
    };
  }, [listeners, setNodeRef, start]);
  return null;
}

/** A column's drop zone: its list, found in the board (the column itself renders no dnd-kit hook). */
function ColumnDropZone({ feedId, board }: { feedId: string; board: RefObject<HTMLElement | null> }) {
  const list = useRef<HTMLElement | null>(null);
  const { setNodeRef } = useDroppable({ id: `column:${feedId}`, data: { type: 'column', feedId, list } satisfies ColumnDropData });
  useLayoutEffect(() => {
    list.current = board.current?.querySelector<HTMLElement>(`[data-testid="feed-column"][data-feed-id="${CSS.escape(feedId)}"] .nd-column__list`) ?? null;
    // The zone inside the list, so dnd-kit scrolls the list when a drag nears its edge.
    setNodeRef(list.current?.querySelector<HTMLElement>('.nd-column__drop-zone') ?? null);
  }, [board, feedId, setNodeRef]);
  return null;
}

interface BoardDragLayerProps {
  /** The board's element, which holds the columns. */
  board: RefObject<HTMLElement | null>;
  feedIds: readonly string[];
  start: MutableRefObject<StartCardDrag | null>;
  sensors: SensorDescriptor<SensorOptions>[];
  announcements: Announcements;
  onDragStart(): void;
  onDragMove(event: DragMoveEvent): void;
  onDragEnd(event: DragEndEvent): void;
  onDragCancel(): void;
  /** The dragged card's picture, drawn under the pointer. */
  overlay: ReactNode;
}

/**
 * Drag and drop for the board, beside its columns rather than around them: one draggable handed
 * the pressed card's row, and one drop zone per column. The columns and cards render no dnd-kit
 * hook, so a move on the board does not render dnd-kit, nor dnd-kit the board as a drag moves, and
 * the board can show before this layer is mounted.
 */
export const BoardDragLayer = memo(function BoardDragLayer({ board, feedIds, start, sensors, announcements, onDragStart, onDragMove, onDragEnd, onDragCancel, overlay }: BoardDragLayerProps) {
  const accessibility = useMemo(() => ({ announcements }), [announcements]);
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={boardCollisions}
      measuring={MEASURING}
      onDragStart={onDragStart}
      onDragMove={onDragMove}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
      accessibility={accessibility}
    >
      <CardDraggable start={start} />
      {feedIds.map((feedId) => (
        <ColumnDropZone key={feedId} feedId={feedId} board={board} />
      ))}
      <DragOverlay dropAnimation={null}>{overlay}</DragOverlay>
    </DndContext>
  );
});
