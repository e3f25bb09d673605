import { spawn } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import PQueue from 'p-queue';

/**
 * The photo benchmark's baselines (Debian's exiftool and libvips' vipsthumbnail, each run as one
 * process over all the files, their best case) and small helpers shared by its parts.
 */

export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

/** Runs `task` over every item with at most `concurrency` at once, results in input order. */
export function inPool<T, R>(items: readonly T[], concurrency: number, task: (item: T) => Promise<R>): Promise<R[]> {
  return new PQueue({ concurrency }).addAll(items.map((item) => () => task(item)));
}

interface ProcessOutput {
  stdout: string;
  stderr: string;
}

/** Runs a command to its end; a non-zero exit is an error carrying its stderr. */
export async function run(command: string, args: readonly string[]): Promise<ProcessOutput> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      const missing = `${command} is not installed; the photo benchmark needs Debian's libimage-exiftool-perl and libvips-tools`;
      reject(error.code === 'ENOENT' ? new Error(missing) : error);
    });
    child.once('close', resolve);
  });
  const output = { stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
  if (code !== 0) throw new Error(`${command} exited with ${code}: ${output.stderr.slice(0, 2000)}`);
  return output;
}

/**
 * `exiftool -json` over all the files in one process, its fastest use (no start-up per file).
 * The JSON is parsed, as an app would, and the files that had a credit are counted as a check.
 */
export async function exiftoolJson(files: readonly string[], fast: boolean): Promise<{ ms: number; withCredit: number }> {
  const args = ['-json', ...(fast ? ['-fast'] : []), ...files];
  const [output, ms] = await timed(async () => {
    const { stdout } = await run('exiftool', args);
    return JSON.parse(stdout) as { Credit?: string }[];
  });
  if (output.length !== files.length) throw new Error(`exiftool returned ${output.length} results for ${files.length} files`);
  return { ms, withCredit: output.filter((tags) => Boolean(tags.Credit)).length };
}

/**
 * libvips' own thumbnailer, fitting 480×480 at JPEG quality 80 like the app's thumbnails. One
 * process works through the files one by one, each on libvips' worker threads; with `processes`
 * above one, the files are dealt out to that many processes running side by side.
 */
export async function vipsThumbnails(files: readonly string[], outDir: string, processes = 1): Promise<number> {
  const shares = Array.from({ length: processes }, (_, share) => files.filter((_file, index) => index % processes === share));
  const output = `${join(outDir, '%s.jpg')}[Q=80]`;
  const [, ms] = await timed(() => Promise.all(shares.map((share) => run('vipsthumbnail', ['-s', '480', '-o', output, ...share]))));
  const made = (await fsp.readdir(outDir)).length;
  if (made !== files.length) throw new Error(`vipsthumbnail made ${made} thumbnails for ${files.length} files`);
  return ms;
}

export async function vipsVersion(): Promise<string> {
  const { stdout } = await run('vips', ['--version']);
  return stdout.trim();
}

/** Empties a folder between rounds, so every round writes new files. */
export async function emptyFolder(dir: string): Promise<void> {
  await fsp.rm(dir, { recursive: true, force: true });
  await fsp.mkdir(dir, { recursive: true });
}

/** Reads every file once, so all rounds (ours and the baselines) find them in the page cache alike. */
export async function warmPageCache(files: readonly string[]): Promise<void> {
  await inPool(files, 4, async (file) => {
    await fsp.readFile(file);
  });
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export const seconds = (msValue: number): string => `${(msValue / 1000).toFixed(2)} s`;
export const check = (met: boolean): string => (met ? '✓' : '✗');
