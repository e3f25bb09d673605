import { Worker } from 'node:worker_threads';
import { countWords, plainTextOf } from '../../../../shared/rules/text';
import type { FileSignature } from '../fs/atomic-write';

/**
 * Parsing a big article file on the main thread freezes every window (a 50 MB story: ~5 s of
 * JSON.parse, walking and word counting). Files above LARGE_FILE_BYTES are read, parsed and
 * walked on a worker thread instead; the main thread only gets the results.
 */
export const LARGE_FILE_BYTES = 1024 * 1024;

/** What a worker read: the whole parsed file, or (for lists and search) everything but the body. */
export type WorkerResult =
  | { ok: true; signature: FileSignature; raw: unknown; plainText: string }
  | { ok: true; signature: FileSignature; fields: unknown; wordCount: number; searchText: string }
  | { ok: false; code: string | null; name: string; message: string };

type Mode = 'article' | 'digest';

/**
 * Runs inside the worker, from its own source text (hence no imports and no outer names: the
 * text helpers and Node modules are passed in, the modules by a `require` in the script text
 * itself, which a bundler does not rewrite). Reads the file without following links, like main.
 */
function readInWorker(
  plainText: (doc: unknown) => string,
  words: (text: string) => number,
  threads: typeof import('node:worker_threads'),
  fs: typeof import('node:fs'),
): void {
  const { parentPort, workerData } = threads;
  const { path, mode, searchChars } = workerData as { path: string; mode: Mode; searchChars: number };
  let fd = -1;
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
    const stat = fs.fstatSync(fd);
    const signature = { mtimeMs: stat.mtimeMs, size: stat.size };
    const doc = JSON.parse(fs.readFileSync(fd, 'utf8')) as unknown;
    const record = doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? (doc as Record<string, unknown>) : null;
    const body = record?.body as { root?: unknown } | undefined;
    const text = body && typeof body === 'object' && body.root ? plainText(body) : '';
    if (mode === 'article') {
      parentPort!.postMessage({ ok: true, signature, raw: doc, plainText: text });
      return;
    }
    const fields = record ? { ...record, body: undefined } : doc;
    parentPort!.postMessage({ ok: true, signature, fields, wordCount: words(text), searchText: text.slice(0, searchChars) });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    parentPort!.postMessage({ ok: false, code: failure?.code ?? null, name: failure?.name ?? 'Error', message: String(failure?.message ?? error) });
  } finally {
    if (fd >= 0) fs.closeSync(fd);
  }
}

let source: string | null = null;

/** The worker's script: the text helpers and readInWorker, from their compiled source. */
function workerSource(): string {
  // `__name` is what esbuild's keepNames wraps functions with; defined so the copied source runs either way.
  source ??= [
    "'use strict';",
    'const __name = (target) => target;',
    `const plainTextOf = (${plainTextOf.toString()});`,
    `const countWords = (${countWords.toString()});`,
    `(${readInWorker.toString()})(plainTextOf, countWords, require('node:worker_threads'), require('node:fs'));`,
  ].join('\n');
  return source;
}

/** Reads and parses `path` on a worker thread. Never rejects: failures come back as `ok: false`. */
export function readOnWorker(path: string, mode: Mode, searchChars = 0): Promise<WorkerResult> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: WorkerResult): void => {
      if (settled) return;
      settled = true;
      resolve(result);
      void worker.terminate();
    };
    const worker = new Worker(workerSource(), { eval: true, workerData: { path, mode, searchChars } });
    worker.once('message', (result: WorkerResult) => settle(result));
    // Out of memory, or the worker could not start: the file could not be read this time.
    worker.once('error', (error: Error) => settle({ ok: false, code: (error as NodeJS.ErrnoException).code ?? null, name: error.name, message: error.message }));
    worker.once('exit', (code) => settle({ ok: false, code: null, name: 'Error', message: `the reading thread stopped (exit code ${code})` }));
  });
}
