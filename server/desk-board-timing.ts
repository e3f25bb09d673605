import * as Y from 'yjs';
import { DESK_BOARD_PLACEMENTS, DeskPlacement, readDeskBoard } from '../shared/desk/desk-board';
import type { AuditRecord } from './audit-log';

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
 * changed it since) is left alone. Returns the server's update (to be written ahead) and the
 * re-timings it undid (for the audit log), or null when nothing was undone.
 */
export function undoRetimings(document: Y.Doc, undo: readonly Retiming[]): { update: Uint8Array; undone: Retiming[] } | null {
  const placements = document.getMap(DESK_BOARD_PLACEMENTS);
  const before = Y.encodeStateVector(document);
  const undone: Retiming[] = [];
  document.transact(() => {
    for (const retiming of undo) {
      const now = DeskPlacement.safeParse(placements.get(retiming.storyId));
      if (!now.success || !sameTiming(now.data, retiming.forged)) continue;
      placements.set(retiming.storyId, { ...now.data, ...retiming.was });
      undone.push(retiming);
    }
  }, 'desk-server');
  return undone.length > 0 ? { update: Y.encodeStateAsUpdate(document, before), undone } : null;
}

// The desk's log is read on machines in many time zones: its times are said in UTC, with the zone.
const UTC_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const utc = (iso: string): string => `${UTC_TIME.format(new Date(iso))} UTC`;

/** The parts of a timing that differ from `other`, in words ("scheduled for 2 Jan 2030, 10:00 UTC"). */
function timingWords(timing: Timing, other: Timing): string {
  const words: string[] = [];
  if (JSON.stringify(timing.publish) !== JSON.stringify(other.publish)) {
    words.push(timing.publish.mode === 'scheduled' ? `scheduled for ${utc(timing.publish.at)}` : 'goes live once published');
  }
  if (timing.embargoUntil !== other.embargoUntil) words.push(timing.embargoUntil ? `embargoed until ${utc(timing.embargoUntil)}` : 'no embargo');
  if (timing.expiresAt !== other.expiresAt) words.push(timing.expiresAt ? `taken down at ${utc(timing.expiresAt)}` : 'no expiry');
  return words.join(', ');
}

/**
 * The audit entry of an undone re-timing, shaped as a refused status move is
 * (server/story-workflow.ts): who tried, on which story, the timing kept and the one refused.
 */
export function retimingRefusal(deskId: string, user: { userId: string; name: string }, retiming: Retiming): AuditRecord {
  const { storyId, was, forged } = retiming;
  return {
    deskId, storyId, userId: user.userId, userName: user.name, action: 'timing-refused',
    summary: `${user.name} was refused re-timing the story: it stays “${timingWords(was, forged)}”, not “${timingWords(forged, was)}”. ${TIMING_PUBLISHER_ONLY}`,
    detail: { kept: was, refused: forged },
  };
}
