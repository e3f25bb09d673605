import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { UserFacingError } from '../../../../shared/model/errors';
import { sharpImageOperations, type ImageOperations, type SharpModule } from './image-engine-sharp';
import { startImageLanes } from './image-lanes';

/**
 * The one door to the image library (thumbnails, probing, XMP write-back, raw metadata blocks).
 *
 * WHY TWO ROUTES. sharp's native build cannot run inside an Electron process on Linux: Electron's
 * Linux binary links the system's glib and libvips brings its own, and the first decode can kill
 * the whole process with SIGSEGV (electron#46323; sharp's install docs, "Electron and Linux";
 * sharp#4522/#4525; sharp warns `SharpElectronLinux`). It affects every process built on
 * Electron's binary, utility processes included, and no setting fixes it. So:
 *  - native sharp where it is safe: macOS, Windows, and plain Node (tests, the benchmark);
 *  - on Linux inside Electron, sharp's WebAssembly build (@img/sharp-wasm32, the same libvips and
 *    the same sharp API, so the same code and messages) in worker-thread lanes, one per core.
 *    No native code is loaded, so nothing can clash with Electron's glib.
 * Chromium's own decoders (createImageBitmap with resizeWidth + OffscreenCanvas in a hidden
 * window, 1.45× vipsthumbnail in a first measurement) were not taken: slower than warm lanes, no
 * AVIF encoder for the XMP write-back, no EXIF/XMP blocks, none of libvips' error texts, and a
 * window plus IPC just for images.
 *
 * COST, measured by `tests/bench/media-bench-routes.ts` (in `npm run bench`), 40 of its 12 MP JPEGs
 * to 480 px two at a time, alternated rounds, on 2 cores at load average ~20: native sharp 0.85×
 * vipsthumbnail's best; WebAssembly lanes 1.05× its best (0.78× its median, 0.87× two
 * vipsthumbnails side by side) once warm, but 5.3× on lanes just started. A fresh lane is slow
 * because libvips' first pictures start its threads (each a worker with its own WebAssembly
 * instance) and run on V8's baseline code until the hot loops are optimised; shrink-on-load was
 * already in use. So the lanes (one per core) start and warm up in the background 5 s after the
 * library opens (warmImageEngineSoon), and the first import finds them warm. The price is memory:
 * two warm lanes add about 230 MB to the main process's RSS (each libvips thread holds its own
 * WebAssembly instance), for the whole session.
 *
 * LAZY. Nothing is loaded at start-up, only on the first use (or the background warm-up), so a library that cannot load (no
 * @img package for this CPU, a CPU without x86-64-v2, a damaged install) turns off photo work
 * with a message instead of stopping the app's start.
 */

export type ImageRoute = 'native' | 'wasm-lanes';

export interface ImageEngine extends ImageOperations {
  readonly route: ImageRoute;
  close(): Promise<void>;
}

export type ImageEngineLoader = () => Promise<ImageEngine>;

/** Native sharp everywhere except inside Electron on Linux. */
export function chooseImageRoute(platform: NodeJS.Platform = process.platform, electron: string | undefined = process.versions.electron): ImageRoute {
  return platform === 'linux' && electron !== undefined ? 'wasm-lanes' : 'native';
}

/** Warm-up decodes per lane in the app (see image-lanes.ts): a generated 1200×900 JPEG, three times. */
export const APP_WARM_UP_ROUNDS = 3;

/** Loads the engine of one route; the benchmark and the tests load both. */
export async function loadImageEngine(route: ImageRoute, lanes = availableParallelism(), warmUpRounds = APP_WARM_UP_ROUNDS): Promise<ImageEngine> {
  if (route === 'wasm-lanes') {
    const operations = await startImageLanes(lanes, { warmUpRounds });
    return { ...operations, route };
  }
  // Loaded here, not imported at the top: a load failure must stay inside photo work.
  const sharp = createRequire(import.meta.url)('sharp') as SharpModule;
  return { ...sharpImageOperations(sharp), route, close: async () => undefined };
}

/** Thrown by imageEngine() while the library cannot be loaded; an IPC answer carries its message. */
export class ImageEngineUnavailable extends UserFacingError {
  constructor(readonly detail: string) {
    super(
      'internal',
      `Photo import and thumbnails are turned off: Newsdesk could not load its image library (${detail}). ` +
        'The rest of Newsdesk works; reinstalling Newsdesk should bring photos back.',
    );
    this.name = 'ImageEngineUnavailable';
  }
}

let loader: ImageEngineLoader = () => loadImageEngine(chooseImageRoute());
let loading: Promise<ImageEngine> | null = null;

/** The engine, loaded on first use. A failed load is remembered (it would fail the same way) until the loader changes. */
export function imageEngine(): Promise<ImageEngine> {
  loading ??= loader().catch((error: unknown) => {
    const detail = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    throw new ImageEngineUnavailable(detail);
  });
  return loading;
}

/** How long after the library opens the WebAssembly lanes start warming, clear of the window's first paint. */
const WARM_UP_DELAY_MS = 5_000;

/**
 * On the WebAssembly route, starts (and warms) the lanes in the background soon after start, so
 * the first import does not pay for it. A failure is kept for the first real use, which reports
 * it; nothing here can stop the app. On the native route it does nothing: loading costs nothing.
 */
export function warmImageEngineSoon(route: ImageRoute = chooseImageRoute()): void {
  if (route !== 'wasm-lanes') return;
  setTimeout(() => void imageEngine().catch(() => undefined), WARM_UP_DELAY_MS).unref();
}

/**
 * Replaces how the engine is loaded (tests inject a failing or a WebAssembly loader) and drops
 * the loaded one, closing it. Returns the way back to the previous loader.
 */
export function useImageEngineLoader(next: ImageEngineLoader): () => Promise<void> {
  const previous = loader;
  void closeImageEngine();
  loader = next;
  return async () => {
    await closeImageEngine();
    loader = previous;
  };
}

/** Closes the loaded engine (its worker threads); the next use loads it again. */
export async function closeImageEngine(): Promise<void> {
  const current = loading;
  loading = null;
  if (!current) return;
  try {
    await (await current).close();
  } catch {
    // An engine that never loaded has nothing to close.
  }
}
