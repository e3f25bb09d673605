import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { STATUS_LABELS } from '../../../../shared/model/article';
import { feedAccepts, type Feed } from '../../../../shared/model/feed';
import type { Board, BoardItem } from '../../../../shared/model/placement';
import { feedsOfItem } from '../../../../shared/rules/placement';
import { call, messageOf } from '../../api/newsdesk';
import { Icon } from '../../ui/components/Icon';
import { ModalDialog } from '../../ui/components/ModalDialog';
import { Thumbnail } from '../../ui/photos/Thumbnail';
import { useItemSearch } from './useItemSearch';

interface AddItemsDialogProps {
  open: boolean;
  feed: Feed;
  board: Board;
  onClose(): void;
  /** Places the item at the end of the feed; rejects with a readable message when it cannot. */
  onPlace(item: BoardItem): Promise<void>;
}

/**
 * Finds articles and videos to put into a feed. Each result says what it is, how far along it is
 * and where it is placed already; "Add" puts it at the end of the feed and the dialog stays open,
 * so a desk can fill a feed in one go. ↓ from the search goes to the results, Enter adds the row.
 */
export function AddItemsDialog({ open, feed, board, onClose, onPlace }: AddItemsDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const focusSearch = (dialog: HTMLDialogElement) => {
    setError(null);
    dialog.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
  };
  return (
    <ModalDialog open={open} className="nd-add-items" testId="add-items" title={`Add to ${feed.name}`} error={error} onOpened={focusSearch} onClose={onClose}>
      {open && <AddItemsContent feed={feed} board={board} onClose={onClose} onPlace={onPlace} setError={setError} />}
    </ModalDialog>
  );
}

interface ContentProps extends Omit<AddItemsDialogProps, 'open'> {
  setError(message: string | null): void;
}

