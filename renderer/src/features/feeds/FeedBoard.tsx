import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import type { Feed } from '../../../../shared/model/feed';
import type { Board, BoardItem, FeedEntry, ItemKey } from '../../../../shared/model/placement';
import { boardStatus, pinConflicts } from '../../../../shared/rules/placement';
import { BoardDragLayer, pressedCard, type StartCardDrag } from './BoardDragLayer';
import { FeedColumn } from './FeedColumn';
import { PlacementCard } from './PlacementCard';
import type { BoardModel } from './useBoard';
import { useBoardDrag } from './useBoardDrag';
import { useCardActions } from './useCardActions';

const NO_ENTRIES: FeedEntry[] = [];
const NO_KEYS: ItemKey[] = [];
/** Statuses move with the clock (scheduled → ready, expired): the board looks again this often. */
const CLOCK_MS = 30_000;

export interface FeedBoardProps {
  /** The feeds shown as columns: not archived, in settings order. */
  columns: Feed[];
  board: Board;
  items: ReadonlyMap<ItemKey, BoardItem>;
  model: Pick<BoardModel, 'change' | 'undo' | 'current'>;
  onAdd(feed: Feed): void;
  onSchedule(key: ItemKey, feedId: string): void;
  onPreview(key: ItemKey): void;
  onRetract(key: ItemKey): void;
  onEditVideo(key: ItemKey): void;
}

/**
 * Marks, for the board benchmark, when the board first renders and the first frame painted with
 * its columns: data → frame is the first render ('nd:board:data' is marked when the data arrives).
 */
function useFirstPaintMark() {
  const rendered = useRef(false);
  if (!rendered.current) {
    rendered.current = true;
    performance.mark('nd:board:render');
  }
  useLayoutEffect(() => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        performance.mark('nd:board:painted');
        performance.measure('nd:board:render-to-paint', 'nd:board:render', 'nd:board:painted');
        if (performance.getEntriesByName('nd:board:data').length > 0) performance.measure('nd:board:first-render', 'nd:board:data', 'nd:board:painted');
      };
      channel.port2.postMessage(null);
    });
  }, []);
}

/** The placement board: one column per feed, cards dragged or moved by keyboard between them. */
export function FeedBoard({ columns, board, items, model, onAdd, onSchedule, onPreview, onEditVideo, onRetract }: FeedBoardProps) {
  const [now, setNow] = useState(() => Date.now());
  const [focusRequest, setFocusRequest] = useState<{ feedId: string; key: ItemKey; seq: number } | null>(null);
  const liveRef = useRef<HTMLParagraphElement>(null);
  useFirstPaintMark();

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_MS);
    return () => clearInterval(timer);
  }, []);

  const announce = useCallback((text: string) => {
    // Written straight into the live region: announcing must not re-render the board.
    if (liveRef.current) liveRef.current.textContent = text;
  }, []);
  const focusCard = useCallback((feedId: string, key: ItemKey) => setFocusRequest((last) => ({ feedId, key, seq: (last?.seq ?? 0) + 1 })), []);

  const actions = useCardActions({ columns, model, items, onSchedule, onPreview, onEditVideo, onRetract, announce, focusCard });
  const drag = useBoardDrag({ columns, current: model.current, items, move: actions.move });

  const boardRef = useRef<HTMLDivElement>(null);
  const startDrag = useRef<StartCardDrag | null>(null);
  const feedIds = useMemo(() => columns.map((feed) => feed.id), [columns]);
  // Drag and drop is set up once the board has shown: its first frame waits for no drag library.
  const [dragReady, setDragReady] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setDragReady(true))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const pressed = pressedCard(event.target);
    if (!pressed || !startDrag.current) return;
    drag.press(pressed.card);
    startDrag.current(event, pressed.row);
  };

  const dragged = drag.active;
  const draggedItem = dragged ? items.get(dragged.key) : undefined;
  const draggedPlacement = dragged ? board.placements[dragged.key] : undefined;
  const draggedEntries = dragged ? (board.feeds[dragged.feedId] ?? NO_ENTRIES) : NO_ENTRIES;
  const draggedIndex = dragged ? draggedEntries.findIndex((entry) => entry.key === dragged.key) : -1;

  return (
    <>
      <div ref={boardRef} className={`nd-board${dragged ? ' nd-board--dragging' : ''}`} data-testid="feed-board" onPointerDown={onPointerDown}>
        {columns.map((feed) => {
          const conflicts = pinConflicts(board, feed.id);
          return (
            <FeedColumn
              key={feed.id}
              feed={feed}
              entries={board.feeds[feed.id] ?? NO_ENTRIES}
              placements={board.placements}
              items={items}
              conflicts={conflicts.length > 0 ? conflicts : NO_KEYS}
              now={now}
              actions={actions}
              onAdd={onAdd}
              draggingKey={dragged && dragged.feedId === feed.id ? dragged.key : null}
              dropTarget={drag.dropTarget && drag.dropTarget.feedId === feed.id ? drag.dropTarget : null}
              focusRequest={focusRequest && focusRequest.feedId === feed.id ? focusRequest : null}
            />
          );
        })}
      </div>
      {dragReady && (
        <BoardDragLayer
          board={boardRef}
          feedIds={feedIds}
          start={startDrag}
          sensors={drag.sensors}
          announcements={drag.announcements}
          onDragStart={drag.onDragStart}
          onDragMove={drag.onDragMove}
          onDragEnd={drag.onDragEnd}
          onDragCancel={drag.onDragCancel}
          overlay={
            dragged && draggedPlacement ? (
              <PlacementCard
                itemKey={dragged.key}
                feedId={dragged.feedId}
                item={draggedItem}
                placement={draggedPlacement}
                status={boardStatus(draggedPlacement, draggedItem, now)}
                pinned={draggedEntries[draggedIndex]?.pinned ?? false}
                conflict={false}
                index={draggedIndex}
                count={draggedEntries.length}
                now={now}
                tabStop={false}
                actions={actions}
                overlay
              />
            ) : null
          }
        />
      )}
      <p ref={liveRef} className="nd-visually-hidden" role="status" aria-live="polite" data-testid="board-announcer" />
    </>
  );
}
