import { describe, expect, it } from 'vitest';
import type { Feed } from '../../../shared/model/feed';
import { BOARD_FORMAT, type Board } from '../../../shared/model/placement';
import { BOARD_KEYS_HELP, cardKeyAction, moveAnnouncement, neighbourFeed } from '../../../renderer/src/features/feeds/board-keyboard';

type Key = Parameters<typeof cardKeyAction>[0];
const press = (key: string, mods: Partial<Omit<Key, 'key'>> = {}): Key => ({ key, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });

describe('cardKeyAction', () => {
  it('moves the card with Alt and the arrows: up and down in its feed, left and right to another feed', () => {
    expect(cardKeyAction(press('ArrowUp', { altKey: true }))).toEqual({ type: 'move', delta: -1 });
    expect(cardKeyAction(press('ArrowDown', { altKey: true }))).toEqual({ type: 'move', delta: 1 });
    expect(cardKeyAction(press('ArrowLeft', { altKey: true }))).toEqual({ type: 'move-feed', direction: -1 });
    expect(cardKeyAction(press('ArrowRight', { altKey: true }))).toEqual({ type: 'move-feed', direction: 1 });
  });

  it('moves the focus with the plain arrows, Home and End', () => {
    expect(cardKeyAction(press('ArrowUp'))).toEqual({ type: 'focus', to: 'previous' });
    expect(cardKeyAction(press('ArrowDown'))).toEqual({ type: 'focus', to: 'next' });
    expect(cardKeyAction(press('Home'))).toEqual({ type: 'focus', to: 'first' });
    expect(cardKeyAction(press('End'))).toEqual({ type: 'focus', to: 'last' });
    expect(cardKeyAction(press('ArrowLeft'))).toEqual({ type: 'focus-feed', direction: -1 });
    expect(cardKeyAction(press('ArrowRight'))).toEqual({ type: 'focus-feed', direction: 1 });
  });

  it('pins with P, schedules with S (either case, Shift allowed), removes with Delete or Backspace', () => {
    for (const key of ['p', 'P']) expect(cardKeyAction(press(key))).toEqual({ type: 'pin' });
    expect(cardKeyAction(press('P', { shiftKey: true }))).toEqual({ type: 'pin' });
    for (const key of ['s', 'S']) expect(cardKeyAction(press(key))).toEqual({ type: 'schedule' });
    expect(cardKeyAction(press('Delete'))).toEqual({ type: 'remove' });
    expect(cardKeyAction(press('Backspace'))).toEqual({ type: 'remove' });
  });

  it('previews with Enter or Space', () => {
    expect(cardKeyAction(press('Enter'))).toEqual({ type: 'preview' });
    expect(cardKeyAction(press(' '))).toEqual({ type: 'preview' });
  });

  it('leaves Ctrl, Cmd and Alt+Shift combinations and other keys to the app', () => {
    // Ctrl+S saves and ⌘P prints elsewhere in the app; the card must not take them.
    expect(cardKeyAction(press('s', { ctrlKey: true }))).toBeNull();
    expect(cardKeyAction(press('p', { metaKey: true }))).toBeNull();
    expect(cardKeyAction(press('ArrowUp', { ctrlKey: true }))).toBeNull();
    expect(cardKeyAction(press('ArrowUp', { altKey: true, shiftKey: true }))).toBeNull();
    expect(cardKeyAction(press('ArrowUp', { altKey: true, metaKey: true }))).toBeNull();
    // Alt with a letter is not a board key (on macOS it types a character).
    expect(cardKeyAction(press('p', { altKey: true }))).toBeNull();
    expect(cardKeyAction(press('Delete', { altKey: true }))).toBeNull();
    for (const key of ['a', 'x', 'Tab', 'Escape', 'PageDown', 'F2']) expect(cardKeyAction(press(key))).toBeNull();
  });
});

