// The baseline for the board benchmark: the same cards (PlacementCard) for the same 2,000 items,
// as plain React lists — every card rendered, no virtual scrolling, no drag and drop library. The
// data arrives from the bench as window.__benchBoard; Alt+↑/↓ on a focused card moves it.
import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { createRoot } from 'react-dom/client';
import type { Feed } from '../../../shared/model/feed';
import type { Board, BoardItem, FeedEntry, ItemKey } from '../../../shared/model/placement';
import { boardStatus } from '../../../shared/rules/placement';
import { PlacementCard, type CardActions } from '../../../renderer/src/features/feeds/PlacementCard';
import '../../../renderer/src/ui/styles/base.css';
import '../../../renderer/src/ui/styles/feeds-board.css';
import '../../../renderer/src/ui/styles/feeds-cards.css';
import './style.css';

interface BenchBoard {
  feeds: Feed[];
  board: Board;
  items: BoardItem[];
}

const data = (window as unknown as { __benchBoard: BenchBoard }).__benchBoard;
const items = new Map(data.items.map((item) => [item.key, item]));
const now = Date.now();

function PlainBoard() {
  const [feeds, setFeeds] = useState(data.board.feeds);
  const focusKey = useRef<ItemKey | null>(null);

  useLayoutEffect(() => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        performance.mark('nd:board:painted');
        performance.measure('nd:board:first-render', 'nd:board:data', 'nd:board:painted');
        performance.measure('nd:board:render-to-paint', 'nd:board:data', 'nd:board:painted');
      };
      channel.port2.postMessage(null);
    });
  }, []);

  // After a move React may have re-inserted the card: focus goes back to it.
  useLayoutEffect(() => {
    const key = focusKey.current;
    if (!key) return;
    focusKey.current = null;
    document.querySelector<HTMLElement>(`[data-testid="placement-card"][data-item-key="${key}"]`)?.focus();
  });

  // Stable, as on the board, so unchanged cards are not rendered again.
  const actions = useMemo<CardActions>(() => {
    const move = (key: ItemKey, feedId: string, delta: number) => {
      setFeeds((current) => {
        const entries = current[feedId] ?? [];
        const from = entries.findIndex((entry) => entry.key === key);
        const to = from + delta;
        if (from < 0 || to < 0 || to >= entries.length) return current;
        const next = entries.filter((entry) => entry.key !== key);
        next.splice(to, 0, entries[from]!);
        return { ...current, [feedId]: next };
      });
      focusKey.current = key;
    };
    return {
      pin: () => {},
      schedule: () => {},
      preview: () => {},
      editVideo: () => {},
      retract: () => {},
      moveTo: () => {},
      remove: () => {},
      moveTargets: () => [],
      keyDown: (event: KeyboardEvent<HTMLElement>, key: ItemKey, feedId: string) => {
        if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
        event.preventDefault();
        move(key, feedId, event.key === 'ArrowUp' ? -1 : 1);
      },
    };
  }, []);

  return (
    <div className="nd-board bare-board">
      {data.feeds.map((feed) => {
        const entries: FeedEntry[] = feeds[feed.id] ?? [];
        return (
          <section key={feed.id} className="nd-column" data-testid="feed-column" data-feed-id={feed.id}>
            <header className="nd-column__head">
              <h2>{feed.name}</h2>
            </header>
            <div className="nd-column__list">
              {entries.map((entry, index) => {
                const placement = data.board.placements[entry.key]!;
                const item = items.get(entry.key);
                return (
                  <div key={entry.key} className="bare-board__row">
                    <PlacementCard
                      itemKey={entry.key}
                      feedId={feed.id}
                      item={item}
                      placement={placement}
                      status={boardStatus(placement, item, now)}
                      pinned={entry.pinned}
                      conflict={false}
                      index={index}
                      count={entries.length}
                      now={now}
                      tabStop={index === 0}
                      actions={actions}
                    />
                  </div>
                );
              })}
            </div>
          </section>
        );
      })}
    </div>
  );
}

performance.mark('nd:board:data');
createRoot(document.getElementById('root')!).render(<PlainBoard />);
(window as unknown as { __benchReady: boolean }).__benchReady = true;
