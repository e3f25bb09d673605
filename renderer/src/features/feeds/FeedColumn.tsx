import { defaultRangeExtractor, elementScroll, useVirtualizer, type Range, type Rect, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useLayoutEffect, useRef, useState, type FocusEvent } from 'react';
import { FEED_KIND_LABELS, type Feed } from '../../../../shared/model/feed';
import type { Board, BoardItem, FeedEntry, ItemKey } from '../../../../shared/model/placement';
import { boardStatus } from '../../../../shared/rules/placement';
import { Icon } from '../../ui/components/Icon';
import { LIST_PADDING, ROW_GAP, ROW_HEIGHT, previewSlot } from './board-drop';
import { rowDragAttributes } from './BoardDragLayer';
import { PlacementCard, type CardProps } from './PlacementCard';

export { ROW_HEIGHT } from './board-drop';
/** The desk's toolbar, the board's padding and a column's head: what the window has above and below a list. */
const CHROME_ABOVE_LIST = 133;

/**
 * The list's size from a ResizeObserver only. The virtualizer's own reads getBoundingClientRect
 * while React commits, forcing a layout of the whole window before the browser would do it anyway;
 * until the first observation, initialRect (the window's height) stands in.
 */
function observeListRect(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: Rect) => void) {
  const element = instance.scrollElement;
  if (!element) return;
  const observer = new ResizeObserver(([entry]) => {
    if (entry) cb({ width: Math.round(entry.contentRect.width), height: Math.round(entry.contentRect.height) });
  });
  observer.observe(element);
  return () => observer.disconnect();
}

const mountedLists = new WeakSet<Element>();
/**
 * Scrolls the list, except for the virtualizer's first write on mount, which puts a fresh list
 * where it already is (the top) at the cost of a forced layout of the whole window.
 */
function scrollList(offset: number, options: { adjustments?: number; behavior?: ScrollBehavior }, instance: Virtualizer<HTMLDivElement, Element>) {
  const element = instance.scrollElement;
  if (element && !mountedLists.has(element)) {
    mountedLists.add(element);
    if (offset === 0) return;
  }
  elementScroll(offset, options, instance);
}

export interface FeedColumnProps {
  feed: Feed;
  entries: readonly FeedEntry[];
  placements: Board['placements'];
  items: ReadonlyMap<ItemKey, BoardItem>;
  /** Keys of pinned items when more than one is pinned. */
  conflicts: readonly ItemKey[];
  now: number;
  actions: CardProps['actions'];
  onAdd(feed: Feed): void;
  /** The card being dragged, when it comes from this column (kept rendered while scrolled away). */
  draggingKey: ItemKey | null;
  /** Where the dragged card would land in this feed, and whether this feed takes it. */
  dropTarget: { index: number; accepted: boolean } | null;
  /** Focus this card (after a keyboard move, a removal, arrow keys); `seq` makes each request new. */
  focusRequest: { key: ItemKey; seq: number } | null;
}

type RowProps = Omit<CardProps, 'overlay'> & { top: number };

/**
 * A virtual row: a plain memoised component, so a move renders only the rows whose place changed.
 * Pressing it starts a drag through the board's one draggable (BoardDragLayer).
 */
const CardRow = memo(function CardRow({ top, ...card }: RowProps) {
  return (
    <div role="listitem" aria-setsize={card.count} aria-posinset={card.index + 1} className="nd-column__row" style={{ top }} {...rowDragAttributes(card.feedId, card.itemKey)}>
      <PlacementCard {...card} />
    </div>
  );
});

