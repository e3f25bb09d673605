import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBoardStore, type BoardStore } from '../../../electron/main/services/feeds/board-store';
import { DEFAULT_FEEDS } from '../../../shared/model/feed';
import { Board, EMPTY_BOARD, type ItemRef } from '../../../shared/model/placement';
import { moveItem, placeItem, setPinned } from '../../../shared/rules/placement';
import { feedOrder, openDesk, tempDir } from './helpers';

const news = DEFAULT_FEEDS[0]!;
const ref = (n: number): ItemRef => ({ kind: 'article', id: `article-${String(n).padStart(4, '0')}` });
const k = (n: number) => `article:article-${String(n).padStart(4, '0')}`;

async function open(libraryDir: string): Promise<BoardStore> {
  return openBoardStore(libraryDir, { quarantineDir: join(libraryDir, 'quarantine') });
}

const boardFile = (libraryDir: string) => join(libraryDir, 'feeds', 'board.json');

async function onDisk(libraryDir: string): Promise<Board> {
  return Board.parse(JSON.parse(await readFile(boardFile(libraryDir), 'utf8')));
}

describe('board store on disk', () => {
  it('starts empty, writes each change before answering, and reads it back on reopen', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    expect(store.get()).toEqual(EMPTY_BOARD);
    const placed = await store.update((board) => placeItem(board, ref(1), news));
    expect(await onDisk(dir)).toEqual(placed);
    await store.update((board) => setPinned(board, k(1), 'news-feed', true));
    await store.close();
    const reopened = await open(dir);
    expect(feedOrder(reopened.get(), 'news-feed')).toEqual([`*${k(1)}`]);
    expect(reopened.quarantined()).toEqual([]);
  });

  it('keeps every one of many quick changes, in the order they were made', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const changes: Promise<Board>[] = [];
    // Fired without waiting, as a burst of drags and keyboard moves would be.
    for (let n = 1; n <= 40; n += 1) changes.push(store.update((board) => placeItem(board, ref(n), news, 0)));
    for (let n = 1; n <= 40; n += 2) changes.push(store.update((board) => moveItem(board, k(n), 'news-feed', news, 1_000)));
    const results = await Promise.all(changes);
    const expected = [
      ...Array.from({ length: 40 }, (_, i) => 40 - i).filter((n) => n % 2 === 0),
      ...Array.from({ length: 20 }, (_, i) => 2 * i + 1),
    ].map(k);
    expect(feedOrder(results.at(-1)!, 'news-feed')).toEqual(expected);
    // Each caller got the board as it stood after its own change.
    expect(results[0]!.feeds['news-feed']).toHaveLength(1);
    expect(results[39]!.feeds['news-feed']).toHaveLength(40);
    expect(feedOrder(await onDisk(dir), 'news-feed')).toEqual(expected);
    await store.close();
    expect(feedOrder((await open(dir)).get(), 'news-feed')).toEqual(expected);
  });

  it('leaves the board as it was when a change is refused', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.update((board) => placeItem(board, ref(1), news));
    await expect(store.update((board) => placeItem(board, ref(1), news))).rejects.toThrow(/already in/);
    expect(feedOrder(store.get(), 'news-feed')).toEqual([k(1)]);
  });

  it('undoes changes it could not write and says so', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.update((board) => placeItem(board, ref(1), news));
    // The folder vanishing under the app stands in for a full or failing disk.
    await rm(join(dir, 'feeds'), { recursive: true });
    const first = store.update((board) => placeItem(board, ref(2), news));
    const second = store.update((board) => placeItem(board, ref(3), news));
    await expect(first).rejects.toMatchObject({ code: 'io', message: expect.stringMatching(/could not be saved/) });
    await expect(second).rejects.toMatchObject({ code: 'io' });
    expect(feedOrder(store.get(), 'news-feed')).toEqual([k(1)]);
    // Once the disk is back, changes are written again.
    await mkdir(join(dir, 'feeds'));
    await store.update((board) => placeItem(board, ref(4), news));
    expect(feedOrder(await onDisk(dir), 'news-feed')).toEqual([k(1), k(4)]);
  });

  it('keeps the previous board when a write was interrupted (temp file left behind)', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const before = await store.update((board) => placeItem(board, ref(1), news));
    await store.close();
    const half = join(dir, 'feeds', '.board.json.0123456789ab.tmp');
    await writeFile(half, '{"format":1,"placements":{},"fee');
    const reopened = await open(dir);
    expect(reopened.get()).toEqual(before);
    expect(await readdir(join(dir, 'feeds'))).toEqual(['board.json']);
    expect(reopened.quarantined()).toEqual([]);
  });

  it('moves a corrupt board aside, reports it and starts empty', async () => {
    for (const [content, reason] of [
      ['{"format":1,"placements":{}', /not valid JSON/],
      ['', /empty/],
      ['{"format":1,"placements":{},"feeds":{"news-feed":[{"key":"not a key","pinned":false}]}}', /not readable/],
      ['{"format":7,"placements":{},"feeds":{}}', /format this version does not know/],
    ] as const) {
      const dir = await tempDir();
      await mkdir(join(dir, 'feeds'), { recursive: true });
      await writeFile(boardFile(dir), content);
      const store = await open(dir);
      expect(store.get()).toEqual(EMPTY_BOARD);
      const [report] = store.quarantined();
      expect(report).toMatchObject({ file: join('feeds', 'board.json'), reason: expect.stringMatching(reason) });
      expect(await readFile(report!.movedTo, 'utf8')).toBe(content);
      // The next change writes a fresh board; the quarantined copy stays.
      await store.update((board) => placeItem(board, ref(1), news));
      expect(feedOrder(await onDisk(dir), 'news-feed')).toEqual([k(1)]);
      expect(await readFile(report!.movedTo, 'utf8')).toBe(content);
    }
  });

  it('repairs a hand-edited board without losing placements', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'feeds'), { recursive: true });
    const edited = {
      format: 1,
      placements: { [k(9)]: { item: ref(9), publish: { mode: 'now' }, embargoUntil: null, expiresAt: null, delivery: 'none', publishedAt: null } },
      feeds: {
        'news-feed': [
          { key: k(1), pinned: false },
          { key: k(2), pinned: true },
          { key: k(1), pinned: false },
        ],
        'gone-feed': [{ key: k(3), pinned: false }],
      },
    };
    await writeFile(boardFile(dir), JSON.stringify(edited));
    const board = (await open(dir)).get();
    expect(feedOrder(board, 'news-feed')).toEqual([`*${k(2)}`, k(1)]);
    expect(feedOrder(board, 'gone-feed')).toEqual([k(3)]);
    expect(Object.keys(board.placements).sort()).toEqual([k(1), k(2), k(3)]);
  });
});

describe('board quarantine through the app', () => {
  it('names a corrupt board in app:info and the desk keeps working', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'library', 'feeds'), { recursive: true });
    await writeFile(join(dir, 'library', 'feeds', 'board.json'), 'not json at all');
    const desk = await openDesk(dir);
    const info = await desk.call('app:info', {});
    expect(info.quarantined).toEqual([expect.objectContaining({ file: join('feeds', 'board.json'), reason: expect.stringMatching(/board started empty/) })]);
    expect((await desk.call('board:get', {})).board).toEqual(EMPTY_BOARD);
  });
});
