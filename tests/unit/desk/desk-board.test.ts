import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  DESK_BOARD_ENTRIES, deskBoardDocumentName, deskBoardProblem, parseDeskBoardDocumentName, readDeskBoard, writeDeskBoard, type DeskBoardState, type DeskPlacement,
} from '../../../shared/desk/desk-board';
import { deskPartOf, withDeskPart } from '../../../electron/main/services/desk/desk-board-merge';
import { BOARD_FORMAT, type Board } from '../../../shared/model/placement';
import { newPlacement } from '../../../shared/rules/placement';

const FEED = 'news-feed';
const NOW: DeskPlacement = { publish: { mode: 'now' }, embargoUntil: null, expiresAt: null, delivery: 'none', publishedAt: null };

function deskState(order: string[], pinned: string[] = []): DeskBoardState {
  return {
    feeds: { [FEED]: order.map((storyId) => ({ storyId, pinned: pinned.includes(storyId) })) },
    placements: Object.fromEntries(order.map((id) => [id, NOW])),
  };
}

const orderOf = (doc: Y.Doc): string[] => (readDeskBoard(doc).feeds[FEED] ?? []).map((entry) => entry.storyId);

/** Two desks' copies: each change travels only when `exchange` is called, like two offline desktops. */
function twoCopies(): { a: Y.Doc; b: Y.Doc; exchange(): void } {
  const a = new Y.Doc();
  const b = new Y.Doc();
  return {
    a,
    b,
    exchange() {
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    },
  };
}

