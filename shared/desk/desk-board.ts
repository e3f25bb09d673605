import { generateNKeysBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { z } from 'zod';
import { FeedId } from '../model/feed';
import { Placement } from '../model/placement';
import { deskIdSchema, storyIdSchema } from './desk-protocol';

/**
 * The desk's placement board: one Y.Doc per desk, `desk/<deskId>/board`, holding where the desk's
 * stories are placed. Only desk stories are on it; a desktop's local stories and videos stay on its
 * own board.
 *
 * Why a Y.Map of fractional-index keys rather than a Y.Array of ids: a move is ONE map write (the
 * card's `position`), so two people moving different cards of one feed at once both keep their
 * move, and two people moving the same card end on whichever write Yjs keeps — the same on every
 * desktop. A Y.Array would make a move a delete plus an insert: two concurrent moves of one card
 * leave it twice (de-duplication then has to choose, and each desktop must choose alike), and a
 * delete racing an insert can drop it. The order is read by sorting on (pinned, position, story
 * id), which every desktop computes the same from the same map; equal positions (two cards
 * inserted into the same gap at once) are told apart by the story id.
 */
export const DESK_BOARD_ENTRIES = 'entries';
export const DESK_BOARD_PLACEMENTS = 'placements';

const DESK_BOARD = /^desk\/([^/]+)\/board$/;

export function deskBoardDocumentName(deskId: string): string {
  return `desk/${deskIdSchema.parse(deskId)}/board`;
}

export function parseDeskBoardDocumentName(name: string): string | null {
  const desk = deskIdSchema.safeParse(DESK_BOARD.exec(name)?.[1]);
  return desk.success ? desk.data : null;
}

/** Fractional-index keys (base 62 digits, as fractional-indexing makes them); bounded so a key cannot bloat the board. */
const Position = z.string().regex(/^[A-Za-z0-9]{1,200}$/, 'A position is letters and digits.');

/** One story in one feed, stored under the key `<feedId>/<storyId>`. */
export const DeskBoardEntry = z.object({ feedId: FeedId, storyId: storyIdSchema, pinned: z.boolean(), position: Position }).strict();
export type DeskBoardEntry = z.infer<typeof DeskBoardEntry>;

/** A story's timing on the desk: a local Placement without its item (the key is the story id). */
export const DeskPlacement = Placement.omit({ item: true });
export type DeskPlacement = z.infer<typeof DeskPlacement>;

export interface DeskFeedEntry {
  storyId: string;
  pinned: boolean;
}

/** The desk board as plain data: each feed's order, and each placed story's timing. */
export interface DeskBoardState {
  feeds: Record<string, DeskFeedEntry[]>;
  placements: Record<string, DeskPlacement>;
}

export const entryKeyOf = (feedId: string, storyId: string): string => `${feedId}/${storyId}`;

const entriesOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(DESK_BOARD_ENTRIES);
const placementsOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(DESK_BOARD_PLACEMENTS);

/** Where and what, shortly: the refusal travels in a websocket close frame, which is small. */
function issueOf(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'invalid';
}

/** The first thing wrong in a board document, as a sentence, or null when every entry is well formed. */
export function deskBoardProblem(doc: Y.Doc): string | null {
  for (const [key, value] of entriesOf(doc).entries()) {
    const entry = DeskBoardEntry.safeParse(value);
    if (!entry.success) return `The board entry “${key.slice(0, 80)}” is not valid (${issueOf(entry.error)}).`;
    if (key !== entryKeyOf(entry.data.feedId, entry.data.storyId)) return `The board entry “${key.slice(0, 80)}” is filed under the wrong key.`;
  }
  for (const [key, value] of placementsOf(doc).entries()) {
    if (!storyIdSchema.safeParse(key).success) return `The board placement “${key.slice(0, 80)}” does not name a story.`;
    const placement = DeskPlacement.safeParse(value);
    if (!placement.success) return `The timing of “${key}” on the board is not valid (${issueOf(placement.error)}).`;
  }
  for (const name of doc.share.keys()) {
    if (name !== DESK_BOARD_ENTRIES && name !== DESK_BOARD_PLACEMENTS) return `The board holds an unknown part “${name.slice(0, 80)}”.`;
  }
  return null;
}

const byOrder = (a: DeskBoardEntry, b: DeskBoardEntry): number =>
  Number(b.pinned) - Number(a.pinned) || (a.position < b.position ? -1 : a.position > b.position ? 1 : 0) || (a.storyId < b.storyId ? -1 : a.storyId > b.storyId ? 1 : 0);

/** Entries of each feed in board order. Malformed values (never accepted by the server) are skipped. */
function sortedEntries(doc: Y.Doc): Map<string, DeskBoardEntry[]> {
  const feeds = new Map<string, DeskBoardEntry[]>();
  for (const value of entriesOf(doc).values()) {
    const entry = DeskBoardEntry.safeParse(value);
    if (!entry.success) continue;
    feeds.set(entry.data.feedId, [...(feeds.get(entry.data.feedId) ?? []), entry.data]);
  }
  for (const list of feeds.values()) list.sort(byOrder);
  return feeds;
}

export function readDeskBoard(doc: Y.Doc): DeskBoardState {
  const feeds: DeskBoardState['feeds'] = {};
  for (const [feedId, list] of sortedEntries(doc)) feeds[feedId] = list.map(({ storyId, pinned }) => ({ storyId, pinned }));
  const placements: DeskBoardState['placements'] = {};
  for (const [storyId, value] of placementsOf(doc).entries()) {
    const placement = DeskPlacement.safeParse(value);
    if (placement.success) placements[storyId] = placement.data;
  }
  return { feeds, placements };
}

/**
 * Indices (into `positions`) of a longest strictly increasing run of known positions: those cards
 * keep their position, so a move rewrites only the cards that moved, and a concurrent move of
 * another card is not overwritten.
 */
function keptIndices(positions: readonly (string | undefined)[]): Set<number> {
  const tails: number[] = [];
  const previous = new Array<number>(positions.length).fill(-1);
  positions.forEach((position, i) => {
    if (position === undefined) return;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((positions[tails[mid]!] as string) < position) low = mid + 1;
      else high = mid;
    }
    previous[i] = low > 0 ? tails[low - 1]! : -1;
    tails[low] = i;
  });
  const kept = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) kept.add(i);
  return kept;
}

