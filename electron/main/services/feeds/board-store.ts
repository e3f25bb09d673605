import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { QuarantinedFile } from '../../../../shared/model/library';
import { BOARD_FORMAT, Board, EMPTY_BOARD, itemKey, refOfKey, type DeliveryState, type FeedEntry, type ItemRef } from '../../../../shared/model/placement';
import { newPlacement, pinnedFirst } from '../../../../shared/rules/placement';
import { removeStaleTempFiles, writeFileAtomic } from '../fs/atomic-write';
import { ioFailure } from '../fs/io-errors';
import { Quarantine } from '../drafts/quarantine';
import { messageOf } from '../../../../shared/model/errors';

/**
 * The placement board, kept in memory and in <libraryDir>/feeds/board.json. Every change is written
 * at once (atomically, with fsync) before the caller hears it worked, so a change the desk saw
 * survives a crash. Changes apply to the in-memory board in call order; a change that arrives while
 * a write is in flight is folded into the next write, so writes never reorder or drop a change and
 * a burst of drags costs two writes, not one per drag.
 */
export interface BoardStore {
  /** The board as it stands, including changes still being written. */
  get(): Board;
  /**
   * Applies `change` to the current board and resolves with the result once it is on disk. A change
   * that throws leaves the board as it was. If the write fails, changes not yet on disk are undone
   * and the caller gets an io error.
   */
  update(change: (board: Board) => Board): Promise<Board>;
  /**
   * Records how far an article got towards the site: 'queued' when a publish job is queued, then
   * 'published' (with when) or back to what it was. An article in no feed has no placement to
   * mark and the board is left as it is. `kind` 'video': the id is a video item's (published the same way).
   */
  setArticleDelivery(articleId: string, delivery: DeliveryState, publishedAt: string | null, kind?: ItemRef['kind']): Promise<Board>;
  quarantined(): QuarantinedFile[];
  /** Resolves once every change made so far is on disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface BoardStoreOptions {
  /** Where an unreadable board.json is moved (shared with the drafts: one place to look). */
  quarantineDir: string;
  /** Another process holds the library: nothing is swept or moved at open (its temp file may be a write under way). */
  readOnly?: boolean;
}

export async function openBoardStore(libraryDir: string, options: BoardStoreOptions): Promise<BoardStore> {
  const dir = join(libraryDir, 'feeds');
  const file = join(dir, 'board.json');
  if (!options.readOnly) {
    await mkdir(dir, { recursive: true });
    await mkdir(options.quarantineDir, { recursive: true });
  }
  // A temp file left by an interrupted write is dropped: board.json still holds the board before it.
  if (!options.readOnly) await removeStaleTempFiles(dir);
  const quarantine = new Quarantine(libraryDir, options.quarantineDir, { leaveInPlace: options.readOnly });
  const loaded = await readBoardFile(file);
  let board: Board = EMPTY_BOARD;
  if (loaded.ok) board = loaded.board;
  else if (loaded.reason !== null) {
    // The desk can rebuild a board; it cannot work at all if the app refuses to start.
    await quarantine.move(file, `${loaded.reason} The board started empty; the old file is kept here.`);
  }
  return new FileBoardStore(file, board, quarantine);
}

type ReadOutcome = { ok: true; board: Board } | { ok: false; reason: string | null };

/** Reads board.json; `reason` null means there is no file yet (a new desk). */
async function readBoardFile(file: string): Promise<ReadOutcome> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: null };
    return { ok: false, reason: `The placement board could not be read (${code ?? String(error)}).` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = messageOf(error);
    return { ok: false, reason: text.trim() === '' ? 'The placement board file is empty.' : `The placement board is not valid JSON (${detail}).` };
  }
  if (raw && typeof raw === 'object' && 'format' in raw && raw.format !== BOARD_FORMAT) {
    return { ok: false, reason: `The placement board was written in a format this version does not know (${String(raw.format).slice(0, 20)}).` };
  }
  const parsed = Board.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { ok: false, reason: `The placement board is not readable (${where}${issue?.message ?? 'invalid'}).` };
  }
  return { ok: true, board: normalized(parsed.data) };
}

/**
 * Repairs what a hand edit could leave inconsistent without losing a placement: each item once per
 * feed, pinned items first, a timing for every placed item and none for items in no feed.
 * Entries of feeds no longer in settings are kept: archiving or restoring a feed must not lose them.
 */
function normalized(board: Board): Board {
  const feeds: Record<string, FeedEntry[]> = {};
  const placed = new Set<string>();
  for (const [feedId, entries] of Object.entries(board.feeds)) {
    const seen = new Set<string>();
    const unique = entries.filter((entry) => !seen.has(entry.key) && seen.add(entry.key));
    unique.forEach((entry) => placed.add(entry.key));
    feeds[feedId] = pinnedFirst(unique);
  }
  const placements: Board['placements'] = {};
  for (const key of placed) placements[key] = board.placements[key] ?? newPlacement(refOfKey(key));
  return { format: BOARD_FORMAT, placements, feeds };
}

class FileBoardStore implements BoardStore {
  /** Bumped per change; `written` is the version on disk. */
  private version = 0;
  private written = 0;
  private durable: Board;
  private writing: Promise<void> | null = null;

  constructor(
    private readonly file: string,
    private board: Board,
    private readonly quarantine: Quarantine,
  ) {
    this.durable = board;
  }

  get(): Board {
    return this.board;
  }

  async update(change: (board: Board) => Board): Promise<Board> {
    // Synchronous up to here, so changes apply in the order they were asked for.
    const next = change(this.board);
    if (next === this.board) {
      await this.flush();
      return next;
    }
    this.board = next;
    this.version += 1;
    await this.writtenUpTo(this.version);
    return next;
  }

  setArticleDelivery(articleId: string, delivery: DeliveryState, publishedAt: string | null, kind: ItemRef['kind'] = 'article'): Promise<Board> {
    const key = itemKey({ kind, id: articleId });
    return this.update((board) => {
      const placement = board.placements[key];
      if (!placement || (placement.delivery === delivery && placement.publishedAt === publishedAt)) return board;
      return { ...board, placements: { ...board.placements, [key]: { ...placement, delivery, publishedAt } } };
    });
  }

  quarantined(): QuarantinedFile[] {
    return this.quarantine.list();
  }

  flush(): Promise<void> {
    return this.writtenUpTo(this.version);
  }

  close(): Promise<void> {
    return this.flush().catch(() => undefined);
  }

  private async writtenUpTo(version: number): Promise<void> {
    while (this.written < version) {
      this.writing ??= this.writeLatest().finally(() => {
        this.writing = null;
      });
      await this.writing;
    }
  }

  /** Writes the board as it is now, which holds every change made before this moment. */
  private async writeLatest(): Promise<void> {
    const version = this.version;
    const board = this.board;
    try {
      await writeFileAtomic(this.file, JSON.stringify(board));
    } catch (error) {
      // The disk keeps the last good board, and so does memory, so what the desk sees is what a
      // restart would show. Changes made on top of the failed ones are undone with them; their
      // callers are waiting on this same write and hear of it.
      this.board = this.durable;
      this.version = this.written;
      throw ioFailure('The placement board could not be saved, so the last change was undone', error);
    }
    this.durable = board;
    this.written = version;
  }
}
