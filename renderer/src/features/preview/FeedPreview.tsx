import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Feed } from '../../../../shared/model/feed';
import type { Board, BoardItem, ItemKey } from '../../../../shared/model/placement';
import { entriesOf, feedPages, liveEntries } from '../../../../shared/rules/placement';
import { formatFull } from '../../ui/time';
import { fromLocalInput, toLocalInput } from './as-of';
import { FeedFrame, type FramedFeed } from './FeedFrame';
import { useItemContents } from './useItemContents';

interface FeedPreviewProps {
  feeds: Feed[];
  board: Board;
  items: ReadonlyMap<ItemKey, BoardItem>;
  feedId: string;
  onFeedChange(feedId: string): void;
  onClose(): void;
}

const DESKTOP_WIDTH = 1000;
const PHONE_WIDTH = 375;

/** The real clock moves on while the preview stays open "as of now"; a minute is its resolution. */
function useNow(following: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!following) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, [following]);
  return now;
}

/**
 * The feed as readers see it, at desktop and phone widths side by side, from local data only: the
 * items live at the "As of" time (scheduled, embargoed and expired ones come and go as they would on
 * the site), pinned first, a page at a time with "Show More". Both frames show the same pages.
 */
export function FeedPreview({ feeds, board, items, feedId, onFeedChange, onClose }: FeedPreviewProps) {
  const ids = useId();
  const rootRef = useRef<HTMLElement>(null);
  const open = feeds.filter((feed) => !feed.archived);
  const feed = feeds.find((candidate) => candidate.id === feedId) ?? open[0] ?? null;
  /** null: "now", following the clock; otherwise the chosen time. */
  const [asOf, setAsOf] = useState<number | null>(null);
  const [asOfText, setAsOfText] = useState<string | null>(null);
  const clock = useNow(asOf === null);
  const at = asOf ?? clock;
  const [pages, setPages] = useState(1);

  // Another feed or another time starts again at the first page, as a fresh visit would.
  useEffect(() => setPages(1), [feed?.id, asOf]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      // Kept mounted while another desk shows: Esc there is not meant for the preview.
      if (!rootRef.current?.checkVisibility()) return;
      // An open dialog (e.g. a date picker's owner) takes Esc for itself.
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      onClose();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  const placedCount = feed ? entriesOf(board, feed.id).length : 0;
  const visible = useMemo(
    () => (feed ? liveEntries(board, feed.id, at).filter((entry) => items.get(entry.key)?.missing !== true) : []),
    [board, feed, at, items],
  );
  const { shown, hasMore } = feedPages(visible, feed?.pageSize ?? 1, pages);
  // The same keys keep the same array, so the contents hook sees a change only when the page does.
  const keysText = shown.map((entry) => entry.key).join(' ');
  const keys = useMemo(() => (keysText ? keysText.split(' ') : []), [keysText]);
  const contents = useItemContents(keys, (key) => items.get(key)?.updatedAt ?? '');

  const changeAsOf = (text: string) => {
    setAsOfText(text);
    const ms = fromLocalInput(text);
    if (ms !== null) setAsOf(ms);
  };
  const backToNow = () => {
    setAsOf(null);
    setAsOfText(null);
  };

  let empty: ReactNode = null;
  if (!feed) empty = <EmptyState title="There is no feed to preview." detail="Add a feed with “Feeds…” on the board." />;
  else if (placedCount === 0) empty = <EmptyState title={`“${feed.name}” has no items yet.`} detail="Place articles or videos in it on the board, then preview it again." />;
  else if (visible.length === 0) {
    empty = (
      <EmptyState
        title={`Nothing in “${feed.name}” is live on ${formatFull(new Date(at).toISOString())}.`}
        detail={`${placedCount === 1 ? 'Its one item is' : `Its ${placedCount} items are`} scheduled later, under embargo or already expired at that time. Change “As of” to see ${placedCount === 1 ? 'it' : 'them'}.`}
      />
    );
  }

  const framed: FramedFeed | null = feed && {
    feed,
    keys,
    contentOf: contents.get,
    hasMore,
    onShowMore: () => setPages((n) => n + 1),
    empty,
  };

  return (
    <section ref={rootRef} className="nd-feed-preview" aria-label="Feed preview" data-testid="feed-preview">
      <div className="nd-feed-preview__bar" role="toolbar" aria-label="Preview options">
        <button type="button" className="nd-button" onClick={onClose}>
          <span aria-hidden="true">← </span>Back to board
        </button>
        <label className="nd-feed-preview__field" htmlFor={`${ids}-feed`}>
          Feed
        </label>
        <select id={`${ids}-feed`} className="nd-input" value={feed?.id ?? ''} onChange={(event) => onFeedChange(event.target.value)}>
          {open.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
          {feed?.archived && <option value={feed.id}>{feed.name} (archived)</option>}
        </select>
        <label className="nd-feed-preview__field" htmlFor={`${ids}-asof`}>
          As of
        </label>
        <input
          id={`${ids}-asof`}
          type="datetime-local"
          className="nd-input"
          value={asOfText ?? toLocalInput(at)}
          onChange={(event) => changeAsOf(event.target.value)}
        />
        <button type="button" className="nd-button" onClick={backToNow} disabled={asOf === null}>
          Now
        </button>
        <p className="nd-feed-preview__status" role="status">
          {feed && visible.length > 0 && `${shown.length} of ${visible.length} live ${visible.length === 1 ? 'item' : 'items'} shown · ${feed.pageSize} per page`}
        </p>
      </div>
      {contents.error && (
        <p className="nd-feed-preview__error" role="alert">
          {contents.error}{' '}
          <button type="button" className="nd-button" onClick={contents.retry}>
            Try again
          </button>
        </p>
      )}
      {framed ? (
        <div className="nd-feed-preview__frames">
          <FeedFrame {...framed} testId="preview-desktop" title={`Desktop · ${DESKTOP_WIDTH} px`} width={DESKTOP_WIDTH} device="desktop" />
          <FeedFrame {...framed} testId="preview-phone" title={`Phone · ${PHONE_WIDTH} px`} width={PHONE_WIDTH} device="phone" />
        </div>
      ) : (
        <div className="nd-feed-preview__none">{empty}</div>
      )}
    </section>
  );
}

function EmptyState({ title, detail }: { title: string; detail: string }) {
  return (
    <div className="nd-reader-empty" data-testid="feed-preview-empty">
      <p className="nd-reader-empty__title">{title}</p>
      <p className="nd-reader-empty__detail">{detail}</p>
    </div>
  );
}
