import { memo, useContext, useRef, useState, type KeyboardEvent } from 'react';
import { BOARD_STATUS_LABELS, type BoardItem, type BoardStatus, type ItemKey, type Placement } from '../../../../shared/model/placement';
import type { Feed } from '../../../../shared/model/feed';
import { thumbnailUrl } from '../../ui/photos/photo-urls';
import { Glyph } from './board-icons';
import { BOARD_KEYS_HELP } from './board-keyboard';
import { cardTime, cardTimeTitle, headlineOf } from './card-facts';
import { CardMenu, type MenuEntry } from '../../ui/components/CardMenu';
import { BoardTimingGate } from '../desk';

/** What a card can ask of the board. One stable object, so memoized cards never re-render for it. */
export interface CardActions {
  pin(key: ItemKey, feedId: string, pinned: boolean): void;
  schedule(key: ItemKey, feedId: string): void;
  preview(key: ItemKey): void;
  editVideo(key: ItemKey): void;
  /** Takes a published story off its site, after a confirmation. */
  retract(key: ItemKey): void;
  moveTo(key: ItemKey, fromFeedId: string, toFeedId: string): void;
  remove(key: ItemKey, feedId: string): void;
  /** Feeds the item could move to from `feedId`. */
  moveTargets(key: ItemKey, feedId: string): Feed[];
  keyDown(event: KeyboardEvent<HTMLElement>, key: ItemKey, feedId: string): void;
}

export interface CardProps {
  itemKey: ItemKey;
  feedId: string;
  item: BoardItem | undefined;
  placement: Placement | undefined;
  status: BoardStatus;
  pinned: boolean;
  /** Another pinned card shares the column: the desk must choose one. */
  conflict: boolean;
  index: number;
  count: number;
  now: number;
  /** The column's one Tab stop (roving tabindex); its buttons are reachable with Tab too. */
  tabStop: boolean;
  actions: CardActions;
  /** Drawn in the drag overlay: a picture of the card, nothing to press. */
  overlay?: boolean;
  /** The card's place while it is being dragged: drawn as a hole. */
  placeholder?: boolean;
}

function CardThumb({ item }: { item: BoardItem | undefined }) {
  if (item?.photoId) {
    return (
      <span className="nd-card__thumb">
        <img src={thumbnailUrl(item.photoId)} alt="" loading="lazy" decoding="async" draggable={false} />
        {item.kind === 'video' && (
          <span className="nd-card__play">
            <Glyph name="play" size="small" />
          </span>
        )}
      </span>
    );
  }
  return (
    <span className="nd-card__thumb nd-card__thumb--empty">
      <Glyph name={item?.kind === 'video' ? 'play' : 'article'} size="large" />
    </span>
  );
}

/**
 * One placed item: thumbnail, headline, status, time, pin, and its actions. Focusable on its own
 * (the board's keys work on the focused card); drawn from props only, so it re-renders only when
 * what it shows changes.
 */