describe('neighbourFeed', () => {
  const feed = (id: string, kind: Feed['kind'], archived = false): Feed => ({ id, name: id, label: id, kind, pageSize: 10, archived });
  const ALL: Feed[] = [
    feed('news-feed', 'both'),
    feed('video', 'video'),
    feed('sport', 'articles', true),
    feed('opinion', 'articles'),
    feed('clips', 'video'),
    feed('mixed', 'both'),
  ];
  // The board's columns are the feeds that are not archived, in settings order (FeedsDesk.tsx).
  const columns = ALL.filter((f) => !f.archived);
  const A = 'article:aaaaaaaa01';
  const V = 'video:vvvvvvvv02';
  const board = (feeds: Board['feeds']): Board => ({ format: BOARD_FORMAT, placements: {}, feeds });

  it('skips feeds of the wrong kind: an article in News Feed moved right lands in Opinion, not Video', () => {
    const b = board({ 'news-feed': [{ key: A, pinned: false }] });
    expect(neighbourFeed(columns, b, A, 'article', 'news-feed', 1)?.id).toBe('opinion');
    expect(neighbourFeed(columns, b, A, 'article', 'mixed', -1)?.id).toBe('opinion');
  });

  it('skips archived feeds, which are not columns', () => {
    const b = board({ video: [{ key: A, pinned: false }] });
    // Sport (archived, articles) lies between Video and Opinion in the settings.
    expect(neighbourFeed(columns, b, A, 'article', 'video', 1)?.id).toBe('opinion');
    expect(neighbourFeed(columns, b, A, 'article', 'opinion', -1)?.id).toBe('news-feed');
  });

  it('takes a video to the next feed that takes video', () => {
    const b = board({ 'news-feed': [{ key: V, pinned: false }] });
    expect(neighbourFeed(columns, b, V, 'video', 'news-feed', 1)?.id).toBe('video');
    expect(neighbourFeed(columns, b, V, 'video', 'video', 1)?.id).toBe('clips');
    expect(neighbourFeed(columns, b, V, 'video', 'clips', -1)?.id).toBe('video');
  });

  it('skips feeds that already hold the item', () => {
    const b = board({ 'news-feed': [{ key: A, pinned: false }], opinion: [{ key: A, pinned: true }] });
    expect(neighbourFeed(columns, b, A, 'article', 'news-feed', 1)?.id).toBe('mixed');
    const bothTaken = board({ 'news-feed': [{ key: V, pinned: false }], video: [{ key: V, pinned: false }] });
    expect(neighbourFeed(columns, bothTaken, V, 'video', 'news-feed', 1)?.id).toBe('clips');
  });

  it('finds nothing past the first or last column, or when no feed further on takes the item', () => {
    const b = board({});
    expect(neighbourFeed(columns, b, A, 'article', 'news-feed', -1)).toBeNull();
    expect(neighbourFeed(columns, b, A, 'article', 'mixed', 1)).toBeNull();
    expect(neighbourFeed(columns, b, V, 'video', 'video', -1)?.id).toBe('news-feed');
    expect(neighbourFeed(columns.slice(0, 4), b, V, 'video', 'clips', 1)).toBeNull();
    const onlyArticles = [feed('opinion', 'articles'), feed('comment', 'articles')];
    expect(neighbourFeed(onlyArticles, b, V, 'video', 'opinion', 1)).toBeNull();
  });
});

describe('what the board says', () => {
  it('announces a move with a 1-based position', () => {
    expect(moveAnnouncement('Storm closes the harbour', 0, 5, 'Opinion')).toBe('Moved “Storm closes the harbour” to position 1 of 5 in Opinion');
    expect(moveAnnouncement('Budget', 4, 5, 'News Feed')).toBe('Moved “Budget” to position 5 of 5 in News Feed');
  });

  it('lists the keys it handles in its help line', () => {
    for (const part of ['↑↓ choose a card', '↑↓ move it', '←→ move to another feed', 'P pin', 'S schedule', 'Delete remove']) {
      expect(BOARD_KEYS_HELP).toContain(part);
    }
  });
});
