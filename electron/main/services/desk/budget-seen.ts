import { join } from 'node:path';
import { z } from 'zod';
import { Quarantine } from '../drafts/quarantine';
import { readDeskFile, writeDeskFile } from './desk-files';

/**
 * Which assignments to the person signed in this desktop has already told them of:
 * `<library>/desk/assignments-seen.json`, written atomically after each new one. So a story
 * assigned while the app was closed is told at the next start, and none is told twice.
 */
export interface SeenAssignments {
  deskId: string;
  userId: string;
  /** storyId → the assignment time (ISO) that was told. */
  seen: Record<string, string>;
}

const SeenFile = z.object({ deskId: z.string(), userId: z.string(), seen: z.record(z.string(), z.string()) });

export interface SeenAssignmentsStore {
  /** What was told on this desk to this person, or null when nothing was recorded for them here. */
  load(deskId: string, userId: string): Promise<Record<string, string> | null>;
  save(record: SeenAssignments): Promise<void>;
}

export function openSeenAssignments(libraryDir: string, readOnly: boolean): SeenAssignmentsStore {
  const path = join(libraryDir, 'desk', 'assignments-seen.json');
  const quarantine = new Quarantine(libraryDir, join(libraryDir, 'quarantine'), { leaveInPlace: readOnly });
  let writes: Promise<void> = Promise.resolve();
  return {
    async load(deskId, userId) {
      const file = await readDeskFile(path, SeenFile, quarantine, 'The assignments already told');
      return file && file.deskId === deskId && file.userId === userId ? file.seen : null;
    },
    save(record) {
      // A read-only library (another Newsdesk holds it) is never written; this run remembers in memory.
      if (readOnly) return Promise.resolve();
      writes = writes.catch(() => undefined).then(() => writeDeskFile(path, record));
      return writes;
    },
  };
}