/** One feed: its head (name, count, "Add to …", a flag for two top stories) and its cards in order. */
export const FeedColumn = memo(function FeedColumn(props: FeedColumnProps) {
  const { feed, entries, placements, items, conflicts, now, actions, onAdd, draggingKey, dropTarget, focusRequest } = props;
  const listRef = useRef<HTMLDivElement | null>(null);
  const [stopKey, setStopKey] = useState<ItemKey | null>(null);
  const wantFocus = useRef<ItemKey | null>(null);

  const indexOf = (key: ItemKey | null) => (key === null ? -1 : entries.findIndex((entry) => entry.key === key));
  const tabStopIndex = Math.max(0, indexOf(stopKey));
  const draggingIndex = indexOf(draggingKey);
  // The dragged card and the Tab stop stay rendered even when scrolled away: dnd-kit keeps
  // measuring the one, and Tab must always find the other.
  const keep = useRef<number[]>([]);
  keep.current = [draggingIndex, entries.length > 0 ? tabStopIndex : -1].filter((i) => i >= 0);
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const extra = [...new Set(keep.current)].filter((i) => i < range.count && !indexes.includes(i));
    return extra.length === 0 ? indexes : [...indexes, ...extra].sort((a, b) => a - b);
  }, []);

  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Rows are keyed by index here (every row has the same size): a reorder then costs the
    // virtualizer nothing, where item keys would make it lay out all rows again.
    overscan: 2,
    observeElementRect: observeListRect,
    scrollToFn: scrollList,
    paddingStart: LIST_PADDING,
    paddingEnd: LIST_PADDING,
    scrollPaddingStart: LIST_PADDING,
    scrollPaddingEnd: LIST_PADDING,
    // The first render already has the rows that show: the list's height is the window's less the
    // toolbar, the board's padding and the column's head (measured from then on).
    initialRect: { width: 360, height: Math.max(ROW_HEIGHT, window.innerHeight - CHROME_ABOVE_LIST) },
    rangeExtractor,
  });

  useLayoutEffect(() => {
    if (!focusRequest) return;
    const index = indexOf(focusRequest.key);
    if (index < 0) return;
    wantFocus.current = focusRequest.key;
    // The card becomes the Tab stop, which the virtual list always renders: it can take focus now.
    setStopKey(focusRequest.key);
    // Scrolled into view now, from the virtualizer's figures (no layout read), so the scroll and the
    // rows it brings into view land in the same frame as the move.
    const top = LIST_PADDING + index * ROW_HEIGHT;
    const bottom = top + ROW_HEIGHT - ROW_GAP;
    const offset = virtualizer.scrollOffset ?? 0;
    const height = virtualizer.scrollRect?.height ?? 0;
    const list = listRef.current;
    if (!list || height === 0) return;
    if (top - LIST_PADDING < offset) list.scrollTop = top - LIST_PADDING;
    else if (bottom + LIST_PADDING > offset + height) list.scrollTop = bottom + LIST_PADDING - height;
    // Only a new request moves focus; the entries it points into are read as they are now.
  }, [focusRequest]);

  // After every render: the card asked for may have just been rendered.
  useLayoutEffect(() => {
    const key = wantFocus.current;
    if (!key) return;
    const card = listRef.current?.querySelector<HTMLElement>(`[data-testid="placement-card"][data-item-key="${key}"]`);
    if (card) {
      wantFocus.current = null;
      if (document.activeElement !== card) card.focus({ preventScroll: true });
    }
  });

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const key = (event.target as HTMLElement).dataset.itemKey;
    if (key && event.target.getAttribute('data-testid') === 'placement-card') setStopKey(key);
  };

  const conflictSet = conflicts.length > 0 ? new Set(conflicts) : null;
  // Within its own column the dragged card's hole moves and the cards between make room; from
  // another column a line shows where it would go.
  const makingRoomAt = draggingIndex >= 0 && dropTarget ? dropTarget.index : -1;
  const dropLine = draggingIndex < 0 ? dropTarget : null;
  const refuses = dropLine !== null && !dropLine.accepted;
  const classes = ['nd-column'];
  if (dropLine && dropLine.accepted) classes.push('nd-column--drop');
  if (refuses) classes.push('nd-column--refuses');
  const addButton = (primary: boolean) => (
    <button type="button" className={`nd-button nd-button--small${primary ? ' nd-button--primary' : ''}`} onClick={() => onAdd(feed)} title={`Find articles and videos to place in ${feed.name}`}>
      <Icon name="plus" size={14} /> Add to {feed.name}
    </button>
  );

  return (
    <section className={classes.join(' ')} data-testid="feed-column" data-feed-id={feed.id} aria-labelledby={`nd-column-title-${feed.id}`}>
      <header className="nd-column__head">
        <div className="nd-column__title">
          <h2 id={`nd-column-title-${feed.id}`}>{feed.name}</h2>
          <span className="nd-column__count" aria-label={`${entries.length} items`}>
            {entries.length}
          </span>
        </div>
        <span className="nd-column__kind">{FEED_KIND_LABELS[feed.kind]}</span>
        {entries.length > 0 && addButton(false)}
      </header>
      {conflicts.length > 1 && (
        <p className="nd-column__conflict" data-testid="pin-conflict">
          <Icon name="pin" size={14} /> {conflicts.length} pinned — choose one top story
        </p>
      )}
      {refuses && <p className="nd-column__refusal">{feed.name} takes {feed.kind === 'video' ? 'video items' : 'articles'} only</p>}
      <div ref={listRef} className="nd-column__list" onFocus={onFocus}>
        {/* The column's drop zone (BoardDragLayer), inside the list so a drag near its edge scrolls it. */}
        <div className="nd-column__drop-zone">
          {entries.length === 0 ? (
            <div className="nd-column__empty">
              <p className="nd-column__empty-title">Nothing in {feed.name} yet</p>
              <p>Drag a card here from another feed, or find {feed.kind === 'video' ? 'videos' : feed.kind === 'articles' ? 'articles' : 'articles and videos'} to place.</p>
              {addButton(true)}
            </div>
          ) : (
            <div role="list" aria-label={feed.name} className="nd-column__sizer" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((row) => {
                const entry = entries[row.index];
                if (!entry) return null;
                const item = items.get(entry.key);
                const placement = placements[entry.key];
                return (
                  <CardRow
                    key={entry.key}
                    top={row.start + (previewSlot(row.index, draggingIndex, makingRoomAt) - row.index) * ROW_HEIGHT}
                    itemKey={entry.key}
                    feedId={feed.id}
                    item={item}
                    placement={placement}
                    status={placement ? boardStatus(placement, item, now) : 'draft'}
                    pinned={entry.pinned}
                    conflict={conflictSet?.has(entry.key) ?? false}
                    index={row.index}
                    count={entries.length}
                    now={now}
                    tabStop={row.index === tabStopIndex}
                    actions={actions}
                    placeholder={row.index === draggingIndex}
                  />
                );
              })}
              {dropLine && <div className="nd-column__drop-line" style={{ top: LIST_PADDING + dropLine.index * ROW_HEIGHT - 5 }} aria-hidden="true" />}
            </div>
          )}
        </div>
      </div>
    </section>
  );
});
