import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { sharpImageOperations, type ImageOperations } from './image-engine-sharp';

/**
 * sharp's WebAssembly build (@img/sharp-wasm32) run in worker threads, one "lane" per core. Each
 * lane loads its own copy of sharp's JavaScript bound to the WebAssembly libvips, so the native
 * addon (and its glib) is never loaded into the process; see image-engine.ts for why.
 *
 * A lane is a worker started from source text: sharp's loader picks the native addon first
 * whenever it is installed, so the lane puts the WebAssembly binding into require's cache under
 * the name of sharp's loader file before requiring sharp. The cache is per thread, so this never
 * changes which sharp the rest of the process gets.
 */

type Operation = keyof ImageOperations;

export interface LaneOptions {
  /** Decodes of a generated picture each lane runs before it takes work (0: none). */
  warmUpRounds: number;
}

interface LanePaths {
  /** sharp's entry, its loader (dist/sharp.cjs) and the WebAssembly binding, resolved from here. */
  sharpEntry: string;
  sharpLoader: string;
  wasmBinding: string;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Lane {
  worker: Worker;
  ready: Promise<void>;
  pending: Map<number, Pending>;
}

const LANE_SOURCE = (operations: string): string => `
const __name = (target) => target; // a bundler keeping function names may have left calls to it in the operations' source
const { parentPort, workerData } = require('node:worker_threads');
const Module = require('node:module');
const binding = require(workerData.wasmBinding);
const loader = new Module(workerData.sharpLoader);
loader.filename = workerData.sharpLoader;
loader.loaded = true;
loader.exports = binding;
require.cache[workerData.sharpLoader] = loader;
const sharp = require(workerData.sharpEntry);
if (!sharp.versions.emscripten) throw new Error('the WebAssembly build of sharp did not load');
const operations = (${operations})(sharp);
// Warm-up before taking work: the first pictures start libvips' threads (each a worker with its own
// copy of the WebAssembly) and run on V8's baseline code until the hot loops are optimised.
const warmUp = async () => {
  if (!workerData.warmUpRounds) return;
  const picture = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg().toBuffer();
  for (let round = 0; round < workerData.warmUpRounds; round += 1) {
    await sharp(picture, { failOn: 'warning', autoOrient: true }).resize(480, 480, { fit: 'inside' }).jpeg({ quality: 80 }).toBuffer();
  }
};
parentPort.on('message', ({ id, operation, args }) => {
  operations[operation](...args).then(
    (value) => parentPort.postMessage({ id, ok: true, value }),
    (error) => parentPort.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});
warmUp().then(() => parentPort.postMessage({ ready: true }));
`;

export function resolveLanePaths(): LanePaths {
  const require = createRequire(import.meta.url);
  const sharpEntry = require.resolve('sharp');
  return {
    sharpEntry,
    sharpLoader: join(dirname(sharpEntry), 'sharp.cjs'),
    wasmBinding: require.resolve('@img/sharp-wasm32/sharp.node'),
  };
}

/** The lanes as ImageOperations, plus close(). Starting waits until every lane has loaded sharp. */
export async function startImageLanes(
  count: number,
  options: LaneOptions = { warmUpRounds: 0 },
  paths: LanePaths = resolveLanePaths(),
): Promise<ImageOperations & { close(): Promise<void> }> {
  const source = LANE_SOURCE(sharpImageOperations.toString());
  let nextId = 0;
  let closed = false;
  const lanes: Lane[] = [];

  const startLane = (): Lane => {
    // VIPS_CONCURRENCY 1: one thread per picture inside a lane; the parallelism is the lanes.
    const worker = new Worker(source, { eval: true, workerData: { ...paths, ...options }, env: { ...process.env, VIPS_CONCURRENCY: '1' } });
    const pending = new Map<number, Pending>();
    const lane: Lane = { worker, pending, ready: Promise.resolve() };
    // An idle lane must not keep the process alive (tests, the benchmark, a quitting app).
    worker.unref();
    lane.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: { ready?: true; id: number; ok: boolean; value?: unknown; message?: string }) => {
        if (message.ready) return resolve();
        const request = pending.get(message.id);
        pending.delete(message.id);
        if (pending.size === 0) worker.unref();
        if (message.ok) request?.resolve(message.value);
        else request?.reject(new Error(message.message));
      });
      // A lane that dies (a WebAssembly abort, memory) fails what it held; the next request starts a new one.
      const fail = (error: Error): void => {
        reject(error);
        for (const request of pending.values()) request.reject(error);
        pending.clear();
        const index = lanes.indexOf(lane);
        if (index !== -1 && !closed) lanes[index] = startLane();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`the image worker stopped (exit code ${code})`)));
    });
    // Whoever sends to the lane awaits this; a lane replaced before anyone did must not be an unhandled rejection.
    lane.ready.catch(() => undefined);
    return lane;
  };

  for (let index = 0; index < Math.max(1, count); index += 1) lanes.push(startLane());
  try {
    await Promise.all(lanes.map((lane) => lane.ready));
  } catch (error) {
    closed = true;
    await Promise.all(lanes.map((lane) => lane.worker.terminate()));
    throw error;
  }

  const call = async <T>(operation: Operation, args: unknown[], transfer: ArrayBuffer[] = []): Promise<T> => {
    if (closed) throw new Error('The image engine was closed.');
    // The lane with the least work waiting takes the request.
    const lane = lanes.reduce((best, candidate) => (candidate.pending.size < best.pending.size ? candidate : best));
    await lane.ready;
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      lane.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      lane.worker.ref();
      lane.worker.postMessage({ id, operation, args }, transfer);
    });
  };

  return {
    probe: (file) => call('probe', [file]),
    thumbnail: (source, destination) => call('thumbnail', [source, destination]),
    rawBlocks: (file) => call('rawBlocks', [file]),
    avifWithXmp: (bytes, packet) => call('avifWithXmp', [bytes, packet]),
    async close() {
      closed = true;
      await Promise.all(lanes.map((lane) => lane.worker.terminate()));
    },
  };
}
