import * as Y from 'yjs';
import { DESK_BOARD_PLACEMENTS, DeskPlacement, readDeskBoard } from '../shared/desk/desk-board';

/**
 * Only a publisher may change when a desk story goes live (its schedule, embargo or expiry on the
 * desk's board). A board update that re-times a story from anyone else is applied and then undone
 * by the server's own later write, as a status a user may not set is (server/story-workflow.ts):
 * refusing the update would not work, since the desktop's copy keeps it and sends it again, with
 * its real moves, at every reconnect, cutting that desktop off the board for good.
 */
export const TIMING_PUBLISHER_ONLY = 'Only a publisher may schedule, embargo or time out a desk story.';

type Timing = Pick<DeskPlacement, 'publish' | 'embargoUntil' | 'expiresAt'>;

/** A re-timing to undo: the story, the timing it had, and the one written without the right. */
export interface Retiming {
  storyId: string;
  was: Timing;
  forged: Timing;
}

const timingOf = (placement: DeskPlacement): Timing => ({ publish: placement.publish, embargoUntil: placement.embargoUntil, expiresAt: placement.expiresAt });
const sameTiming = (a: Timing, b: Timing): boolean => JSON.stringify(timingOf(a as DeskPlacement)) === JSON.stringify(timingOf(b as DeskPlacement));

/**
 * The stories whose go-live time differs between two boards. A story taken off the board is no
 * re-timing (removing a card is anyone's move), nor is a story's first placement on the desk's
 * board: a story timed on its author's own board before it was shared joins with that timing.
 */
export function retimings(before: Y.Doc, after: Y.Doc): Retiming[] {
  const old = readDeskBoard(before).placements;
  const found: Retiming[] = [];
  for (const [storyId, placement] of Object.entries(readDeskBoard(after).placements)) {
    const was = old[storyId];
    if (was && !sameTiming(was, placement)) found.push({ storyId, was: timingOf(was), forged: timingOf(placement) });
  }
  return found;
}

/**
 * Puts each re-timed story back to the timing it had, once the update is in the document, keeping
 * whatever else the update changed. A story whose timing is no longer the forged one (a publisher
 * changed it since) is left alone. Returns the server's update (to be written ahead), or null.
 */
export function undoRetimings(document: Y.Doc, undo: readonly Retiming[]): Uint8Array | null {
  const placements = document.getMap(DESK_BOARD_PLACEMENTS);
  const before = Y.encodeStateVector(document);
  let changed = false;
  document.transact(() => {
    for (const { storyId, was, forged } of undo) {
      const now = DeskPlacement.safeParse(placements.get(storyId));
      if (!now.success || !sameTiming(now.data, forged)) continue;
      placements.set(storyId, { ...now.data, ...was });
      changed = true;
    }
  }, 'desk-server');
  return changed ? Y.encodeStateAsUpdate(document, before) : null;
}
