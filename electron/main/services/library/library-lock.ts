import { randomBytes } from 'node:crypto';
import { promises as fsp, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';
import { createWhole, removeLeftovers } from './create-whole';

/**
 * One writer per library, across processes and machines.
 *
 * Electron's single-instance lock only covers one machine and one user; a library in a synced or
 * network folder can be opened by a second desk, and two writers lose each other's work (a board
 * change, a new target, an edit replaced by a stale save, imports swept away, jobs sent twice).
 * So the library holds `newsdesk.lock`: created with O_EXCL (`wx`, atomic on local and network
 * file systems), holding who owns it — pid, host, start time — so the second process can say who.
 *
 * A lock whose owner died must not lock the library for ever:
 * - same host: a dead pid frees it at once (kill -9, power cut: nobody else can be using it);
 * - another host: its pid means nothing here, so the owner rewrites `heartbeatAt` every
 *   HEARTBEAT_MS while it is open, and a lock whose heartbeat is older than STALE_AFTER_MS is taken
 *   over. The heartbeat is in the content (rewritten atomically), not only the mtime: sync tools
 *   propagate a changed file reliably, a bare mtime change not always. STALE_AFTER_MS is ten beats,
 *   to ride out a sync delay and some clock difference between the machines; a live owner whose
 *   lock was taken over anyway notices at its next beat (`onLost`).
 * The same rule (an old heartbeat) also frees a same-host lock whose pid was reused by another program.
 *
 * proper-lockfile (mkdir + mtime refresh) was considered: it records no owner, so the second desk
 * could not be told who holds the library, and it has no pid check, so a library would stay
 * locked after a local kill -9 until the stale time passed. The rules above are small enough to keep here.
 */
export const LOCK_FILE_NAME = 'newsdesk.lock';
export const HEARTBEAT_MS = 30_000;
export const STALE_AFTER_MS = 10 * HEARTBEAT_MS;
/** A takeover guard left by a process that died mid-takeover is ignored after this long. */
const TAKEOVER_GUARD_STALE_MS = 30_000;

export const LockOwner = z.object({
  app: z.literal('Newsdesk'),
  pid: z.number().int().positive(),
  host: z.string().min(1).max(255),
  startedAt: z.iso.datetime(),
  heartbeatAt: z.iso.datetime(),
  token: z.string().min(1).max(64),
  /**
   * When the owning process started, by /proc (ms since the epoch), where it can be told: a pid
   * reused within seconds by another process is then told apart exactly, not within a slack.
   */
  processStartedAt: z.number().nullable().optional(),
});
export type LockOwner = z.infer<typeof LockOwner>;

export interface LockOptions {
  /** Defaults: this process, this machine, the wall clock (tests stand in for another desk). */
  pid?: number;
  host?: string;
  now?: () => number;
  isAlive?: (pid: number) => boolean;
  heartbeatMs?: number;
  staleAfterMs?: number;
  /** Called once when a heartbeat finds the lock was taken over by another process. */
  onLost?: (holder: LockOwner | null) => void;
}

/** The lock this process holds; `release` removes it (only if it is still ours). */
export interface HeldLock {
  owner: LockOwner;
  release(): Promise<void>;
}

export type LockOutcome =
  | { kind: 'held'; lock: HeldLock }
  /** Another process holds it; `holder` null when its file could not be read (being written). */
  | { kind: 'busy'; holder: LockOwner | null }
  /** The library folder itself cannot be written (read-only share, permissions). */
  | { kind: 'unwritable'; code: string };

interface FoundLock {
  owner: LockOwner | null;
  mtimeMs: number;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/**
 * A killed process whose parent has not collected it yet (a zombie, state Z in /proc on Linux)
 * still answers signal 0, yet it will never write again: its lock is free. Elsewhere, or when
 * /proc cannot be read, the signal's answer stands.
 */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (command) state …": the command may hold spaces and parentheses, so read after the last ")".
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'Z' || state === 'X';
  } catch {
    return false;
  }
}

