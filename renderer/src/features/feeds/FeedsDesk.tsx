import { CONTROL_OR_META, isExactShortcutMatch } from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { feedAccepts, type Feed } from '../../../../shared/model/feed';
import { refOfKey, type BoardItem, type ItemKey } from '../../../../shared/model/placement';
import type { Timing } from '../../../../shared/rules/placement';
import type { VideoItem } from '../../../../shared/model/video';
import { useNotify } from '../../ui/components/Toasts';
import { MOD } from '../../ui/shortcuts';
import { FeedPreview, ItemPreview } from '../preview';
import { PublishTargetsDialog, useOutbox } from '../publishing';
import { VideoDialog } from '../videos';
import { AddItemsDialog } from './AddItemsDialog';
import { Icon } from '../../ui/components/Icon';
import { BOARD_KEYS_HELP } from './board-keyboard';
import { headlineOf } from './card-facts';
import { FeedBoard } from './FeedBoard';
import { FeedSettingsDialog } from './FeedSettingsDialog';
import { ScheduleDialog } from './ScheduleDialog';
import { useRetractFromBoard } from './useRetractFromBoard';
import { useBoard } from './useBoard';
import { BoardTimingGate, DeskBoardStrip, useBoardTimingGate, useDeskBoardRefresh } from '../desk';