/** The other feeds' names, for "Also in Video"; ids are shown only if settings cannot be read. */
function useFeedNames(): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let cancelled = false;
    void call('settings:get', {}).then((result) => {
      if (!cancelled && result.ok) setNames(new Map(result.value.feeds.map((f) => [f.id, f.name])));
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return names;
}

function statusLabel(item: BoardItem): string {
  if (item.kind === 'video') return item.status === 'draft' ? 'Incomplete' : 'Ready';
  return STATUS_LABELS[item.status];
}

function AddItemsContent({ feed, board, onClose, onPlace, setError }: ContentProps) {
  const [text, setText] = useState('');
  const [added, setAdded] = useState<ReadonlySet<string>>(new Set());
  const [adding, setAdding] = useState<string | null>(null);
  const search = useItemSearch(text, feed);
  const names = useFeedNames();
  const listRef = useRef<HTMLUListElement>(null);
  const items = search.items.filter((item) => feedAccepts(feed, item.kind));
  const feedIds = Object.keys(board.feeds);

  const rows = () => [...(listRef.current?.querySelectorAll<HTMLElement>('[data-testid="add-item-row"]') ?? [])];
  const focusRow = (index: number) => rows()[Math.max(0, Math.min(index, rows().length - 1))]?.focus();

  const add = async (item: BoardItem, row: HTMLElement | null) => {
    if (adding) return;
    setAdding(item.key);
    setError(null);
    try {
      await onPlace(item);
      setAdded((previous) => new Set(previous).add(item.key));
    } catch (cause) {
      setError(messageOf(cause));
    } finally {
      setAdding(null);
      // The Add button gives way to "Added"; the row keeps the focus so ↓ goes on from there.
      row?.focus();
    }
  };

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key === 'ArrowDown' || event.key === 'Enter') && items.length > 0) {
      event.preventDefault();
      focusRow(0);
    }
  };

  const onRowKeyDown = (event: KeyboardEvent<HTMLLIElement>, item: BoardItem, addable: boolean) => {
    const index = rows().indexOf(event.currentTarget);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (event.key === 'ArrowUp' && index === 0) listRef.current?.closest('dialog')?.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
      else focusRow(index + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter' && event.target === event.currentTarget) {
      event.preventDefault();
      if (addable) void add(item, event.currentTarget);
    }
  };

  return (
    <>
      <div className="nd-picker__bar">
        <label className="nd-search nd-picker__search">
          <Icon name="search" size={16} />
          <input
            type="search"
            aria-label="Find articles and videos"
            placeholder={feed.kind === 'video' ? 'Search videos by headline…' : feed.kind === 'articles' ? 'Search articles by headline…' : 'Search articles and videos by headline…'}
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={onSearchKeyDown}
          />
        </label>
      </div>
      {search.error && (
        <p className="nd-dialog__error" role="alert">
          {search.error}
        </p>
      )}
      <div className="nd-add-items__body">
        {items.length > 0 ? (
          <ul ref={listRef} className="nd-add-items__list" aria-label="Results">
            {items.map((item) => {
              const placedIn = feedsOfItem(board, item.key, feedIds);
              const inThisFeed = placedIn.includes(feed.id);
              const others = placedIn.filter((id) => id !== feed.id);
              const wasAdded = added.has(item.key);
              const addable = !inThisFeed && !wasAdded;
              const headline = item.headline.trim() || 'Untitled';
              return (
                <li
                  key={item.key}
                  className={`nd-add-item${addable ? '' : ' is-placed'}`}
                  data-testid="add-item-row"
                  data-item-key={item.key}
                  tabIndex={-1}
                  onKeyDown={(event) => onRowKeyDown(event, item, addable)}
                >
                  <span className="nd-add-item__thumb">
                    {item.photoId ? <Thumbnail id={item.photoId} /> : <span className="nd-add-item__nothumb">{item.kind === 'video' ? 'Video' : 'No photo'}</span>}
                  </span>
                  <span className="nd-add-item__text">
                    <span className={`nd-add-item__headline${item.headline.trim() ? '' : ' is-untitled'}`}>{headline}</span>
                    <span className="nd-add-item__meta">
                      <span className={`nd-add-item__kind nd-add-item__kind--${item.kind}`}>{item.kind === 'video' ? 'Video' : 'Article'}</span>
                      <span className={`nd-status nd-status--${item.status}`}>{statusLabel(item)}</span>
                      {others.length > 0 && (
                        <span className="nd-add-item__where">
                          {names.size > 0 ? `Also in ${others.map((id) => names.get(id) ?? id).join(', ')}` : `In ${others.length} other ${others.length === 1 ? 'feed' : 'feeds'}`}
                        </span>
                      )}
                    </span>
                  </span>
                  <span className="nd-add-item__action">
                    {wasAdded ? (
                      <span className="nd-add-item__done" role="status">
                        Added
                      </span>
                    ) : inThisFeed ? (
                      <span className="nd-add-item__placed">Already in this feed</span>
                    ) : (
                      <button type="button" className="nd-button nd-button--small" aria-label={`Add “${headline}”`} disabled={adding !== null} onClick={(event) => void add(item, event.currentTarget.closest('li'))}>
                        {adding === item.key ? 'Adding…' : 'Add'}
                      </button>
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        ) : (
          !search.loading && <p className="nd-photos__empty">{emptyMessage(text, feed)}</p>
        )}
      </div>
      <footer className="nd-dialog__foot">
        <p className="nd-dialog__note">
          {added.size > 0 ? `${added.size} added to the end of ${feed.name}.` : `Items are added to the end of ${feed.name}. ↓ goes to the results; Enter adds.`}
        </p>
        <button type="button" className="nd-button nd-button--primary" onClick={onClose}>
          Done
        </button>
      </footer>
    </>
  );
}

function emptyMessage(text: string, feed: Feed): string {
  const what = feed.kind === 'video' ? 'videos' : feed.kind === 'articles' ? 'articles' : 'articles or videos';
  return text.trim() ? `No ${what} match “${text.trim()}”.` : `There are no ${what} yet.`;
}