/**
 * Whether the process that took a lock on this machine is gone. Its pid alone can mislead after a
 * kill -9: pids are reused (quickly where pid_max is small), and a process that started after the
 * lock was taken, or this very process, cannot be the one that took it.
 */
function isOwnerGone(owner: LockOwner, pid: number, isAlive?: (pid: number) => boolean): boolean {
  if (isAlive) return owner.pid !== pid && !isAlive(owner.pid);
  if (owner.pid !== pid && !isProcessAlive(owner.pid)) return true;
  const started = processStartedAt(owner.pid);
  // The same process always reports the same start time; another one under a reused pid does not.
  if (typeof owner.processStartedAt === 'number' && started !== null) return Math.abs(started - owner.processStartedAt) > PROCESS_START_TOLERANCE_MS;
  return started !== null && started > Date.parse(owner.startedAt) + START_TIME_SLACK_MS;
}

/** /proc gives a start time in clock ticks after a boot time in whole seconds: allow for both. */
const START_TIME_SLACK_MS = 2_000;
/** Two readings of one process's start time differ by rounding at most (a tick is 10 ms). */
const PROCESS_START_TOLERANCE_MS = 50;
// USER_HZ, the unit of /proc's start times: 100 on every Linux Node runs on.
const TICKS_PER_SECOND = 100;

