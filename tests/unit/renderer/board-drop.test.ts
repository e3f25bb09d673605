import { describe, expect, it } from 'vitest';
import type { Over } from '@dnd-kit/core';
import type { Feed } from '../../../shared/model/feed';
import { BOARD_FORMAT, type Board } from '../../../shared/model/placement';
import { LIST_PADDING, ROW_HEIGHT, insertSlot, nearestSlot, previewSlot } from '../../../renderer/src/features/feeds/board-drop';
import { dropFor } from '../../../renderer/src/features/feeds/useBoardDrag';
import { sameKeys } from '../../../renderer/src/features/desk/workflow/board-timing-gate';

/** The middle of card `i`'s slot in the list's content (a card is ROW_HEIGHT less the 8 px gap tall). */
const middle = (i: number) => LIST_PADDING + i * ROW_HEIGHT + (ROW_HEIGHT - 8) / 2;

describe('nearestSlot (a card dragged within its own column)', () => {
  it('is the slot whose middle is nearest, kept within the column', () => {
    expect(nearestSlot(middle(0), 5)).toBe(0);
    expect(nearestSlot(middle(3) + ROW_HEIGHT / 2 - 1, 5)).toBe(3);
    expect(nearestSlot(middle(3) + ROW_HEIGHT / 2 + 1, 5)).toBe(4);
    expect(nearestSlot(-500, 5)).toBe(0);
    expect(nearestSlot(middle(40), 5)).toBe(4);
  });
});

describe('insertSlot (a card dragged in from another column)', () => {
  it('goes before the card under it, after it once past its middle, and may go last', () => {
    expect(insertSlot(middle(2) - 1, 5)).toBe(2);
    expect(insertSlot(middle(2), 5)).toBe(2);
    expect(insertSlot(middle(2) + 1, 5)).toBe(3);
    expect(insertSlot(-500, 5)).toBe(0);
    expect(insertSlot(middle(40), 5)).toBe(5);
    expect(insertSlot(middle(3), 0)).toBe(0);
  });
});

describe('previewSlot (the column making room while a card is dragged in it)', () => {
  it('puts the dragged card at its target and moves the cards between by one', () => {
    // Card 1 dragged down to 3: 2 and 3 move up; 0 and 4 stay.
    expect([0, 1, 2, 3, 4].map((i) => previewSlot(i, 1, 3))).toEqual([0, 3, 1, 2, 4]);
    // Card 3 dragged up to 0: 0, 1 and 2 move down.
    expect([0, 1, 2, 3, 4].map((i) => previewSlot(i, 3, 0))).toEqual([1, 2, 3, 0, 4]);
  });

  it('leaves every card in place when nothing is dragged in the column', () => {
    expect([0, 1, 2].map((i) => previewSlot(i, -1, 2))).toEqual([0, 1, 2]);
    expect([0, 1, 2].map((i) => previewSlot(i, 1, -1))).toEqual([0, 1, 2]);
  });
});

describe('dropFor', () => {
  const feeds: Feed[] = [
    { id: 'news', name: 'News', label: 'News', kind: 'both', pageSize: 20, archived: false },
    { id: 'opinion', name: 'Opinion', label: 'Opinion', kind: 'articles', pageSize: 20, archived: false },
  ];
  const keys = ['article:a', 'article:b', 'article:c', 'video:v'];
  const board = {
    format: BOARD_FORMAT,
    feeds: { news: keys.map((key) => ({ key, pinned: false })), opinion: [{ key: 'article:x', pinned: false }] },
    placements: Object.fromEntries(
      [...keys, 'article:x'].map((key) => [key, { item: { kind: key.startsWith('video') ? 'video' : 'article', id: key.split(':')[1] }, publish: { mode: 'now' }, embargoUntil: null, expiresAt: null, delivery: 'none', publishedAt: null }]),
    ),
  } as unknown as Board;
  /** A column's list 100 px from the window's top, scrolled by `scrollTop`. */
  const overColumn = (feedId: string, scrollTop = 0): Over =>
    ({
      id: `column:${feedId}`,
      rect: { top: 100, left: 0, width: 300, height: 600, bottom: 700, right: 300 },
      disabled: false,
      data: { current: { type: 'column', feedId, list: { current: { scrollTop, getBoundingClientRect: () => ({ top: 100 }) } } } },
    }) as unknown as Over;
  /** The dragged card with its middle at `y` in the window. */
  const draggedAt = (y: number) => ({ top: y - 42, height: 84, left: 0, width: 300, bottom: y + 42, right: 300 });

  it('reads the slot under the dragged card from the list, counting its scroll', () => {
    expect(dropFor(board, feeds, { feedId: 'news', key: 'article:a' }, overColumn('news'), draggedAt(100 + middle(2)))).toEqual({ feedId: 'news', index: 2, accepted: true });
    expect(dropFor(board, feeds, { feedId: 'news', key: 'article:a' }, overColumn('news', ROW_HEIGHT), draggedAt(100 + middle(1)))).toEqual({ feedId: 'news', index: 2, accepted: true });
  });

  it('refuses a video over an articles-only feed, and takes an article there', () => {
    expect(dropFor(board, feeds, { feedId: 'news', key: 'video:v' }, overColumn('opinion'), draggedAt(100 + middle(0)))).toEqual({ feedId: 'opinion', index: 0, accepted: false });
    expect(dropFor(board, feeds, { feedId: 'news', key: 'article:b' }, overColumn('opinion'), draggedAt(100 + middle(0) + 1))).toEqual({ feedId: 'opinion', index: 1, accepted: true });
  });
});

describe('sameKeys (the desk stories whose timing is closed)', () => {
  it('tells an unchanged answer from a changed one', () => {
    expect(sameKeys(new Set(['a', 'b']), new Set(['b', 'a']))).toBe(true);
    expect(sameKeys(new Set(['a']), new Set(['a', 'b']))).toBe(false);
    expect(sameKeys(new Set(['a', 'c']), new Set(['a', 'b']))).toBe(false);
  });
});