export const PlacementCard = memo(function PlacementCard(props: CardProps) {
  const { itemKey, feedId, item, placement, status, pinned, conflict, index, count, now, tabStop, actions, overlay, placeholder } = props;
  const [menuOpen, setMenuOpen] = useState(false);
  // Whether the menu was open when the press began: a click on "…" closes an open menu, though
  // the press itself already closed it (a popover closes on a press outside it).
  const openAtPress = useRef(false);
  const moreRef = useRef<HTMLButtonElement>(null);
  const headline = headlineOf(item);
  const missing = !item || item.missing;
  const time = placement ? cardTime(status, placement, item, now) : { text: '' };
  const inner = overlay ? -1 : tabStop ? 0 : -1;
  // A desk story's go-live time is closed to a user without the publisher role (the board gives the reason).
  const timingClosed = useContext(BoardTimingGate)(itemKey);
  const isVideo = item?.kind === 'video' || itemKey.startsWith('video:');
  const kindLabel = isVideo ? 'Video' : 'Article';

  const menuEntries = (): MenuEntry[] => [
    ...actions.moveTargets(itemKey, feedId).map((feed) => ({ label: `Move to ${feed.name}`, run: () => actions.moveTo(itemKey, feedId, feed.id) })),
    ...(status === 'published' ? [{ label: 'Retract from the site…', run: () => actions.retract(itemKey), danger: true }] : []),
    { label: 'Remove from feed', run: () => actions.remove(itemKey, feedId), danger: true },
  ];

  const classes = ['nd-card'];
  if (pinned) classes.push('nd-card--pinned');
  if (conflict) classes.push('nd-card--conflict');
  if (missing) classes.push('nd-card--missing');
  if (overlay) classes.push('nd-card--overlay');
  if (placeholder) classes.push('nd-card--placeholder');

  return (
    <article
      className={classes.join(' ')}
      data-testid={overlay ? 'placement-card-overlay' : 'placement-card'}
      data-item-key={itemKey}
      data-kind={isVideo ? 'video' : 'article'}
      tabIndex={overlay ? undefined : tabStop ? 0 : -1}
      aria-label={`${headline}, ${kindLabel.toLowerCase()}, ${BOARD_STATUS_LABELS[status]}${pinned ? ', pinned' : ''}, ${index + 1} of ${count}`}
      aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown Alt+ArrowLeft Alt+ArrowRight P S Delete"
      title={overlay ? undefined : BOARD_KEYS_HELP}
      onKeyDown={overlay ? undefined : (event) => actions.keyDown(event, itemKey, feedId)}
    >
      <CardThumb item={item} />
      <div className="nd-card__main">
        <h3 className={`nd-card__headline${item?.headline.trim() ? '' : ' nd-card__headline--untitled'}`}>{missing && !item ? 'Missing item' : headline}</h3>
        <div className="nd-card__facts">
          {missing ? (
            <span className="nd-board-status nd-board-status--missing" data-testid="card-status">
              {isVideo ? 'Video deleted' : 'In the Trash'}
            </span>
          ) : (
            <span className={`nd-board-status nd-board-status--${status}`} data-testid="card-status">
              {BOARD_STATUS_LABELS[status]}
            </span>
          )}
          {time.text && (
            // The whole timing spelled out, worked out only when the pointer asks for it.
            <span className="nd-card__time" onPointerEnter={(event) => placement && (event.currentTarget.title = cardTimeTitle(placement, item))}>
              {time.text}
            </span>
          )}
        </div>
      </div>
      <button
        type="button"
        className="nd-card__pin"
        aria-pressed={pinned}
        aria-label="Pin"
        title={pinned ? 'Pinned as the top story: unpin (P)' : 'Pin as the top story (P)'}
        tabIndex={inner}
        onClick={() => actions.pin(itemKey, feedId, !pinned)}
      >
        <Glyph name="pin" />
        {pinned && <span className="nd-card__pin-label">Top story</span>}
      </button>
      <div className="nd-card__actions">
        {!missing && (
          <>
            <button
              type="button"
              className="nd-icon-button nd-card__action"
              aria-label="Schedule…"
              title={timingClosed ?? 'Schedule… (S)'}
              data-closed-reason={timingClosed ?? undefined}
              disabled={timingClosed !== null}
              tabIndex={inner}
              onClick={() => actions.schedule(itemKey, feedId)}
            >
              <Glyph name="clock" />
            </button>
            <button type="button" className="nd-icon-button nd-card__action" aria-label="Preview" title="Preview (Enter)" tabIndex={inner} onClick={() => actions.preview(itemKey)}>
              <Glyph name="eye" />
            </button>
            {isVideo && (
              <button type="button" className="nd-icon-button nd-card__action" aria-label="Edit video…" title="Edit video…" tabIndex={inner} onClick={() => actions.editVideo(itemKey)}>
                <Glyph name="pencil" />
              </button>
            )}
          </>
        )}
        <button
          ref={moreRef}
          type="button"
          className="nd-icon-button nd-card__action"
          aria-label="More actions"
          aria-haspopup="menu"
          aria-expanded={menuOpen}
          title="Edit, move to another feed, remove"
          tabIndex={inner}
          onPointerDown={() => {
            openAtPress.current = menuOpen;
          }}
          onClick={(event) => {
            // From the keyboard there is no press first: the menu is closed then.
            setMenuOpen(event.detail === 0 ? true : !openAtPress.current);
          }}
        >
          <Glyph name="more" />
        </button>
        {menuOpen && <CardMenu label={`Actions for “${headline}”`} entries={menuEntries()} anchor={moreRef} onClose={() => setMenuOpen(false)} />}
      </div>
    </article>
  );
});
