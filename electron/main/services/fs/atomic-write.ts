import { randomBytes } from 'node:crypto';
import { constants, promises as fsp } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Crash-safe file writes. A reader (or the app after a power cut) sees either the old file or the
 * new one, never a torn mix: the bytes go to a temp file in the same folder (rename is only atomic
 * within one file system), are flushed to disk, then renamed over the target, and finally the
 * folder itself is flushed so the rename survives a power cut too.
 */

/** What a caller needs to later tell whether the file changed behind its back. */
export interface FileSignature {
  mtimeMs: number;
  size: number;
}

export interface AtomicWriteOptions {
  /** File mode for new files; defaults to 0o644 (0o666 minus the usual umask). */
  mode?: number;
  /**
   * Skip the fsync calls. Only for derived caches that are rebuilt when missing or stale (indexes):
   * they still get the rename (never torn), just not the durability. Never for user data.
   */
  durable?: boolean;
  /**
   * False: the new bytes are flushed before the rename, but the folder is not flushed after it, so
   * the rename reaches the disk with the file system's next commit (on a journaled file system, the
   * next durable write of any file). After a power cut the file holds its old content or the new
   * one, never a torn mix and never nothing. Only for a file that was already durably on disk and
   * whose old content is as safe to come back to as the new one (a state the next one supersedes).
   */
  flushFolder?: boolean;
}

/** Temp files start with a dot so folder listings that skip dot-files never see half-written data. */
const TEMP_PATTERN = /^\..+\.[0-9a-f]{12}\.tmp$/;

export function isTempFileName(name: string): boolean {
  return TEMP_PATTERN.test(name);
}

function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes `data` to `target` atomically and returns the new file's signature (taken before the rename). */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<FileSignature> {
  return (await prepareFileAtomic(target, data, options)).commit();
}

/**
 * A write whose bytes are on disk in a temp file but not yet in place. Several files that must
 * change together are all prepared first: the disk refuses (full, no permission) while the bytes
 * go down, not at the rename, so if one cannot be prepared the others are discarded and nothing
 * changed; only then are they committed, which needs no more space.
 */
export interface PreparedWrite {
  /** Renames the temp file over the target; the signature is the new file's. */
  commit(): Promise<FileSignature>;
  /** Deletes the temp file; the target stays as it was. */
  discard(): Promise<void>;
}

export async function prepareFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<PreparedWrite> {
  const durable = options.durable ?? true;
  const temp = tempPathFor(target);
  const discard = () => fsp.rm(temp, { force: true }).then(
    () => undefined,
    () => undefined,
  );
  // 'wx' fails rather than clobbering if a temp name ever collided.
  const handle = await fsp.open(temp, 'wx', options.mode ?? 0o644);
  let signature: FileSignature;
  try {
    try {
      await handle.writeFile(data);
      // A full fsync (not fdatasync): the file's metadata is flushed too, so the signature recorded
      // below matches what is on disk after a power cut.
      if (durable) await handle.sync();
      const stat = await handle.stat();
      signature = { mtimeMs: stat.mtimeMs, size: stat.size };
    } finally {
      await handle.close();
    }
  } catch (error) {
    await discard();
    throw error;
  }
  return {
    discard,
    async commit() {
      try {
        await fsp.rename(temp, target);
      } catch (error) {
        await discard();
        throw error;
      }
      if (durable && (options.flushFolder ?? true)) await fsyncDir(dirname(target));
      return signature;
    },
  };
}

/**
 * Flushes a folder's entries (creations, renames, deletions) to disk. Windows cannot open folders
 * for syncing and its renames are already journaled, so there it is a no-op.
 */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fsp.open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems (network mounts) refuse fsync on folders; the data itself is already flushed.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EISDIR') throw error;
  } finally {
    await handle.close();
  }
}

/** Moves a file within one file system and flushes both folders so the move survives a power cut. */
export async function renameDurable(from: string, to: string): Promise<void> {
  await fsp.rename(from, to);
  await fsyncDir(dirname(to));
  if (dirname(from) !== dirname(to)) await fsyncDir(dirname(from));
}

/** Deletes temp files left by writes that a crash interrupted; returns how many were removed. */
export async function removeStaleTempFiles(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  const stale = names.filter(isTempFileName);
  await Promise.all(stale.map((name) => fsp.rm(join(dir, name), { force: true })));
  return stale.length;
}
