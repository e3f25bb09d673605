import * as Y from 'yjs';
import { deskBoardProblem } from '../shared/desk/desk-board';
import type { DeskDatabase } from './db/database';
import { retimings, type Retiming } from './desk-board-timing';
import { MALFORMED, RefusedMessage } from './message-guard';

/**
 * Refuses a board update whose result would not be a well-formed board (an entry that is not a
 * story in a feed at a position, a timing that is not a timing, an unknown part). It is tried on a
 * copy of the live document, so a refused update is never applied, stored or sent on, and the
 * desktops never have to guess what a broken entry meant. Boards are small: copying one per update
 * costs far less than the round trip. From a user who may not time stories (`mayTime` false: no
 * publisher role), returns the stories the update re-times, for the server to undo once it is in
 * (server/desk-board-timing.ts).
 */
export function checkBoardUpdate(document: Y.Doc, update: Uint8Array, mayTime = true): Retiming[] {
  const trial = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(trial, Y.encodeStateAsUpdate(document));
    Y.applyUpdate(trial, update);
    const problem = deskBoardProblem(trial);
    if (problem) throw new RefusedMessage(MALFORMED, `Board update refused: ${problem}`);
    return mayTime ? [] : retimings(document, trial);
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
