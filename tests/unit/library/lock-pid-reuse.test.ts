import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME, acquireLibraryLock, processStartedAt, type LockOwner } from '../../../electron/main/services/library/library-lock';

/**
 * A library lock left by a Newsdesk killed with kill -9 whose pid now belongs to another process
 * (pids are reused, quickly where pid_max is small): the lock is free, not held by that process.
 */
const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function lockedLibrary(owner: Pick<LockOwner, 'pid' | 'startedAt'> & Partial<Pick<LockOwner, 'processStartedAt'>>): Promise<string> {
  const libraryDir = await mkdtemp(join(tmpdir(), 'newsdesk-lock-reuse-'));
  cleanups.push(() => rm(libraryDir, { recursive: true, force: true }));
  const now = new Date().toISOString();
  const lock: LockOwner = { app: 'Newsdesk', host: hostname(), heartbeatAt: now, token: 'killed-token', ...owner };
  await writeFile(join(libraryDir, LOCK_FILE_NAME), JSON.stringify(lock));
  return libraryDir;
}

const canTell = processStartedAt(process.pid) !== null;
if (!canTell) console.warn('[lock-pid-reuse] skipped: no /proc here to tell when a process started.');

describe.skipIf(!canTell)('a library lock whose pid was reused', () => {
  it('is taken over when the process now under that pid started after the lock was taken', async () => {
    const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    cleanups.push(() => void other.kill('SIGKILL'));
    const libraryDir = await lockedLibrary({ pid: other.pid!, startedAt: new Date(Date.now() - 60_000).toISOString() });
    const outcome = await acquireLibraryLock(libraryDir);
    expect(outcome.kind).toBe('held');
    if (outcome.kind === 'held') await outcome.lock.release();
  });

  it('is taken over when it names this very process, which started after it', async () => {
    const libraryDir = await lockedLibrary({ pid: process.pid, startedAt: new Date(Date.now() - 3_600_000 - process.uptime() * 1000).toISOString() });
    const outcome = await acquireLibraryLock(libraryDir);
    expect(outcome.kind).toBe('held');
    expect(JSON.parse(await readFile(join(libraryDir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({ pid: process.pid });
    if (outcome.kind === 'held') await outcome.lock.release();
  });

  it('is taken over when the pid was reused within seconds of the lock, told by the recorded process start', async () => {
    const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    cleanups.push(() => void other.kill('SIGKILL'));
    const started = processStartedAt(other.pid!) ?? Date.now();
    // The killed owner started a second before the process now under its pid: within the slack the
    // start-time rule allows, so only the recorded process start tells them apart.
    const libraryDir = await lockedLibrary({ pid: other.pid!, startedAt: new Date(started).toISOString(), processStartedAt: started - 1_000 });
    const outcome = await acquireLibraryLock(libraryDir);
    expect(outcome.kind).toBe('held');
    if (outcome.kind === 'held') await outcome.lock.release();
  });

  it('is still honoured while the process that took it runs, its recorded start matching', async () => {
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    cleanups.push(() => void holder.kill('SIGKILL'));
    const started = processStartedAt(holder.pid!) ?? Date.now();
    const libraryDir = await lockedLibrary({ pid: holder.pid!, startedAt: new Date(started + 500).toISOString(), processStartedAt: started });
    expect((await acquireLibraryLock(libraryDir)).kind).toBe('busy');
  });

  it('is still honoured while the process that took it runs', async () => {
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    cleanups.push(() => void holder.kill('SIGKILL'));
    const startedAt = processStartedAt(holder.pid!);
    const libraryDir = await lockedLibrary({ pid: holder.pid!, startedAt: new Date((startedAt ?? Date.now()) + 3_000).toISOString() });
    expect((await acquireLibraryLock(libraryDir)).kind).toBe('busy');
  });
});

describe('a takeover guard left by a process killed while taking over', () => {
  it('does not keep the library locked when the process it names is gone', async () => {
    const killed = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const pid = killed.pid!;
    await new Promise<void>((gone) => {
      killed.once('exit', () => gone());
      killed.kill('SIGKILL');
    });
    const libraryDir = await lockedLibrary({ pid, startedAt: new Date().toISOString() });
    await writeFile(join(libraryDir, `${LOCK_FILE_NAME}.takeover`), JSON.stringify({ host: hostname(), pid }));
    const outcome = await acquireLibraryLock(libraryDir);
    expect(outcome.kind).toBe('held');
    if (outcome.kind === 'held') await outcome.lock.release();
  });
});
