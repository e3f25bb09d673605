import { spawn } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { openMediaLibrary } from '../../electron/main/services/media/media-library';
import { DEFAULT_CREDIT_STYLE } from '../../shared/model/settings';

/**
 * The full import of the benchmark pictures into a fresh media library, measured in a process of
 * its own: the library service runs there exactly as in Electron's main process (plain Node, same
 * code, sharp on the libuv pool), and a fresh process makes its peak RSS (`maxRSS`) the import's,
 * not that of the benchmarks that ran before it.
 */

export interface ImportFigures {
  files: number;
  imported: number;
  duplicates: number;
  failed: number;
  firstFailure: string;
  importMs: number;
  closeMs: number;
  rssBefore: number;
  rssPeakSampled: number;
  /** process.resourceUsage().maxRSS, in bytes (Node reports kB). */
  maxRss: number;
  samples: number;
  /** The longest the event loop was blocked during the import: how long an IPC call could wait. */
  longestStallMs: number;
}

const CHILD_FLAG = '--media-import-only';
const RESULT_PREFIX = 'MEDIA-IMPORT-FIGURES ';
const SAMPLE_EVERY_MS = 20;

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

async function importAll(files: string[]): Promise<ImportFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-media-bench-library-'));
  try {
    const library = await openMediaLibrary(dir, { creditStyle: () => DEFAULT_CREDIT_STYLE });
    collectGarbage();
    const rssBefore = process.memoryUsage().rss;
    let rssPeakSampled = rssBefore;
    let samples = 0;
    const sampler = setInterval(() => {
      rssPeakSampled = Math.max(rssPeakSampled, process.memoryUsage().rss);
      samples += 1;
    }, SAMPLE_EVERY_MS);
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    stalls.enable();
    const start = performance.now();
    const job = library.importPaths(files);
    const done = await library.whenFinished(job.jobId);
    const importMs = performance.now() - start;
    stalls.disable();
    clearInterval(sampler);
    rssPeakSampled = Math.max(rssPeakSampled, process.memoryUsage().rss);
    const closeStart = performance.now();
    await library.close();
    const closeMs = performance.now() - closeStart;
    const failures = done.items.filter((item) => item.state === 'failed');
    return {
      files: files.length,
      imported: done.items.filter((item) => item.state === 'imported').length,
      duplicates: done.items.filter((item) => item.state === 'duplicate').length,
      failed: failures.length,
      firstFailure: failures[0] ? `${failures[0].name}: ${failures[0].message}` : '',
      importMs,
      closeMs,
      rssBefore,
      rssPeakSampled,
      maxRss: process.resourceUsage().maxRSS * 1024,
      samples,
      longestStallMs: stalls.max / 1e6,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs the import in a fresh child process (this same file, through tsx's loader) and returns its figures. */
export async function measureImportInChild(files: readonly string[]): Promise<ImportFigures> {
  const listDir = await mkdtemp(join(tmpdir(), 'newsdesk-media-bench-list-'));
  try {
    const listFile = join(listDir, 'files.json');
    await fsp.writeFile(listFile, JSON.stringify(files));
    // execArgv carries tsx's loader flags, so the child runs this TypeScript file as it is.
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), CHILD_FLAG, listFile], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    const line = stdout.split('\n').find((text) => text.startsWith(RESULT_PREFIX));
    if (code !== 0 || !line) throw new Error(`The import benchmark process exited with ${code}: ${stdout.slice(-2000)}`);
    return JSON.parse(line.slice(RESULT_PREFIX.length)) as ImportFigures;
  } finally {
    await rm(listDir, { recursive: true, force: true });
  }
}

if (process.argv[2] === CHILD_FLAG && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const files = JSON.parse(await fsp.readFile(process.argv[3]!, 'utf8')) as string[];
  importAll(files).then(
    (figures) => console.log(RESULT_PREFIX + JSON.stringify(figures)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
