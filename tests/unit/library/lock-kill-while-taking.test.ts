import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLibraryLock } from '../../../electron/main/services/library/library-lock';

/**
 * A Newsdesk killed (kill -9) while it takes the library lock leaves the library free for the next
 * start on this machine: never a lock or takeover file without an owner, which could only be
 * judged by its age and kept every start read-only meanwhile.
 */
const KILLS = 40;
let libraryDir = '';
afterAll(async () => {
  if (libraryDir) await rm(libraryDir, { recursive: true, force: true });
});

function killWhileTaking(dir: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve('tests/unit/library/support/lock-loop.ts'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.once('error', fail);
    child.once('close', () => done());
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), 5 + Math.random() * 40));
  });
}

describe('the library lock and a start killed while taking it', () => {
  it(`is free for the next start after each of ${KILLS} kills`, { timeout: 300_000 }, async () => {
    libraryDir = await mkdtemp(join(tmpdir(), 'newsdesk-lock-kill-'));
    const busy: string[] = [];
    for (let kill = 0; kill < KILLS; kill += 1) {
      await killWhileTaking(libraryDir);
      const outcome = await acquireLibraryLock(libraryDir);
      if (outcome.kind === 'held') await outcome.lock.release();
      else busy.push(`after kill ${kill + 1}: ${outcome.kind} ${JSON.stringify(outcome.kind === 'busy' ? outcome.holder : null)}`);
    }
    expect(busy).toEqual([]);
  });
});
