import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readPhotoMetadata } from '../../electron/main/services/media/metadata/read-metadata';
import { benchPhotos, PHOTO_COUNT, type BenchPhotoSet } from './media-bench-data';
import { measureImportInChild } from './media-bench-import';
import { routeThumbnailBench } from './media-bench-routes';
import { check, exiftoolJson, inPool, seconds, timed, warmPageCache } from './media-bench-tools';
import { mb, ms, row } from './report';

/**
 * Photo desk benchmark: 500 generated 12-megapixel JPEGs with agency metadata. Metadata reading
 * is printed next to `exiftool -json`, thumbnails next to libvips' `vipsthumbnail`, both over the
 * same files in the same run; then a full import with the process's peak memory. Figures are
 * printed, never asserted. Run: npx tsx tests/bench/media-bench.ts
 */

/** The import's own concurrency: two files at a time. */
const IMPORT_CONCURRENCY = 2;
/** Rounds per side, alternated (ours, theirs, ours, …) so drift in the machine's load hits both alike. */
const ROUNDS = 2;

async function readAllOurs(files: readonly string[], concurrency: number): Promise<{ ms: number; withCredit: number }> {
  const [results, elapsed] = await timed(() => inPool(files, concurrency, (file) => readPhotoMetadata(file)));
  return { ms: elapsed, withCredit: results.filter((result) => result.metadata.creditLine !== '').length };
}

async function metadataBench(files: readonly string[]): Promise<void> {
  const pooled: number[] = [];
  const sequential: number[] = [];
  const exiftool: number[] = [];
  const exiftoolFast: number[] = [];
  let oursFound = 0;
  let theirsFound = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const ours = await readAllOurs(files, IMPORT_CONCURRENCY);
    const theirs = await exiftoolJson(files, false);
    const oursOneByOne = await readAllOurs(files, 1);
    const theirsFast = await exiftoolJson(files, true);
    pooled.push(ours.ms);
    sequential.push(oursOneByOne.ms);
    exiftool.push(theirs.ms);
    exiftoolFast.push(theirsFast.ms);
    oursFound = ours.withCredit;
    theirsFound = theirs.withCredit;
  }
  const best = (values: number[]): number => Math.min(...values);
  const baseline = Math.min(best(exiftool), best(exiftoolFast));
  const report = (label: string, values: number[]): void => {
    const ratio = baseline / best(values);
    row(label, ms(best(values)), '≥ 5× faster', `${check(ratio >= 5)} ${ratio.toFixed(1)}× faster than exiftool's best (${ms(baseline)})`);
  };
  report(`metadata read, ${files.length} files, concurrency ${IMPORT_CONCURRENCY}`, pooled);
  report(`metadata read, ${files.length} files, one at a time`, sequential);
  row('  baseline: exiftool -json, one process', ms(best(exiftool)), '-', `(-fast: ${ms(best(exiftoolFast))}; best of ${ROUNDS} rounds each, alternated)`);
  // Speed counts only if the fields come out: every generated picture carries a credit line.
  const all = `${files.length}/${files.length}`;
  row('metadata read finds the credit line', `${oursFound}/${files.length}`, all, `${check(oursFound === files.length)} (exiftool finds it in ${theirsFound}/${files.length})`);
}

async function importBench(set: BenchPhotoSet): Promise<void> {
  const figures = await measureImportInChild(set.files);
  const perSecond = figures.files / (figures.importMs / 1000);
  const outcome = `${figures.imported} imported, ${figures.duplicates} duplicates, ${figures.failed} failed`;
  row(`full import, ${figures.files} files, fresh library`, seconds(figures.importMs), '-', `(${perSecond.toFixed(1)} files/s; ${outcome}; close ${ms(figures.closeMs)})`);
  if (figures.firstFailure) console.log(`  first failure: ${figures.firstFailure}`);
  row('  peak RSS during the import, sampled', mb(figures.rssPeakSampled), '-', `(+${mb(figures.rssPeakSampled - figures.rssBefore)} over ${mb(figures.rssBefore)} before; ${figures.samples} samples every 20 ms)`);
  row('  peak RSS of the process (maxRSS)', mb(figures.maxRss), '-', `(+${mb(figures.maxRss - figures.rssBefore)} over the RSS before the import)`);
  row('  longest event-loop stall during the import', ms(figures.longestStallMs), '-', '(how long an IPC call from the window could wait)');
  console.log('  The library service ran in a fresh Node process exactly as in Electron\'s main process: same code, sharp on the libuv pool.');
}

export async function runMediaBench(): Promise<void> {
  console.log(`\nPhoto desk benchmark (${PHOTO_COUNT} generated 12-megapixel JPEGs, agency IPTC IIM + XMP + EXIF)`);
  console.log(`${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the start (other work on the machine skews the figures)\n`);
  const set = await benchPhotos((line) => console.log(line));
  const made = set.generatedInMs === null ? 'reused' : `made in ${seconds(set.generatedInMs)}`;
  row('benchmark pictures (setup)', mb(set.totalBytes), '-', `(${made}, ${set.dir})`);
  const root = await mkdtemp(join(tmpdir(), 'newsdesk-media-bench-'));
  try {
    // Both sides read the files from the page cache, so the figures compare work, not the disk.
    await warmPageCache(set.files);
    await metadataBench(set.files);
    await routeThumbnailBench(set.files, root);
    await importBench(set);
    console.log(`  load average ${loadavg()[0]!.toFixed(1)} at the end`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runMediaBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