/** When the process `pid` started (ms since the epoch), from /proc on Linux; null where it cannot be told. */
export function processStartedAt(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "pid (command) ": state is field 3 and the start time field 22.
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const bootLine = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
    if (!bootLine || !Number.isFinite(ticks)) return null;
    return Number(bootLine[1]) * 1000 + (ticks * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

const UNWRITABLE_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);
const codeOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? 'unknown';

/** Tries to become the library's one writer; never waits. */
export async function acquireLibraryLock(libraryDir: string, options: LockOptions = {}): Promise<LockOutcome> {
  const path = join(libraryDir, LOCK_FILE_NAME);
  const now = options.now ?? Date.now;
  const staleAfterMs = options.staleAfterMs ?? STALE_AFTER_MS;
  const host = options.host ?? hostname();
  const pid = options.pid ?? process.pid;
  try {
    await fsp.mkdir(libraryDir, { recursive: true });
  } catch (error) {
    if (UNWRITABLE_CODES.has(codeOf(error))) return { kind: 'unwritable', code: codeOf(error) };
    throw error;
  }
  // A few rounds: a stale lock removed by us may be re-created by a third process first.
  for (let round = 0; round < 3; round += 1) {
    const at = new Date(now()).toISOString();
    const owner: LockOwner = {
      app: 'Newsdesk',
      pid,
      host,
      startedAt: at,
      heartbeatAt: at,
      token: randomBytes(12).toString('hex'),
      processStartedAt: options.pid === undefined ? processStartedAt(pid) : null,
    };
    try {
      await createExclusive(path, owner);
      return { kind: 'held', lock: startHeartbeat(path, owner, options, now) };
    } catch (error) {
      const code = codeOf(error);
      if (UNWRITABLE_CODES.has(code)) return { kind: 'unwritable', code };
      if (code !== 'EEXIST') throw error;
    }
    const found = await readLock(path);
    if (!found) continue;
    const heartbeatAge = now() - Math.max(found.mtimeMs, Date.parse(found.owner?.heartbeatAt ?? '') || 0);
    const deadHere = found.owner !== null && found.owner.host === host && isOwnerGone(found.owner, pid, options.isAlive);
    if (!deadHere && heartbeatAge <= staleAfterMs) return { kind: 'busy', holder: found.owner };
    try {
      if (!(await removeStale(path, found))) return { kind: 'busy', holder: found.owner };
    } catch (error) {
      // A stale lock in a library that cannot be written (it became read-only after a crash).
      if (UNWRITABLE_CODES.has(codeOf(error))) return { kind: 'unwritable', code: codeOf(error) };
      throw error;
    }
  }
  return { kind: 'busy', holder: (await readLock(path))?.owner ?? null };
}

async function createExclusive(path: string, owner: LockOwner): Promise<void> {
  await createWhole(path, JSON.stringify(owner));
  // What a start killed while taking the lock left beside it.
  await removeLeftovers(path, isProcessAlive);
}

async function readLock(path: string): Promise<FoundLock | null> {
  let text: string;
  let mtimeMs: number;
  try {
    [text, { mtimeMs }] = await Promise.all([fsp.readFile(path, 'utf8'), fsp.stat(path)]);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return null;
    // Unreadable (another account's, a folder in its place): held by someone unknown, never taken over.
    return { owner: null, mtimeMs: Number.POSITIVE_INFINITY };
  }
  let owner: LockOwner | null = null;
  try {
    const parsed = LockOwner.safeParse(JSON.parse(text));
    if (parsed.success) owner = parsed.data;
  } catch {
    // Empty while its creator writes it, or torn by a sync tool: judged by its mtime alone.
  }
  return { owner, mtimeMs };
}

/**
 * Removes a lock judged stale, under a guard file so two processes taking over at once cannot
 * remove each other's new lock: only the guard's holder removes, and only the very lock it judged.
 */
async function removeStale(path: string, judged: FoundLock): Promise<boolean> {
  const guard = `${path}.takeover`;
  // Twice: a guard left by a process killed mid-takeover on this machine is removed, then taken.
  for (let attempt = 0; ; attempt += 1) {
    try {
      await createWhole(guard, JSON.stringify({ host: hostname(), pid: process.pid }));
      break;
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') throw error;
      const info = await fsp.stat(guard).catch(() => null);
      const leftByDead = attempt === 0 && (await isGuardOfDeadProcess(guard));
      if (leftByDead || (info && Date.now() - info.mtimeMs > TAKEOVER_GUARD_STALE_MS)) await fsp.rm(guard, { force: true });
      if (!leftByDead) return false;
    }
  }
  try {
    const current = await readLock(path);
    if (!current) return true;
    const same = current.owner && judged.owner ? current.owner.token === judged.owner.token : current.mtimeMs === judged.mtimeMs;
    if (!same) return false;
    await fsp.rm(path, { force: true });
    return true;
  } finally {
    await fsp.rm(guard, { force: true });
  }
}

/** A takeover guard naming a process of this machine that is gone (killed while taking over). */
async function isGuardOfDeadProcess(guard: string): Promise<boolean> {
  try {
    const { host, pid } = JSON.parse(await fsp.readFile(guard, 'utf8')) as { host?: unknown; pid?: unknown };
    return host === hostname() && typeof pid === 'number' && pid !== process.pid && !isProcessAlive(pid);
  } catch {
    // Unreadable or half written: only its age frees it.
    return false;
  }
}

function startHeartbeat(path: string, owner: LockOwner, options: LockOptions, now: () => number): HeldLock {
  let current = owner;
  let stopped = false;
  let beating: Promise<void> = Promise.resolve();
  const beat = async (): Promise<void> => {
    const found = await readLock(path).catch(() => undefined);
    // Unreadable for now (a new holder still writing it, a sync tool replacing it): judged at the next beat.
    if (stopped || found === undefined || (found !== null && found.owner === null)) return;
    if (found?.owner?.token !== owner.token) {
      stopped = true;
      clearInterval(timer);
      options.onLost?.(found?.owner ?? null);
      return;
    }
    current = { ...current, heartbeatAt: new Date(now()).toISOString() };
    // Not flushed: a lost beat only makes the lock look older, and the next one follows.
    await writeFileAtomic(path, JSON.stringify(current), { durable: false }).catch(() => undefined);
  };
  const timer = setInterval(() => {
    beating = beating.then(beat);
  }, options.heartbeatMs ?? HEARTBEAT_MS);
  // The heartbeat alone must not keep a closing process alive.
  timer.unref();
  return {
    get owner() {
      return current;
    },
    async release() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await beating;
      const found = await readLock(path).catch(() => null);
      if (found?.owner?.token === owner.token) await fsp.rm(path, { force: true });
    },
  };
}
