import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { defaultRangeExtractor, elementScroll, useVirtualizer, type Range, type Rect, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type FocusEvent } from 'react';
import { FEED_KIND_LABELS, type Feed } from '../../../../shared/model/feed';
import type { Board, BoardItem, FeedEntry, ItemKey } from '../../../../shared/model/placement';
import { boardStatus } from '../../../../shared/rules/placement';
import { Icon } from '../../ui/components/Icon';
import { PlacementCard, type CardActions, type CardProps } from './PlacementCard';

/** Every card has the same height, so the virtual list needs no measuring. Keep in step with feeds-board.css (rows) and feeds-cards.css (.nd-card height). */
export const ROW_HEIGHT = 92;
/** The desk's toolbar, the board's padding and a column's head: what the window has above and below a list. */
const CHROME_ABOVE_LIST = 133;
/** The space between two cards, part of each row's height. */
const ROW_GAP = 8;
/** Room above the first card (for a pinned card's "Top story" tab) and below the last. */
const LIST_PADDING = 10;

/** dnd-kit ids are unique across the board, and an item may sit in several feeds. */
export const sortId = (feedId: string, key: ItemKey): string => `${feedId}|${key}`;
export const columnDropId = (feedId: string): string => `column:${feedId}`;

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

export interface CardDragData {
  type: 'card';
  feedId: string;
  key: ItemKey;
}
export interface ColumnDropData {
  type: 'column';
  feedId: string;
}

export interface FeedColumnProps {
  feed: Feed;
  entries: readonly FeedEntry[];
  placements: Board['placements'];
  items: ReadonlyMap<ItemKey, BoardItem>;
  /** Keys of pinned items when more than one is pinned. */
  conflicts: readonly ItemKey[];
  now: number;
  actions: CardActions;
  onAdd(feed: Feed): void;
  /** The card being dragged, when it comes from this column (kept rendered while scrolled away). */
  draggingKey: ItemKey | null;
  /** Where a card from another column would land, and whether this feed takes it. */
  dropTarget: { index: number; accepted: boolean } | null;
  /** Focus this card (after a keyboard move, a removal, arrow keys); `seq` makes each request new. */
  focusRequest: { key: ItemKey; seq: number } | null;
}

interface RowProps {
  feedId: string;
  entry: FeedEntry;
  start: number;
  index: number;
  count: number;
  card: Omit<CardProps, 'placeholder'>;
}

/** A virtual row, and the sortable node dnd-kit measures and moves. */
function SortableRow({ feedId, entry, start, index, count, card }: RowProps) {
  const data: CardDragData = { type: 'card', feedId, key: entry.key };
  const { setNodeRef, listeners, transform, transition, isDragging } = useSortable({ id: sortId(feedId, entry.key), data });
  return (
    <div
      ref={setNodeRef}
      role="listitem"
      aria-setsize={count}
      aria-posinset={index + 1}
      className="nd-column__row"
      style={{ top: start, transform: CSS.Translate.toString(transform), transition }}
      {...listeners}
    >
      <PlacementCard {...card} placeholder={isDragging} />
    </div>
  );
}

/** One feed: its head (name, count, "Add to …", a flag for two top stories) and its cards in order. */
export const FeedColumn = memo(function FeedColumn(props: FeedColumnProps) {
  const { feed, entries, placements, items, conflicts, now, actions, onAdd, draggingKey, dropTarget, focusRequest } = props;
  const listRef = useRef<HTMLDivElement | null>(null);
  const [stopKey, setStopKey] = useState<ItemKey | null>(null);
  const wantFocus = useRef<ItemKey | null>(null);
  const { setNodeRef: setDropRef, isOver } = useDroppable({ id: columnDropId(feed.id), data: { type: 'column', feedId: feed.id } satisfies ColumnDropData });
  // The ids are made once per item: a reorder of a long column then allocates one array, not a
  // thousand strings.
  const idCache = useRef(new Map<ItemKey, string>());
  const sortIds = useMemo(() => {
    const cache = idCache.current;
    return entries.map((entry) => {
      let id = cache.get(entry.key);
      if (id === undefined) cache.set(entry.key, (id = sortId(feed.id, entry.key)));
      return id;
    });
  }, [entries, feed.id]);

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

  const setListRef = useCallback(
    (node: HTMLDivElement | null) => {
      listRef.current = node;
      setDropRef(node);
    },
    [setDropRef],
  );

  const conflictSet = conflicts.length > 0 ? new Set(conflicts) : null;
  const refuses = dropTarget !== null && !dropTarget.accepted;
  const classes = ['nd-column'];
  if (dropTarget && dropTarget.accepted) classes.push('nd-column--drop');
  if (refuses) classes.push('nd-column--refuses');
  if (isOver && !dropTarget && !draggingKey) classes.push('nd-column--over');
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
      <div ref={setListRef} className="nd-column__list" onFocus={onFocus}>
        {entries.length === 0 ? (
          <div className="nd-column__empty">
            <p className="nd-column__empty-title">Nothing in {feed.name} yet</p>
            <p>Drag a card here from another feed, or find {feed.kind === 'video' ? 'videos' : feed.kind === 'articles' ? 'articles' : 'articles and videos'} to place.</p>
            {addButton(true)}
          </div>
        ) : (
          <SortableContext id={feed.id} items={sortIds} strategy={verticalListSortingStrategy}>
            <div role="list" aria-label={feed.name} className="nd-column__sizer" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((row) => {
                const entry = entries[row.index];
                if (!entry) return null;
                const item = items.get(entry.key);
                const placement = placements[entry.key];
                return (
                  <SortableRow
                    key={entry.key}
                    feedId={feed.id}
                    entry={entry}
                    start={row.start}
                    index={row.index}
                    count={entries.length}
                    card={{
                      itemKey: entry.key,
                      feedId: feed.id,
                      item,
                      placement,
                      status: placement ? boardStatus(placement, item, now) : 'draft',
                      pinned: entry.pinned,
                      conflict: conflictSet?.has(entry.key) ?? false,
                      index: row.index,
                      count: entries.length,
                      now,
                      tabStop: row.index === tabStopIndex,
                      actions,
                    }}
                  />
                );
              })}
              {dropTarget && <div className="nd-column__drop-line" style={{ top: LIST_PADDING + dropTarget.index * ROW_HEIGHT - 5 }} aria-hidden="true" />}
            </div>
          </SortableContext>
        )}
      </div>
    </section>
  );
});