describe('desk board document', () => {
  it('names one board per desk and refuses other names', () => {
    expect(deskBoardDocumentName('news')).toBe('desk/news/board');
    expect(parseDeskBoardDocumentName('desk/news/board')).toBe('news');
    expect(parseDeskBoardDocumentName('desk/News/board')).toBeNull();
    expect(parseDeskBoardDocumentName('desk/news/story/board')).toBeNull();
  });

  it('writes only the card that moved', () => {
    const doc = new Y.Doc();
    writeDeskBoard(doc, deskState(['s1', 's2', 's3', 's4']), 'test');
    const changed: string[] = [];
    doc.getMap(DESK_BOARD_ENTRIES).observe((event) => changed.push(...event.keysChanged));
    writeDeskBoard(doc, deskState(['s2', 's3', 's1', 's4']), 'test');
    expect(orderOf(doc)).toEqual(['s2', 's3', 's1', 's4']);
    expect(changed).toEqual([`${FEED}/s1`]);
  });

  it('two people moving different cards of one feed at once both keep their move, and both see one order', () => {
    const { a, b, exchange } = twoCopies();
    writeDeskBoard(a, deskState(['s1', 's2', 's3']), 'a');
    exchange();
    writeDeskBoard(a, deskState(['s2', 's3', 's1']), 'a'); // s1 to the end
    writeDeskBoard(b, deskState(['s3', 's1', 's2']), 'b'); // s3 to the top
    exchange();
    expect(orderOf(a)).toEqual(orderOf(b));
    expect(orderOf(a)).toEqual(['s3', 's2', 's1']);
  });

  it('two people moving the same card at once end with it once, in the same place on both', () => {
    const { a, b, exchange } = twoCopies();
    writeDeskBoard(a, deskState(['s1', 's2', 's3', 's4']), 'a');
    exchange();
    writeDeskBoard(a, deskState(['s2', 's1', 's3', 's4']), 'a');
    writeDeskBoard(b, deskState(['s1', 's3', 's4', 's2']), 'b');
    exchange();
    expect(orderOf(a)).toEqual(orderOf(b));
    expect([...orderOf(a)].sort()).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('two cards dropped into the same gap at once get one order on both (ties go by story id), and the next move still works', () => {
    const { a, b, exchange } = twoCopies();
    writeDeskBoard(a, deskState(['s1', 's4']), 'a');
    exchange();
    writeDeskBoard(a, deskState(['s1', 's3', 's4']), 'a');
    writeDeskBoard(b, deskState(['s1', 's2', 's4']), 'b');
    exchange();
    expect(orderOf(a)).toEqual(['s1', 's2', 's3', 's4']);
    expect(orderOf(b)).toEqual(orderOf(a));
    writeDeskBoard(b, deskState(['s3', 's1', 's2', 's4']), 'b');
    exchange();
    expect(orderOf(a)).toEqual(['s3', 's1', 's2', 's4']);
  });

  it('leaves stories a writer cannot show where the desk has them', () => {
    const doc = new Y.Doc();
    writeDeskBoard(doc, deskState(['s1', 'Not_Here', 's2']), 'test');
    writeDeskBoard(doc, deskState(['s2', 's1']), 'test', (storyId) => storyId === 'Not_Here');
    expect(orderOf(doc)).toContain('Not_Here');
    expect(Object.keys(readDeskBoard(doc).placements)).toContain('Not_Here');
    expect(orderOf(doc).filter((id) => id !== 'Not_Here')).toEqual(['s2', 's1']);
  });

  it('pinned cards lead the feed', () => {
    const doc = new Y.Doc();
    writeDeskBoard(doc, deskState(['s2', 's1', 's3'], ['s2']), 'test');
    expect(readDeskBoard(doc).feeds[FEED]).toEqual([
      { storyId: 's2', pinned: true }, { storyId: 's1', pinned: false }, { storyId: 's3', pinned: false },
    ]);
  });

  it('says what is wrong with a malformed board', () => {
    const good = new Y.Doc();
    writeDeskBoard(good, deskState(['s1']), 'test');
    expect(deskBoardProblem(good)).toBeNull();
    const bad = new Y.Doc();
    bad.getMap(DESK_BOARD_ENTRIES).set(`${FEED}/s1`, { feedId: FEED, storyId: 's1', pinned: 'yes', position: 'a0' });
    expect(deskBoardProblem(bad)).toMatch(/board entry “news-feed\/s1” is not valid/);
    const misfiled = new Y.Doc();
    misfiled.getMap(DESK_BOARD_ENTRIES).set('other/s9', { feedId: FEED, storyId: 's1', pinned: false, position: 'a0' });
    expect(deskBoardProblem(misfiled)).toMatch(/wrong key/);
    const timing = new Y.Doc();
    timing.getMap('placements').set('s1', { ...NOW, publish: { mode: 'later' } });
    expect(deskBoardProblem(timing)).toMatch(/timing of “s1”/);
    const stray = new Y.Doc();
    stray.getText('notes').insert(0, 'hello');
    expect(deskBoardProblem(stray)).toMatch(/unknown part “notes”/);
  });
});

describe('the local board and the desk board', () => {
  const A1 = 'article:abcdefgh1';
  const A2 = 'article:abcdefgh2';
  const A3 = 'article:abcdefgh3';
  const LOCAL = 'article:localonly1';
  const VIDEO = 'video:videoitem1';
  const board = (keys: string[]): Board => ({
    format: BOARD_FORMAT,
    feeds: { [FEED]: keys.map((key) => ({ key, pinned: false })) },
    placements: Object.fromEntries(keys.map((key) => [key, newPlacement(key.startsWith('video') ? { kind: 'video', id: key.slice(6) } : { kind: 'article', id: key.slice(8) })])),
  });
  const desk = new Set(['abcdefgh1', 'abcdefgh2', 'abcdefgh3']);
  const storyOf = (key: string): string | null => (key.startsWith('article:') && desk.has(key.slice(8)) ? key.slice(8) : null);
  const isDesk = (key: string): boolean => storyOf(key) !== null;
  const articleOf = (id: string): string => id;

  it('puts only desk stories on the desk board', () => {
    const part = deskPartOf(board([A1, LOCAL, A2, VIDEO]), storyOf);
    expect(part.feeds[FEED]?.map((entry) => entry.storyId)).toEqual(['abcdefgh1', 'abcdefgh2']);
    expect(Object.keys(part.placements)).toEqual(['abcdefgh1', 'abcdefgh2']);
  });

  it('takes the desk order for desk stories and keeps local items after the story they followed', () => {
    const merged = withDeskPart(board([A1, LOCAL, A2, VIDEO, A3]), deskState(['abcdefgh3', 'abcdefgh1', 'abcdefgh2']), articleOf, isDesk);
    expect(merged.feeds[FEED]?.map((entry) => entry.key)).toEqual([A3, A1, LOCAL, A2, VIDEO]);
  });

  it('takes a story off the local board when the desk took it off, keeping its local neighbours', () => {
    const merged = withDeskPart(board([A1, LOCAL, A2]), deskState(['abcdefgh2']), articleOf, isDesk);
    expect(merged.feeds[FEED]?.map((entry) => entry.key)).toEqual([LOCAL, A2]);
    expect(Object.keys(merged.placements).sort()).toEqual([A2, LOCAL].sort());
  });

  it('takes the desk’s timing of a desk story, and leaves the board as it was when nothing differs', () => {
    const embargoed = { ...NOW, embargoUntil: '2026-12-07T10:00:00.000Z' };
    const state = { ...deskState(['abcdefgh1']), placements: { abcdefgh1: embargoed } };
    const merged = withDeskPart(board([A1]), state, articleOf, isDesk);
    expect(merged.placements[A1]).toEqual({ item: { kind: 'article', id: 'abcdefgh1' }, ...embargoed });
    expect(withDeskPart(merged, state, articleOf, isDesk)).toBe(merged);
  });
});
