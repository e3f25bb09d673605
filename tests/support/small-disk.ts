import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, fstatSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real small disk for tests about a full disk: a tmpfs mounted on a temp folder. A fake that
 * throws ENOSPC on cue would only show what the fake was told; a real file system refuses the
 * write where it really runs out (the temp file, its fsync, the rename), and frees what is deleted.
 * Mounting needs root (or CAP_SYS_ADMIN); where it is refused, tests skip and print why.
 */
export interface SmallDisk {
  /** The mounted folder. */
  readonly dir: string;
  /** Fills every free byte with a ballast file, so the next write of any size fails with ENOSPC. */
  fill(): void;
  /** Frees `bytes` of the ballast (all of it when omitted). */
  free(bytes?: number): void;
  /** Unmounts and removes the folder. */
  unmount(): void;
}

const BALLAST = '.ballast';

function mount(sizeKb: number): { dir: string } | { reason: string } {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-small-disk-'));
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0755`, 'tmpfs', dir], { encoding: 'utf8' });
  if (result.status === 0) return { dir };
  rmSync(dir, { recursive: true, force: true });
  const why = result.error ? result.error.message : (result.stderr || `exit code ${String(result.status)}`).trim();
  return { reason: `a ${sizeKb} KB tmpfs could not be mounted (${why}); full-disk tests need root or CAP_SYS_ADMIN` };
}

let probed: string | null | undefined;

/** Null when a tmpfs can be mounted here; otherwise the reason (printed by the skipping test). */
export function smallDiskUnavailable(): string | null {
  if (probed !== undefined) return probed;
  if (process.platform !== 'linux') return (probed = `tmpfs is Linux only (this is ${process.platform})`);
  const attempt = mount(64);
  if ('reason' in attempt) return (probed = attempt.reason);
  spawnSync('umount', [attempt.dir]);
  rmSync(attempt.dir, { recursive: true, force: true });
  return (probed = null);
}

/** Mounts a tmpfs of `sizeKb` (3 MB by default, as the disk that found the bugs). */
export function mountSmallDisk(sizeKb = 3 * 1024): SmallDisk {
  const attempt = mount(sizeKb);
  if ('reason' in attempt) throw new Error(attempt.reason);
  const { dir } = attempt;
  mkdirSync(dir, { recursive: true });
  const ballast = join(dir, BALLAST);
  return {
    dir,
    fill() {
      const fd = openSync(ballast, 'a');
      try {
        // Big chunks first, then smaller ones down to one byte: tmpfs hands out whole pages.
        for (const size of [256 * 1024, 16 * 1024, 4096, 512, 1]) {
          const chunk = Buffer.alloc(size, 0x2e);
          for (;;) {
            try {
              writeSync(fd, chunk);
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
              throw error;
            }
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free(bytes) {
      if (bytes === undefined) {
        rmSync(ballast, { force: true });
        return;
      }
      const fd = openSync(ballast, 'r+');
      try {
        ftruncateSync(fd, Math.max(0, fstatSync(fd).size - bytes));
      } finally {
        closeSync(fd);
      }
    },
    unmount() {
      const result = spawnSync('umount', [dir], { encoding: 'utf8' });
      // A lazy unmount if something still holds a file open: the folder must not stay mounted.
      if (result.status !== 0) spawnSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
