import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/main/ipc/dispatcher';
import { openLibraryAccess } from '../../../electron/main/services/library/library-access';
import { LOCK_FILE_NAME, STALE_AFTER_MS, acquireLibraryLock, type LockOwner } from '../../../electron/main/services/library/library-lock';
import { CHANNEL_EFFECT } from '../../../electron/main/ipc/write-guard';
import { CHANNEL_NAMES } from '../../../shared/ipc/channels';
import type { Channel } from '../../../shared/ipc/contract';
import { READ_ONLY_CHANNELS, VALID_REQUESTS } from '../../security/fuzz/valid-requests';
import { memorySettingsStore, openTestServices } from '../../support/test-services';

/**
 * The library lock's rules in one process: a lock from another machine is honoured while its
 * heartbeat is fresh and taken over once it is old, the holder keeps it fresh and notices when it
 * was taken, and a read-only library refuses every channel that changes something.
 */

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function libraryFolder(): Promise<{ dataDir: string; libraryDir: string; lockFile: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'newsdesk-lock-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const libraryDir = join(dataDir, 'library');
  await mkdir(libraryDir, { recursive: true });
  return { dataDir, libraryDir, lockFile: join(libraryDir, LOCK_FILE_NAME) };
}

/** A lock written by Newsdesk on another machine, its last heartbeat `ageMs` ago. */
async function foreignLock(lockFile: string, ageMs: number): Promise<LockOwner> {
  const beat = new Date(Date.now() - ageMs);
  const owner: LockOwner = { app: 'Newsdesk', pid: 4242, host: 'desk-elsewhere', startedAt: '2026-03-01T08:30:00.000Z', heartbeatAt: beat.toISOString(), token: 'their-token' };
  await writeFile(lockFile, JSON.stringify(owner));
  // A sync tool sets the copy's mtime to the original's.
  await utimes(lockFile, beat, beat);
  return owner;
}

async function open(dataDir: string) {
  const services = await openTestServices(dataDir, { settingsStore: memorySettingsStore() });
  cleanups.push(() => services.close());
  return services;
}

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let tries = 0; tries < 400; tries += 1) {
    if (await condition()) return;
    await new Promise((wait) => setTimeout(wait, 10));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('library lock', () => {
  it('opens read-only while another machine holds the library with a fresh heartbeat, and keeps its lock', async () => {
    const { dataDir, lockFile } = await libraryFolder();
    const theirs = await foreignLock(lockFile, 60_000);
    const services = await open(dataDir);
    expect(services.access.readOnly?.reason).toMatch(/^Open on desk-elsewhere since .+: opened read-only\./);
    expect(services.access.readOnly?.heldBy).toEqual({ host: 'desk-elsewhere', pid: 4242, startedAt: theirs.startedAt });
    await services.close();
    expect(JSON.parse(await readFile(lockFile, 'utf8'))).toEqual(theirs);
  });

  it('takes over a lock whose heartbeat stopped longer ago than the stale time (a crashed remote desk)', async () => {
    const { dataDir, lockFile } = await libraryFolder();
    await foreignLock(lockFile, STALE_AFTER_MS + 60_000);
    const services = await open(dataDir);
    expect(services.access.readOnly).toBeNull();
    expect(JSON.parse(await readFile(lockFile, 'utf8'))).toMatchObject({ host: hostname(), pid: process.pid });
    await services.close();
    await expect(readFile(lockFile)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('honours a lock still being written (no owner yet) unless its mtime is old', async () => {
    const { libraryDir, lockFile } = await libraryFolder();
    await writeFile(lockFile, '');
    expect(await acquireLibraryLock(libraryDir)).toEqual({ kind: 'busy', holder: null });
    const old = new Date(Date.now() - STALE_AFTER_MS - 60_000);
    await utimes(lockFile, old, old);
    const outcome = await acquireLibraryLock(libraryDir);
    expect(outcome.kind).toBe('held');
    if (outcome.kind === 'held') await outcome.lock.release();
  });

  it('lets exactly one of several processes take over the same stale lock', async () => {
    const { libraryDir, lockFile } = await libraryFolder();
    await foreignLock(lockFile, STALE_AFTER_MS + 60_000);
    const outcomes = await Promise.all([1, 2, 3, 4, 5].map((n) => acquireLibraryLock(libraryDir, { pid: 10_000 + n, isAlive: () => true })));
    expect(outcomes.filter((outcome) => outcome.kind === 'held')).toHaveLength(1);
    for (const outcome of outcomes) if (outcome.kind === 'held') await outcome.lock.release();
  });

  it('refreshes its heartbeat while open, and turns read-only when another desk took the lock', async () => {
    const { libraryDir, lockFile } = await libraryFolder();
    const access = await openLibraryAccess(libraryDir, { heartbeatMs: 20 });
    cleanups.push(() => access.close());
    const first = (JSON.parse(await readFile(lockFile, 'utf8')) as LockOwner).heartbeatAt;
    await until(async () => (JSON.parse(await readFile(lockFile, 'utf8')) as LockOwner).heartbeatAt !== first, 'a heartbeat');
    expect(access.readOnly).toBeNull();

    // A beat that read the lock just before the takeover may write over it (files have no
    // compare-and-swap); the taker would then notice at its own next beat and step back. Here the
    // taker is only a file, so it takes over again until this desk has seen it.
    let theirs = await foreignLock(lockFile, 0);
    await until(async () => {
      if (access.readOnly !== null) return true;
      const onDisk = JSON.parse(await readFile(lockFile, 'utf8')) as LockOwner;
      if (onDisk.token !== theirs.token) theirs = await foreignLock(lockFile, 0);
      return false;
    }, 'the lost lock to be noticed');
    expect(access.readOnly?.reason).toMatch(/^Open on desk-elsewhere since .+: opened read-only\. .*took this library over/);
    expect(() => access.assertWritable()).toThrow(/Nothing was changed\./);
    await access.close();
    // Closing never removes a lock that is no longer ours.
    expect(JSON.parse(await readFile(lockFile, 'utf8'))).toMatchObject({ token: theirs.token });
  });

  it('classifies every channel, agreeing with the channels the fuzz treats as reads', () => {
    expect(Object.keys(CHANNEL_EFFECT).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const channel of READ_ONLY_CHANNELS) expect(CHANNEL_EFFECT[channel], channel).toBe('reads');
  });

  it('refuses every channel that changes something in a read-only library, and answers the others', async () => {
    const { dataDir, lockFile } = await libraryFolder();
    await foreignLock(lockFile, 0);
    const services = await open(dataDir);
    const dispatch = createDispatcher(services.handlers, { trustedOrigins: ['app://newsdesk'] });
    const caller = { url: 'app://newsdesk/index.html', isMainFrame: true };
    for (const channel of Object.keys(CHANNEL_EFFECT) as Channel[]) {
      const result = await dispatch(channel, VALID_REQUESTS[channel], caller);
      const refused = !result.ok && /opened read-only/.test(result.error.message);
      expect(refused, `${channel}: ${JSON.stringify(result)}`).toBe(CHANNEL_EFFECT[channel] === 'writes');
    }
  });
});
