import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { directDeskNetwork } from '../../electron/main/services/desk/desk-network';
import { downloadBlob } from '../../electron/main/services/desk/desk-photos-api';
import { deskServicesSkipReason } from '../desk/services/real-services';
import { until } from '../desk/support/desk-clients';
import { openDesktop, signIn, startDeskUnderTest, type Desktop } from '../desk/support/desktops';
import { exiftoolAvailable, EXIFTOOL_MISSING_REASON, makePhotoFixture } from '../support/photo-fixtures';
import { ms, percentile, row } from './report';

/**
 * The photo handoff on loopback, desk server as its own process on PostgreSQL: a 12-megapixel
 * agency JPEG from the start of its import on desktop A to its thumbnail on desktop B (import,
 * share, seen live, thumbnail fetched), and the original's transfer to B (streamed, hashed, written
 * and flushed) against a plain HTTP download of the same file from a bare Node server in the same
 * run.
 */
export interface DeskPhotosBenchFigures {
  handoff: number[];
  stages: { import: number[]; share: number[]; seen: number[]; thumbnail: number[] };
  desk: number[];
  plain: number[];
  fetchIntoLibrary: number[];
  bytes: number;
}

const RUNS = Number(process.env.NEWSDESK_DESK_PHOTOS_BENCH_RUNS ?? 5);

async function plainServer(path: string): Promise<{ server: Server; url: string }> {
  const { size } = await stat(path);
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': String(size) });
    createReadStream(path).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/photo.jpg` };
}

async function plainDownload(url: string, destination: string): Promise<void> {
  const response = await fetch(url);
  if (!response.body) throw new Error('no body');
  await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), createWriteStream(destination));
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export async function runDeskPhotosBench(runs = RUNS): Promise<DeskPhotosBenchFigures | null> {
  const skip = deskServicesSkipReason() ?? (exiftoolAvailable() ? null : EXIFTOOL_MISSING_REASON);
  if (skip) {
    console.log(`\nDesk photo handoff: skipped (${skip})`);
    return null;
  }
  const scratch = await mkdtemp(join(tmpdir(), 'desk-photos-bench-'));
  const desk = await startDeskUnderTest();
  const a: Desktop = await openDesktop();
  const b: Desktop = await openDesktop();
  const figures: DeskPhotosBenchFigures = { handoff: [], stages: { import: [], share: [], seen: [], thumbnail: [] }, desk: [], plain: [], fetchIntoLibrary: [], bytes: 0 };
  try {
    await signIn(a, desk.url, 'bo');
    await signIn(b, desk.url, 'ana');
    await until(() => a.services.desk.status().state === 'connected' && b.services.desk.status().state === 'connected', 'both desktops connected');
    const session = b.services.desk.session();
    if (!session) throw new Error('desktop B is not signed in');
    const endpoint = { serverUrl: session.serverUrl, token: session.token, deskId: session.desk.id, network: directDeskNetwork() };
    for (let run = 0; run < runs; run += 1) {
      const file = await makePhotoFixture(scratch, 'iimAndXmp', { name: `agency-${run}`, seed: 100 + run, width: 4000, height: 3000 });
      figures.bytes = (await stat(file)).size;
      const start = performance.now();
      const job = await a.services.media.whenFinished(a.services.media.importPaths([file]).jobId);
      const imported = performance.now();
      const id = job.items[0]?.photoId ?? '';
      await a.services.deskPhotos.share(id);
      const shared = performance.now();
      await until(() => b.services.deskPhotos.list().some((photo) => photo.mediaId === id), 'the photo on B', 60_000);
      const seen = performance.now();
      await b.services.deskPhotos.thumbnailPath(id);
      const done = performance.now();
      figures.handoff.push(done - start);
      figures.stages.import.push(imported - start);
      figures.stages.share.push(shared - imported);
      figures.stages.seen.push(seen - shared);
      figures.stages.thumbnail.push(done - seen);

      // The transfer alone, alternating with the plain download so load changes hit both alike.
      const plain = await plainServer(file);
      try {
        figures.desk.push(await timed(() => downloadBlob(endpoint, id, 'original', id, join(scratch, `desk-${run}.jpg`))));
        figures.plain.push(await timed(() => plainDownload(plain.url, join(scratch, `plain-${run}.jpg`))));
      } finally {
        plain.server.close();
      }
      figures.fetchIntoLibrary.push(await timed(() => b.services.deskPhotos.fetchOriginal(id)));
    }
    print(figures);
    return figures;
  } finally {
    await a.close();
    await b.close();
    await desk.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

function print(figures: DeskPhotosBenchFigures): void {
  const median = (values: number[]): number => percentile(values, 50);
  const rate = (elapsed: number): string => `${((figures.bytes / 1024 / 1024) / (elapsed / 1000)).toFixed(0)} MB/s`;
  console.log(`\nDesk photo handoff (12 MP agency JPEG, ${(figures.bytes / 1024 / 1024).toFixed(1)} MB, ${figures.handoff.length} runs, medians; load average ${loadavg().map((n) => n.toFixed(1)).join(' ')})`);
  row('import on A → thumbnail on B', ms(median(figures.handoff)), '', `import ${ms(median(figures.stages.import))}, share (upload) ${ms(median(figures.stages.share))}, thumbnail ${ms(median(figures.stages.thumbnail))}`);
  row('shared on A → listed on B', ms(median(figures.stages.seen)), '≤ 1000 ms', '');
  const desk = median(figures.desk);
  const plain = median(figures.plain);
  row('original to B: desk transfer (hashed, fsynced)', rate(desk), '', `plain HTTP download ${rate(plain)} (desk takes ${(desk / plain).toFixed(2)}× as long)`);
  row('fetch into B\'s library (transfer + import)', ms(median(figures.fetchIntoLibrary)), '', '');
}

if (import.meta.url === `file://${process.argv[1]}`) await runDeskPhotosBench();