/** Positions for one group (pinned or not) in the wanted order, reusing every position it can. */
function positionsFor(wanted: readonly DeskFeedEntry[], existing: ReadonlyMap<string, DeskBoardEntry>): string[] {
  const current = wanted.map((entry) => existing.get(entry.storyId)?.position);
  const kept = keptIndices(current);
  const result: string[] = [];
  let i = 0;
  while (i < wanted.length) {
    if (kept.has(i)) {
      result.push(current[i]!);
      i += 1;
      continue;
    }
    let end = i;
    while (end < wanted.length && !kept.has(end)) end += 1;
    const before = result.at(-1) ?? null;
    const after = end < wanted.length ? current[end]! : null;
    result.push(...generateNKeysBetween(before, after, end - i));
    i = end;
  }
  return result;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Makes the document hold `wanted`, in one transaction, writing only what differs: a card that kept
 * its place keeps its entry untouched, so concurrent edits of other cards merge. Stories for which
 * `keep` says so are left as they are when `wanted` lacks them (a writer that cannot show them must
 * not take them off the desk).
 */
export function writeDeskBoard(doc: Y.Doc, wanted: DeskBoardState, origin: unknown, keep: (storyId: string) => boolean = () => false): void {
  const entries = entriesOf(doc);
  const placements = placementsOf(doc);
  const existing = sortedEntries(doc);
  doc.transact(() => {
    const wantedKeys = new Set<string>();
    for (const [feedId, list] of Object.entries(wanted.feeds)) {
      const known = new Map((existing.get(feedId) ?? []).map((entry) => [entry.storyId, entry]));
      for (const pinned of [true, false]) {
        const group = list.filter((entry) => entry.pinned === pinned);
        const positions = positionsFor(group, new Map([...known].filter(([, entry]) => entry.pinned === pinned)));
        group.forEach(({ storyId }, i) => {
          const next: DeskBoardEntry = { feedId, storyId, pinned, position: positions[i]! };
          const key = entryKeyOf(feedId, storyId);
          wantedKeys.add(key);
          if (!same(known.get(storyId), next)) entries.set(key, next);
        });
      }
    }
    for (const [key, value] of [...entries.entries()]) {
      const entry = DeskBoardEntry.safeParse(value);
      if (!wantedKeys.has(key) && !(entry.success && keep(entry.data.storyId))) entries.delete(key);
    }
    for (const [storyId, placement] of Object.entries(wanted.placements)) {
      if (!same(placements.get(storyId), placement)) placements.set(storyId, placement);
    }
    for (const storyId of [...placements.keys()]) if (!(storyId in wanted.placements) && !keep(storyId)) placements.delete(storyId);
  }, origin);
}
