import { promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { UserFacingError } from '../../../../shared/model/errors';
import { fsyncDir, writeFileAtomic } from '../fs/atomic-write';
import { ioFailure } from '../fs/io-errors';
import { encodeRecord, encodeSnapshot, LOG_MAGIC, readRecords, SNAPSHOT_MAGIC } from './story-log';

/**
 * One story document part on disk (see story-log.ts for the bytes): loads it, appends each update
 * durably, and compacts the log into a snapshot when it grows. Appends waiting while a flush runs
 * go down together in the next one (one write, one fsync), so fast typing costs few flushes.
 */

export interface StoryFileOptions {
  /** Null while the library may be written; otherwise why not (every append is refused with it). */
  readOnlyReason: () => string | null;
  /** Moves an unreadable file aside with its reason (never throws). */
  quarantine: (path: string, reason: string) => Promise<void>;
  /** The log is compacted into a snapshot once it holds more bytes than this. */
  compactAfterBytes: number;
}

export interface StoryFile {
  /** The document's updates (snapshot first), from disk; damaged files are quarantined, torn tails dropped. */
  load(): Promise<Uint8Array[]>;
  /** Resolves once `update` is on disk (fsync); rejects with a sentence when the disk refused it. */
  append(update: Uint8Array): Promise<void>;
  /** Writes the whole document as a snapshot and empties the log. */
  compact(): Promise<void>;
  close(): Promise<void>;
}

interface Waiter {
  update: Uint8Array;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const NOT_SAVED = 'The change to the story could not be saved';

export function openStoryFile(dir: string, part: string, stateOf: () => Uint8Array, options: StoryFileOptions): StoryFile {
  const logPath = join(dir, `${part}.ylog`);
  const snapshotPath = join(dir, `${part}.ysnap`);
  let handle: FileHandle | null = null;
  let logBytes = 0;
  /** Where the good records of the log end, when a torn tail must be cut before the next append. */
  let cutTo: number | null = null;
  /** After a failed write the log may end in a partial record: the next write replaces it whole. */
  let mustCompact = false;
  let pending: Waiter[] = [];
  let running: Promise<void> = Promise.resolve();
  let closed = false;

  async function readOrNull(path: string): Promise<Buffer | null> {
    try {
      return await fsp.readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async function loadSnapshot(): Promise<Uint8Array[]> {
    const bytes = await readOrNull(snapshotPath);
    if (bytes === null) return [];
    const read = readRecords(bytes, SNAPSHOT_MAGIC);
    // A snapshot is written whole (temp file + rename): anything but exactly one record is damage.
    const reason = read.kind === 'corrupt' ? read.reason : read.records.length !== 1 || read.tornTail ? 'The snapshot is incomplete.' : null;
    if (reason === null) return read.records;
    await options.quarantine(snapshotPath, `The story document snapshot could not be read: ${reason}`);
    return [];
  }

  async function loadLog(): Promise<Uint8Array[]> {
    const bytes = await readOrNull(logPath);
    if (bytes === null) return [];
    const read = readRecords(bytes, LOG_MAGIC);
    if (read.kind === 'corrupt') {
      // The good records before the damage are kept (they are in the document, and go into the
      // next snapshot); the file itself goes aside with its reason so nothing in it is destroyed.
      await options.quarantine(logPath, `The story document log could not be read: ${read.reason}`);
      mustCompact = read.records.length > 0;
      return read.records;
    }
    logBytes = read.validBytes;
    if (read.tornTail) cutTo = read.validBytes;
    return read.records;
  }

  async function openLog(): Promise<FileHandle> {
    if (handle) return handle;
    await fsp.mkdir(dir, { recursive: true });
    if (cutTo !== null && cutTo < LOG_MAGIC.length) cutTo = 0;
    if (cutTo !== null) {
      await fsp.truncate(logPath, cutTo);
      logBytes = cutTo;
      cutTo = null;
    }
    const opened = await fsp.open(logPath, 'a');
    try {
      if (logBytes === 0) {
        const { size } = await opened.stat();
        if (size === 0) {
          await opened.write(LOG_MAGIC);
          await opened.sync();
          await fsyncDir(dir);
        }
        logBytes = Math.max(size, LOG_MAGIC.length);
      }
    } catch (error) {
      await opened.close();
      throw error;
    }
    handle = opened;
    return opened;
  }

  async function closeLog(): Promise<void> {
    const open = handle;
    handle = null;
    await open?.close().catch(() => undefined);
  }

  async function compactNow(): Promise<void> {
    await fsp.mkdir(dir, { recursive: true });
    // The snapshot holds every update applied so far, so the log can start over; a crash between
    // the two renames replays the old log on top of the snapshot, which Yjs takes as no change.
    await writeFileAtomic(snapshotPath, encodeSnapshot(stateOf()));
    await closeLog();
    await writeFileAtomic(logPath, LOG_MAGIC);
    logBytes = LOG_MAGIC.length;
    cutTo = null;
    mustCompact = false;
  }

  async function flush(): Promise<void> {
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    try {
      if (mustCompact) {
        await compactNow();
      } else {
        const log = await openLog();
        const bytes = Buffer.concat(batch.map((waiter) => encodeRecord(waiter.update)));
        try {
          await log.write(bytes);
          await log.sync();
        } catch (error) {
          // Part of the batch may be on disk: the log can no longer be appended to safely.
          mustCompact = true;
          await closeLog();
          throw error;
        }
        logBytes += bytes.length;
        if (logBytes > options.compactAfterBytes) await compactNow().catch(() => undefined);
      }
      for (const waiter of batch) waiter.resolve();
    } catch (error) {
      const failure = ioFailure(NOT_SAVED, error);
      for (const waiter of batch) waiter.reject(failure);
    }
  }

  function schedule<T>(work: () => Promise<T>): Promise<T> {
    const result = running.then(work);
    running = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  return {
    async load() {
      const snapshot = await loadSnapshot();
      const log = await loadLog();
      return [...snapshot, ...log];
    },
    append(update) {
      const reason = options.readOnlyReason();
      if (reason !== null) return Promise.reject(new UserFacingError('conflict', `${reason} The change was not saved.`));
      if (closed) return Promise.reject(new UserFacingError('conflict', 'The story was closed: the change was not saved.'));
      return new Promise<void>((resolve, reject) => {
        pending.push({ update, resolve, reject });
        // One flush per turn of the chain: appends made while one runs join the next.
        if (pending.length === 1) void schedule(flush);
      });
    },
    compact() {
      if (options.readOnlyReason() !== null) return Promise.resolve();
      return schedule(async () => {
        try {
          await compactNow();
        } catch (error) {
          throw ioFailure('The story document could not be compacted', error);
        }
      });
    },
    async close() {
      closed = true;
      await schedule(async () => {
        // A log whose good records were read from a damaged file is rewritten whole before closing.
        if (mustCompact && options.readOnlyReason() === null) await compactNow().catch(() => undefined);
        await closeLog();
      });
    },
  };
}
