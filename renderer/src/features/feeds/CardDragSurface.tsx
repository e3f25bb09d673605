import { useDraggable } from '@dnd-kit/core';
import type { PointerEvent, ReactNode } from 'react';
import type { ItemKey } from '../../../../shared/model/placement';
import type { CardDragData } from './useBoardDrag';

/** The board's one draggable: it stands for whichever card was pressed. */
const CARD_DRAGGABLE = 'board-card';

/** Marks a card's row: the surface finds the pressed card from these. */
export const rowDragAttributes = (feedId: string, key: ItemKey) => ({ 'data-drag-feed': feedId, 'data-drag-key': key });

interface CardDragSurfaceProps {
  className: string;
  /** Tells the board which card a drag starting now would pick up. */
  onPress(card: CardDragData): void;
  children: ReactNode;
}

/**
 * The board's area where cards are pressed. A press on a card's row hands that row to the one
 * draggable and starts dnd-kit's pointer sensor, instead of every card registering as a draggable
 * and a drop zone of its own (hooks, context updates and a measuring per rendered card). Children
 * come from the board, so this re-rendering as the drag moves does not render the columns.
 */
export function CardDragSurface({ className, onPress, children }: CardDragSurfaceProps) {
  const { listeners, setNodeRef } = useDraggable({ id: CARD_DRAGGABLE });

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const row = (event.target as Element).closest<HTMLElement>('[data-drag-key]');
    const feedId = row?.dataset.dragFeed;
    const key = row?.dataset.dragKey;
    if (!row || !feedId || !key) return;
    onPress({ feedId, key });
    // The row is what dnd-kit measures when the drag starts (where the overlay begins).
    setNodeRef(row);
    listeners?.onPointerDown?.(event);
  };

  return (
    <div className={className} data-testid="feed-board" onPointerDown={onPointerDown}>
      {children}
    </div>
  );
}