function isTextEntry(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * The feeds desk: the placement board with its toolbar (new video, the feeds' settings, the feed
 * preview) and the dialogs cards open. `active` is whether the desk shows: coming back to it reads
 * the board again, since headlines, statuses and lead photos may have changed on the other desks.
 */
export function FeedsDesk({ active }: { active: boolean }) {
  const notify = useNotify();
  const model = useBoard();
  const { feeds, board, items, refresh, change, rememberItems, setFeeds, undo } = model;
  useDeskBoardRefresh(refresh);
  // Dialogs keep what they show while they close, so the native <dialog> can hand focus back.
  const [adding, setAdding] = useState<{ feed: Feed; open: boolean } | null>(null);
  const [scheduling, setScheduling] = useState<{ key: ItemKey; open: boolean } | null>(null);
  const [previewKey, setPreviewKey] = useState<ItemKey | null>(null);
  const [video, setVideo] = useState<{ id: string | null } | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [targetsOpen, setTargetsOpen] = useState(false);
  const [previewFeedId, setPreviewFeedId] = useState<string | null>(null);
  const columns = useMemo(() => feeds.filter((feed) => !feed.archived), [feeds]);

  const wasActive = useRef(active);
  useEffect(() => {
    if (active && !wasActive.current) void refresh();
    wasActive.current = active;
  }, [active, refresh]);

  // A publish or retract that ended moved a card (Published, Retracted): the board shown reads it.
  const { jobs } = useOutbox();
  const finishedJobs = jobs.filter((job) => job.state === 'done').length;
  const seenFinished = useRef(finishedJobs);
  useEffect(() => {
    if (finishedJobs === seenFinished.current) return;
    seenFinished.current = finishedJobs;
    if (active) void refresh();
  }, [finishedJobs, active, refresh]);

  const place = useCallback(
    async (item: BoardItem, feedId: string) => {
      rememberItems([item]);
      const outcome = change({ kind: 'place', item: refOfKey(item.key), feedId }, { quiet: true });
      await outcome.saved;
    },
    [change, rememberItems],
  );

  const saveTiming = useCallback(
    async (key: ItemKey, timing: Timing): Promise<string | null> => {
      try {
        await change({ kind: 'timing', key, timing }, { quiet: true }).saved;
        return null;
      } catch (error) {
        return error instanceof Error ? error.message : 'The timing could not be saved.';
      }
    },
    [change],
  );

  const creatingVideo = video !== null && video.id === null;
  const videoSaved = useCallback(
    (saved: VideoItem) => {
      void refresh(); // its card shows the new headline and poster
      const home = columns.find((feed) => feed.kind === 'video') ?? columns.find((feed) => feedAccepts(feed, 'video'));
      if (!creatingVideo || !home) return;
      // A new video is in no feed yet: offer the obvious one.
      notify(`Saved the video “${headlineOf(saved)}”.`, {
        action: { label: `Add to ${home.name}`, run: () => void change({ kind: 'place', item: { kind: 'video', id: saved.id }, feedId: home.id }) },
      });
    },
    [change, columns, creatingVideo, notify, refresh],
  );

  /** Opens a dialog that unmounts when closed, remembering where focus was to put it back. */
  const opening = <T,>(set: (value: T) => void) => (value: T) => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    set(value);
  };
  const closed = () => {
    const target = returnFocus.current;
    returnFocus.current = null;
    requestAnimationFrame(() => {
      if (target?.isConnected && !document.querySelector('dialog[open]')) target.focus();
    });
  };

  const addTo = useCallback((feed: Feed) => setAdding({ feed, open: true }), []);
  // A desk story's go-live time is a publisher's to change: the card's button says why it is closed; the S key says it too.
  // Asked again only when cards come or go (placements): a move keeps them, and must not make every
  // card render again for the same answer.
  const timingClosed = useBoardTimingGate(board?.placements);
  const schedule = useCallback((key: ItemKey) => {
    const closed = timingClosed(key);
    if (closed) notify(closed);
    else setScheduling({ key, open: true });
  }, [timingClosed, notify]);
  const previewItem = useMemo(() => opening(setPreviewKey), []);
  const editVideo = useMemo(() => opening((key: ItemKey) => setVideo({ id: refOfKey(key).id })), []);
  const retracting = useRetractFromBoard(items);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!isExactShortcutMatch(event.nativeEvent, 'z', CONTROL_OR_META) || isTextEntry(event.target) || event.defaultPrevented) return;
    if ((event.target as HTMLElement).closest('dialog')) return;
    event.preventDefault();
    if (!undo()) notify('Nothing to undo on the board.');
  };

  const scheduledItem = scheduling ? items.get(scheduling.key) : undefined;
  const scheduledPlacement = scheduling && board ? board.placements[scheduling.key] : undefined;
  const previewing = previewFeedId !== null && board !== null;

  return (
    <div className="nd-feeds" onKeyDown={onKeyDown}>
      <header className="nd-feeds__bar">
        <h1 className="nd-feeds__title">Feeds</h1>
        <p className="nd-feeds__help" id="nd-board-keys">
          {BOARD_KEYS_HELP} · {MOD}Z undo
        </p>
        {board && (
          <span className="nd-feeds__save-state" data-testid="board-save-state" aria-live="polite">
            {model.saving ? 'Saving…' : 'Saved'}
          </span>
        )}
        <button type="button" className="nd-button" aria-pressed={previewing} onClick={() => setPreviewFeedId(previewing ? null : (columns[0]?.id ?? null))} disabled={!board || columns.length === 0}>
          <Icon name="preview" size={16} /> Preview feed
        </button>
        <button type="button" className="nd-button" onClick={() => setSettingsOpen(true)} disabled={feeds.length === 0}>
          <Icon name="settings" size={16} /> Feeds…
        </button>
        <button type="button" className="nd-button" onClick={() => setTargetsOpen(true)}>
          Publish targets…
        </button>
        <button type="button" className="nd-button nd-button--primary" onClick={() => opening(setVideo)({ id: null })}>
          <Icon name="plus" size={16} /> New video
        </button>
      </header>
      {board && <DeskBoardStrip board={board} />}
      {model.loadError ? (
        <div className="nd-feeds__state" role="alert">
          <p>The board could not be loaded: {model.loadError}</p>
          <button type="button" className="nd-button" onClick={() => void refresh()}>
            Try again
          </button>
        </div>
      ) : !board ? (
        <div className="nd-feeds__state">Loading the board…</div>
      ) : (
        <>
          <div className="nd-feeds__board" hidden={previewing}>
            <BoardTimingGate.Provider value={timingClosed}>
              <FeedBoard
                columns={columns}
                board={board}
                items={items}
                model={model}
                onAdd={addTo}
                onSchedule={schedule}
                onPreview={previewItem}
                onEditVideo={editVideo}
                onRetract={retracting.start}
              />
            </BoardTimingGate.Provider>
          </div>
          {previewing && (
            <FeedPreview feeds={feeds} board={board} items={items} feedId={previewFeedId} onFeedChange={setPreviewFeedId} onClose={() => setPreviewFeedId(null)} />
          )}
        </>
      )}
      {adding && board && (
        <AddItemsDialog
          open={adding.open}
          feed={adding.feed}
          board={board}
          onClose={() => setAdding((last) => last && { ...last, open: false })}
          onPlace={(item) => place(item, adding.feed.id)}
        />
      )}
      {scheduling && scheduledItem && scheduledPlacement && (
        <ScheduleDialog
          open={scheduling.open}
          item={scheduledItem}
          placement={scheduledPlacement}
          onClose={() => setScheduling((last) => last && { ...last, open: false })}
          onSave={(timing) => saveTiming(scheduling.key, timing)}
        />
      )}
      {retracting.dialog}
      {previewKey && (
        <ItemPreview
          itemKey={previewKey}
          onClose={() => {
            setPreviewKey(null);
            closed();
          }}
        />
      )}
      <VideoDialog
        open={video !== null}
        videoId={video?.id ?? null}
        onClose={() => {
          setVideo(null);
          closed();
        }}
        onSaved={videoSaved}
      />
      <PublishTargetsDialog open={targetsOpen} onClose={() => setTargetsOpen(false)} />
      {settingsOpen && <FeedSettingsDialog open feeds={feeds} onClose={() => setSettingsOpen(false)} onSaved={setFeeds} />}
    </div>
  );
}
