import { promises as fsp } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchPhotos } from './media-bench-data';
import { loadImageEngine, type ImageEngine, type ImageRoute } from '../../electron/main/services/media/image-engine';
import { check, emptyFolder, inPool, median, seconds, timed, vipsThumbnails, vipsVersion, warmPageCache } from './media-bench-tools';
import { row } from './report';

/**
 * Thumbnails on each route the app really uses (image-engine.ts): native sharp (macOS, Windows)
 * and sharp's WebAssembly build in worker-thread lanes (Linux inside Electron), next to libvips'
 * vipsthumbnail over the same files in the same run. The rounds alternate (native, vipsthumbnail,
 * WebAssembly, vipsthumbnail side by side, …) so drift in the machine's load hits all alike.
 * NEWSDESK_BENCH_THUMBNAILS=40 limits the files (the full set takes minutes on a busy machine).
 */

const IMPORT_CONCURRENCY = 2;
const ROUNDS = 3;

const ROUTE_NAMES: Record<ImageRoute, string> = { native: 'native sharp', 'wasm-lanes': 'WebAssembly lanes' };

async function thumbnailsWith(engine: ImageEngine, files: readonly string[], dir: string): Promise<{ ms: number; size: string }> {
  await emptyFolder(dir);
  const [sizes, ms] = await timed(() => inPool(files, IMPORT_CONCURRENCY, (file) => engine.thumbnail(file, join(dir, `${basename(file)}.jpg`))));
  return { ms, size: `${sizes[0]!.width}×${sizes[0]!.height}` };
}

export async function routeThumbnailBench(allFiles: readonly string[], root: string): Promise<void> {
  const limit = Number(process.env.NEWSDESK_BENCH_THUMBNAILS ?? allFiles.length);
  const files = allFiles.slice(0, Math.max(1, Math.min(limit, allFiles.length)));
  const lanes = availableParallelism();
  const oursDir = join(root, 'thumbnails-ours');
  const vipsDir = join(root, 'thumbnails-vips');
  const loads: number[] = [loadavg()[0]!];

  // The WebAssembly route's start, as the app pays it once in the background: lanes, then warm-up.
  const [cold, coldStartMs] = await timed(() => loadImageEngine('wasm-lanes', lanes, 0));
  const firstBatch = files.slice(0, Math.min(40, files.length));
  const coldFirst = await thumbnailsWith(cold, firstBatch, oursDir);
  await cold.close();
  const [wasm, warmStartMs] = await timed(() => loadImageEngine('wasm-lanes', lanes));
  const native = await loadImageEngine('native');

  const times: Record<ImageRoute | 'vips' | 'vipsSideBySide', number[]> = { native: [], 'wasm-lanes': [], vips: [], vipsSideBySide: [] };
  let size = '';
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const engine of [native, wasm]) {
      const ours = await thumbnailsWith(engine, files, oursDir);
      times[engine.route].push(ours.ms);
      size = ours.size;
      await emptyFolder(vipsDir);
      if (engine.route === 'native') times.vips.push(await vipsThumbnails(files, vipsDir));
      else times.vipsSideBySide.push(await vipsThumbnails(files, vipsDir, IMPORT_CONCURRENCY));
    }
    loads.push(loadavg()[0]!);
  }
  await wasm.close();

  const best = (values: number[]): number => Math.min(...values);
  const vipsBest = best(times.vips);
  const sideBest = best(times.vipsSideBySide);
  for (const route of ['native', 'wasm-lanes'] as const) {
    const label = `thumbnails, ${ROUTE_NAMES[route]}, ${files.length} files, concurrency ${IMPORT_CONCURRENCY}`;
    const bestRatio = best(times[route]) / vipsBest;
    const medianRatio = median(times[route]) / median(times.vips);
    row(`${label} (best)`, seconds(best(times[route])), '≤ 1.3×', `${check(bestRatio <= 1.3)} ${bestRatio.toFixed(2)}× vipsthumbnail's best (${seconds(vipsBest)}); ${(best(times[route]) / sideBest).toFixed(2)}× two vipsthumbnails side by side (${seconds(sideBest)})`);
    row(`${label} (median)`, seconds(median(times[route])), '≤ 1.3×', `${check(medianRatio <= 1.3)} ${medianRatio.toFixed(2)}× vipsthumbnail's median (${seconds(median(times.vips))})`);
  }
  row(`  WebAssembly lanes (${lanes}): start + warm-up`, seconds(warmStartMs), '-', `(without warm-up ${seconds(coldStartMs)}; done in the background 5 s after the library opens)`);
  const coldRatio = coldFirst.ms / (vipsBest * (firstBatch.length / files.length));
  row(`  cold lanes, first ${firstBatch.length} files, no warm-up`, seconds(coldFirst.ms), '-', `(${coldRatio.toFixed(2)}× vipsthumbnail's pace: what a first import would cost without the warm-up)`);
  const thumbBytes = (await Promise.all((await fsp.readdir(oursDir)).map((name) => fsp.stat(join(oursDir, name)).then((stat) => stat.size)))).reduce((a, b) => a + b, 0);
  console.log(
    `  ${ROUNDS} rounds each, alternated; thumbnails ${size}, ${(thumbBytes / files.length / 1024).toFixed(0)} kB a file; ${await vipsVersion()} in vipsthumbnail.\n` +
      `  load average over the rounds: ${loads.map((load) => load.toFixed(1)).join(' → ')} on ${availableParallelism()} cores`,
  );
}

/** The thumbnail comparison alone: npx tsx tests/bench/media-bench-routes.ts */
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = await mkdtemp(join(tmpdir(), 'newsdesk-thumbnail-bench-'));
  try {
    console.log(`Thumbnails by route; load average ${loadavg()[0]!.toFixed(1)} at the start on ${availableParallelism()} cores`);
    const { files } = await benchPhotos((line) => console.log(line));
    await warmPageCache(files);
    await routeThumbnailBench(files, root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
