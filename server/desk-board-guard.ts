import * as Y from 'yjs';
import { deskBoardProblem, readDeskBoard, type DeskPlacement } from '../shared/desk/desk-board';
import type { DeskDatabase } from './db/database';
import { FORBIDDEN, MALFORMED, RefusedMessage } from './message-guard';

/** Said when someone without the publisher role changes when a desk story goes live. */
export const TIMING_PUBLISHER_ONLY = 'Only a publisher may schedule, embargo or time out a desk story.';

const timingOf = (placement: DeskPlacement): string => JSON.stringify([placement.publish, placement.embargoUntil, placement.expiresAt]);

/**
 * The first story on the board whose go-live time (schedule, embargo, expiry) differs between two
 * boards, or null. A story taken off the board is not a timing change: removing a card is anyone's
 * move. Nor is a story's first placement on the desk's board: a story timed on its author's own
 * board before it was shared joins with that timing, and refusing it would cut the author's
 * desktop off again at every reconnect (it sends the same state each time).
 */
function retimedStory(before: Y.Doc, after: Y.Doc): string | null {
  const old = readDeskBoard(before).placements;
  for (const [storyId, placement] of Object.entries(readDeskBoard(after).placements)) {
    const was = old[storyId];
    if (was && timingOf(placement) !== timingOf(was)) return storyId;
  }
  return null;
}

/**
 * Refuses a board update whose result would not be a well-formed board (an entry that is not a
 * story in a feed at a position, a timing that is not a timing, an unknown part), or, from a user
 * who may not time stories (`mayTime` false: no publisher role), one that changes a story's
 * schedule, embargo or expiry. It is tried on a copy of the live document, so a refused update is
 * never applied, stored or sent on, and the desktops never have to guess what a broken entry
 * meant. Boards are small: copying one per update costs far less than the round trip.
 */
export function checkBoardUpdate(document: Y.Doc, update: Uint8Array, mayTime = true): void {
  const trial = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(trial, Y.encodeStateAsUpdate(document));
    Y.applyUpdate(trial, update);
    const problem = deskBoardProblem(trial);
    if (problem) throw new RefusedMessage(MALFORMED, `Board update refused: ${problem}`);
    if (!mayTime && retimedStory(document, trial) !== null) throw new RefusedMessage(FORBIDDEN, `Board update refused: ${TIMING_PUBLISHER_ONLY}`);
  } catch (error) {
    if (error instanceof RefusedMessage) throw error;
    throw new RefusedMessage(MALFORMED, 'Board update refused: it could not be applied.');
  } finally {
    trial.destroy();
  }
}

/**
 * Folds a board's write-ahead rows and its live state into its stored state (the same tables as
 * stories, keyed by document name; a board has no archive row). The stored state only grows.
 */
export async function storeBoard(db: DeskDatabase, name: string, doc: Y.Doc): Promise<void> {
  const live = Y.encodeStateAsUpdate(doc);
  await db.transaction(async (query) => {
    await query('INSERT INTO story_documents (name, state) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, live]);
    const [stored] = await query<{ state: Uint8Array }>('SELECT state FROM story_documents WHERE name = $1 FOR UPDATE', [name]);
    const updates = await query<{ id: string; data: Uint8Array }>('SELECT id, data FROM story_updates WHERE name = $1 ORDER BY id', [name]);
    const merged = Y.mergeUpdates([live, ...(stored ? [new Uint8Array(stored.state)] : []), ...updates.map((row) => new Uint8Array(row.data))]);
    await query('UPDATE story_documents SET state = $2, updated_at = now() WHERE name = $1', [name, merged]);
    const lastId = updates.at(-1)?.id;
    if (lastId !== undefined) await query('DELETE FROM story_updates WHERE name = $1 AND id <= $2', [name, lastId]);
  });
}
