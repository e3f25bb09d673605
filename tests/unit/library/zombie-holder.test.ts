import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../../electron/main/services/library/library-lock';

// A desk killed with SIGKILL stays a zombie until its parent collects it, and some init processes
// (containers, micro-VMs) collect late: signal 0 still answers, but the desk will never write again.
describe.skipIf(!existsSync('/proc/self/stat'))('a lock holder that is a zombie', () => {
  it('counts as dead, so its lock can be taken over at once', async () => {
    // The shell starts a short sleep in the background, then becomes a long sleep that never
    // collects it: the short one turns into a zombie.
    const parent = spawn('sh', ['-c', 'sleep 0.1 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const pid = await new Promise<number>((found) => parent.stdout.once('data', (chunk: Buffer) => found(Number(String(chunk).trim()))));
      expect(isProcessAlive(pid)).toBe(true);
      await new Promise((wait) => setTimeout(wait, 600));
      expect(isProcessAlive(pid)).toBe(false);
      expect(isProcessAlive(parent.pid!)).toBe(true);
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
