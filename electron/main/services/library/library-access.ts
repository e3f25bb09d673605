import { constants, promises as fsp } from 'node:fs';
import { join, relative } from 'node:path';
import { UserFacingError, type ErrorCode } from '../../../../shared/model/errors';
import type { LibraryReadOnly } from '../../../../shared/model/library';
import { acquireLibraryLock, type HeldLock, type LockOptions, type LockOwner } from './library-lock';

/**
 * Whether this process may write the library, and why not. Read-only when another Newsdesk holds
 * its lock, or when the folder (or one inside it, such as media/) cannot be written: the app then
 * opens to show everything, and every change is refused with `readOnly.reason`, instead of failing
 * to start or writing over another desk's work.
 */
export interface LibraryAccess {
  /** Null while this process is the library's one writer. */
  readonly readOnly: LibraryReadOnly | null;
  /** Throws the refusal every change gets while the library is read-only. */
  assertWritable(): void;
  /** Gives the lock up (only if it is still ours); the library is read-only from then on. */
  close(): Promise<void>;
}

export interface LibraryAccessOptions extends Omit<LockOptions, 'onLost'> {
  /** Called when another process took the lock over while this one held it (see library-lock.ts). */
  onReadOnly?: (readOnly: LibraryReadOnly) => void;
}

/** Folders more than this deep are not probed (revisions/<id>/ alone can be thousands). */
const PROBE_DEPTH = 2;

export async function openLibraryAccess(libraryDir: string, options: LibraryAccessOptions = {}): Promise<LibraryAccess> {
  let lock: HeldLock | null = null;
  const state: { readOnly: LibraryReadOnly | null; code: ErrorCode } = { readOnly: null, code: 'conflict' };
  const outcome = await acquireLibraryLock(libraryDir, {
    ...options,
    onLost: (holder) => {
      state.readOnly = heldBy(holder, 'took this library over');
      options.onReadOnly?.(state.readOnly);
    },
  });
  if (outcome.kind === 'busy') state.readOnly = heldBy(outcome.holder, 'has this library open');
  else if (outcome.kind === 'unwritable') {
    state.readOnly = unwritable(libraryDir, libraryDir, outcome.code);
    state.code = 'io';
  } else {
    const blocked = await firstUnwritableFolder(libraryDir);
    if (blocked) {
      // Nothing could be written anyway; holding the lock would only keep a writer from fixing it.
      await outcome.lock.release();
      state.readOnly = unwritable(libraryDir, blocked.dir, blocked.code);
      state.code = 'io';
    } else lock = outcome.lock;
  }
  return {
    get readOnly() {
      return state.readOnly;
    },
    assertWritable() {
      if (state.readOnly) throw new UserFacingError(state.code, `${state.readOnly.reason} Nothing was changed.`);
    },
    async close() {
      const held = lock;
      lock = null;
      await held?.release();
    },
  };
}

function heldBy(holder: LockOwner | null, what: string): LibraryReadOnly {
  if (!holder) {
    return { reason: 'Another Newsdesk has this library open: opened read-only. Close it there to make changes here.', heldBy: null };
  }
  const since = new Date(holder.startedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return {
    reason: `Open on ${holder.host} since ${since}: opened read-only. Newsdesk there (process ${holder.pid}) ${what}; close it there, then reopen Newsdesk here to make changes.`,
    heldBy: { host: holder.host, pid: holder.pid, startedAt: holder.startedAt },
  };
}

function unwritable(libraryDir: string, dir: string, code: string): LibraryReadOnly {
  const where = relative(libraryDir, dir);
  const folder = where === '' ? `The library folder ${libraryDir}` : `The folder ${where} in the library ${libraryDir}`;
  return {
    reason: `${folder} cannot be written (${code}): opened read-only. Give this account write access to it, then reopen Newsdesk to make changes.`,
    heldBy: null,
  };
}

/**
 * The first folder of the library this account cannot write, or null. access(W_OK) answers from
 * the folder's mode and the mount (EROFS), without writing anything into another desk's library.
 */
async function firstUnwritableFolder(libraryDir: string): Promise<{ dir: string; code: string } | null> {
  const queue: { dir: string; depth: number }[] = [{ dir: libraryDir, depth: 0 }];
  while (queue.length > 0) {
    const { dir, depth } = queue.shift()!;
    try {
      await fsp.access(dir, constants.W_OK);
    } catch (error) {
      return { dir, code: (error as NodeJS.ErrnoException).code ?? 'unknown' };
    }
    if (depth >= PROBE_DEPTH) continue;
    const entries = await fsp.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isDirectory() && !(depth === 1 && dir === join(libraryDir, 'revisions'))) queue.push({ dir: join(dir, entry.name), depth: depth + 1 });
    }
  }
  return null;
}
