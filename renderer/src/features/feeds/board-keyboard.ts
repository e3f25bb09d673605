import { feedAccepts, type Feed } from '../../../../shared/model/feed';
import type { Board, ItemKey } from '../../../../shared/model/placement';
import { entriesOf } from '../../../../shared/rules/placement';
import { ALT } from '../../ui/shortcuts';

/** What a key pressed on a focused card asks for. */
export type CardKeyAction =
  | { type: 'move'; delta: -1 | 1 }
  | { type: 'move-feed'; direction: -1 | 1 }
  | { type: 'focus'; to: 'previous' | 'next' | 'first' | 'last' }
  | { type: 'focus-feed'; direction: -1 | 1 }
  | { type: 'pin' }
  | { type: 'schedule' }
  | { type: 'remove' }
  | { type: 'preview' };

type KeyLike = Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>;

/** The board's keyboard map; null for keys the card leaves alone. */
export function cardKeyAction(event: KeyLike): CardKeyAction | null {
  if (event.ctrlKey || event.metaKey) return null;
  if (event.altKey) {
    if (event.shiftKey) return null;
    switch (event.key) {
      case 'ArrowUp':
        return { type: 'move', delta: -1 };
      case 'ArrowDown':
        return { type: 'move', delta: 1 };
      case 'ArrowLeft':
        return { type: 'move-feed', direction: -1 };
      case 'ArrowRight':
        return { type: 'move-feed', direction: 1 };
      default:
        return null;
    }
  }
  switch (event.key) {
    case 'ArrowUp':
      return { type: 'focus', to: 'previous' };
    case 'ArrowDown':
      return { type: 'focus', to: 'next' };
    case 'Home':
      return { type: 'focus', to: 'first' };
    case 'End':
      return { type: 'focus', to: 'last' };
    case 'ArrowLeft':
      return { type: 'focus-feed', direction: -1 };
    case 'ArrowRight':
      return { type: 'focus-feed', direction: 1 };
    case 'p':
    case 'P':
      return { type: 'pin' };
    case 's':
    case 'S':
      return { type: 'schedule' };
    case 'Delete':
    case 'Backspace':
      return { type: 'remove' };
    case 'Enter':
    case ' ':
      return { type: 'preview' };
    default:
      return null;
  }
}

/** Shown under the toolbar and in each card's tooltip, so the keys can be learnt where they are used. */
export const BOARD_KEYS_HELP = `↑↓ choose a card · ${ALT}↑↓ move it · ${ALT}←→ move to another feed · P pin · S schedule · Delete remove`;

/**
 * The next feed in `direction` (columns order) that takes an item of this kind and does not hold
 * it yet: an article in News Feed moved right skips the Video column and lands in Opinion.
 */
export function neighbourFeed(
  columns: readonly Feed[],
  board: Board,
  key: ItemKey,
  kind: 'article' | 'video',
  fromFeedId: string,
  direction: -1 | 1,
): Feed | null {
  const start = columns.findIndex((feed) => feed.id === fromFeedId);
  for (let i = start + direction; i >= 0 && i < columns.length; i += direction) {
    const feed = columns[i]!;
    if (feedAccepts(feed, kind) && !entriesOf(board, feed.id).some((entry) => entry.key === key)) return feed;
  }
  return null;
}

/** What the live region says after a move. */
export function moveAnnouncement(headline: string, index: number, count: number, feedName: string): string {
  return `Moved “${headline}” to position ${index + 1} of ${count} in ${feedName}`;
}
