import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ArticleId } from '../../../../shared/model/article';
import { CORRECTIONS_FORMAT, CorrectionsLog, type CorrectionEntry, type CorrectionKind } from '../../../../shared/model/corrections';
import { UserFacingError } from '../../../../shared/model/errors';
import { correctionLine, type DeskClock } from '../../../../shared/rules/corrections';
import { Quarantine } from '../drafts/quarantine';
import { removeStaleTempFiles, writeFileAtomic } from '../fs/atomic-write';
import { ioFailure } from '../fs/io-errors';

/**
 * The corrections log of each story: <library>/corrections/<articleId>.json, the notes oldest
 * first, each with its date and the line appended to the story. Written atomically (temp file,
 * fsync, rename), so a crash leaves the old log or the new one. One story's adds run one after the
 * other, so two notes added at once are both kept.
 */
export interface CorrectionsStore {
  list(articleId: string): Promise<CorrectionEntry[]>;
  /** Writes the note into the log and returns it; the log on disk holds it before this resolves. */
  add(articleId: string, note: { kind: CorrectionKind; text: string; at: Date }): Promise<CorrectionEntry>;
  /** Takes a note out again (the story could not be saved with it). */
  remove(articleId: string, entryId: string): Promise<void>;
}

export interface CorrectionsStoreOptions {
  clock?: DeskClock;
  readOnly?: boolean;
}

export function correctionsDir(libraryDir: string): string {
  return join(libraryDir, 'corrections');
}

export function openCorrectionsStore(libraryDir: string, options: CorrectionsStoreOptions = {}): CorrectionsStore {
  const dir = correctionsDir(libraryDir);
  const quarantineDir = join(libraryDir, 'quarantine');
  const quarantine = new Quarantine(libraryDir, quarantineDir);
  const queues = new Map<string, Promise<unknown>>();
  let prepared: Promise<void> | null = null;

  const fileOf = (articleId: string): string => {
    // The id becomes a file name: only the shape the model allows, so it cannot leave the folder.
    if (!ArticleId.safeParse(articleId).success) throw new UserFacingError('invalid-request', 'Not a valid article id.');
    return join(dir, `${articleId}.json`);
  };

  const read = async (articleId: string): Promise<CorrectionsLog> => {
    const file = fileOf(articleId);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { format: CORRECTIONS_FORMAT, articleId, entries: [] };
      throw ioFailure('The corrections log of this story could not be read', error);
    }
    let parsed: ReturnType<typeof CorrectionsLog.safeParse>;
    try {
      parsed = CorrectionsLog.safeParse(JSON.parse(text));
    } catch {
      parsed = CorrectionsLog.safeParse(undefined);
    }
    if (parsed.success && parsed.data.articleId === articleId) return parsed.data;
    // Never overwritten blindly: the damaged log is set aside with its reason, and the story's
    // notes stay in its body, where they were appended.
    await mkdir(quarantineDir, { recursive: true }).catch(() => undefined);
    const moved = await quarantine.move(file, 'A corrections log could not be read; its notes are still in the story.');
    if (moved && moved.movedTo === file) {
      // Left in place: writing a new log over it would lose what it holds.
      throw new UserFacingError('io', `The corrections log of this story could not be read and could not be set aside (${moved.reason}), so no note is added until it is moved or repaired.`);
    }
    return { format: CORRECTIONS_FORMAT, articleId, entries: [] };
  };

  const write = async (log: CorrectionsLog): Promise<void> => {
    if (options.readOnly) throw new UserFacingError('forbidden', 'This library is open read-only, so no correction can be added.');
    prepared ??= (async () => {
      await mkdir(dir, { recursive: true });
      await removeStaleTempFiles(dir);
    })().catch((error: unknown) => {
      prepared = null;
      throw error;
    });
    try {
      await prepared;
      await writeFileAtomic(fileOf(log.articleId), `${JSON.stringify(CorrectionsLog.parse(log), null, 2)}\n`);
    } catch (error) {
      throw ioFailure('The corrections log could not be written, so the note was not added', error);
    }
  };

  /** One story's changes in order: each starts after the one before it ended (whether it worked or not). */
  const inTurn = <T>(articleId: string, work: () => Promise<T>): Promise<T> => {
    const before = queues.get(articleId) ?? Promise.resolve();
    const run = before.then(work, work);
    queues.set(articleId, run.catch(() => undefined));
    return run;
  };

  return {
    async list(articleId) {
      return (await read(articleId)).entries;
    },
    add(articleId, note) {
      return inTurn(articleId, async () => {
        const log = await read(articleId);
        const entry: CorrectionEntry = {
          id: `c-${note.at.getTime().toString(36)}-${randomBytes(4).toString('hex')}`,
          kind: note.kind,
          text: note.text.trim(),
          at: note.at.toISOString(),
          line: correctionLine(note.kind, note.text, note.at, options.clock),
        };
        await write({ ...log, entries: [...log.entries, entry] });
        return entry;
      });
    },
    remove(articleId, entryId) {
      return inTurn(articleId, async () => {
        const log = await read(articleId);
        await write({ ...log, entries: log.entries.filter((entry) => entry.id !== entryId) });
      });
    },
  };
}
