import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { addUser } from '../../server/accounts';
import { openDeskDatabase } from '../../server/db/database';
import { deskServicesSkipReason, startPostgres } from '../desk/services/real-services';
import { bodyText, connectClient, login, until, type DeskClient } from '../desk/support/desk-clients';
import { freePort, startDeskProcess, type DeskProcess } from '../desk/support/desk-process';
import { measureArchiveSearch, seedArchive } from './desk-bench-archive';
import { measurePropagation, type PropagationRun } from './desk-bench-propagation';
import { mb, ms, percentile, row } from './report';

/**
 * The desk server on loopback, as its own process on a real PostgreSQL: keystroke propagation with
 * 2 editors and with 100 headless editors on 20 stories (5 keystrokes/s each), next to a bare
 * Hocuspocus (no auth, checks or write-ahead) in the same run; server memory per open story; and
 * archive search over 100,000 stories (measured first), next to the same SQL sent straight to
 * PostgreSQL and to the search as it was (every match ranked).
 */
export interface DeskBenchOptions {
  seconds: number;
  archiveStories: number;
  editors: number;
  stories: number;
  /** Only the archive search (NEWSDESK_DESK_BENCH_ARCHIVE_ONLY=1): no propagation or memory runs. */
  archiveOnly?: boolean;
}

export const DEFAULT_DESK_BENCH: DeskBenchOptions = {
  seconds: Number(process.env.NEWSDESK_DESK_BENCH_SECONDS ?? 60),
  archiveStories: Number(process.env.NEWSDESK_DESK_BENCH_ARCHIVE ?? 100_000),
  editors: 100,
  stories: 20,
  archiveOnly: process.env.NEWSDESK_DESK_BENCH_ARCHIVE_ONLY === '1',
};

/** One propagation shape's figures, next to the bare Hocuspocus of the same run (NaN where no keystroke arrived). */
export interface PropagationFigures {
  label: string;
  editors: number;
  desk: PropagationRun;
  bare: PropagationRun;
  p50: number;
  p95: number;
  bareP50: number;
  bareP95: number;
}

export interface DeskBenchFigures {
  runs: PropagationFigures[];
  bytesPerStory: number;
  /** Rare words over HTTP, and the same SQL straight to PostgreSQL. */
  searchP95: number;
  searchBaselineP95: number;
  searchHits: number;
  /** Words in many stories over HTTP, and the search as it was (every match ranked) in the same run. */
  commonSearchP95: number;
  commonSearchBeforeP95: number;
}

const PASSWORD = 'benchmark password';
const PROPAGATION_TARGET_MS = 50;
const MEMORY_STORIES = 200;
const STORY_TEXT = 'The council voted late on Tuesday to close the old harbour bridge. '.repeat(90);

function residentBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:')) ?? '';
  return Number(/(\d+)/.exec(line)?.[1] ?? NaN) * 1024;
}

/** A ratio to print: `n.nn×`, or why there is none (a run in which no keystroke arrived). */
const ratio = (figure: number, baseline: number): string =>
  Number.isFinite(figure) && Number.isFinite(baseline) && baseline > 0 ? `${(figure / baseline).toFixed(2)}×` : 'no ratio: a run timed no arrival';
const shown = (figure: number): string => (Number.isFinite(figure) ? ms(figure) : 'none timed');

function propagationFigures(label: string, editors: number, desk: PropagationRun, bare: PropagationRun): PropagationFigures {
  return {
    label, editors, desk, bare,
    p50: percentile(desk.samples, 50),
    p95: percentile(desk.samples, 95),
    bareP50: percentile(bare.samples, 50),
    bareP95: percentile(bare.samples, 95),
  };
}

function printRun(run: PropagationFigures): void {
  const { label, desk, bare } = run;
  row(`${label}: p50`, shown(run.p50), '', `bare Hocuspocus ${shown(run.bareP50)} (${ratio(run.p50, run.bareP50)})`);
  row(`${label}: p95`, shown(run.p95), '≤ 50 ms', `bare Hocuspocus ${shown(run.bareP95)} (${ratio(run.p95, run.bareP95)}); ${ratio(run.p95, PROPAGATION_TARGET_MS)} of the target`);
  row(`${label}: keystrokes / arrivals timed`, `${desk.keystrokes} / ${desk.samples.length}`, '', `bare ${bare.keystrokes} / ${bare.samples.length}`);
  row(`${label}: stories converged`, `${desk.storiesConverged}/${desk.stories}`, 'all', `bare ${bare.storiesConverged}/${bare.stories}; load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);
}

/** The many-editor p95 and its ratios, the figure the desk is judged by, printed once more at the end. */
export function printPropagationSummary(figures: DeskBenchFigures | null): void {
  const many = figures?.runs.at(-1);
  if (!many) return;
  row(`propagation p95, ${many.label}`, shown(many.p95), '≤ 50 ms', `bare Hocuspocus ${shown(many.bareP95)} (${ratio(many.p95, many.bareP95)}); ${ratio(many.p95, PROPAGATION_TARGET_MS)} of the target`);
}

async function memoryPerStory(desk: DeskProcess, token: string): Promise<number> {
  const before = residentBytes(desk.pid);
  const clients: DeskClient[] = [];
  for (let i = 0; i < MEMORY_STORIES; i += 1) clients.push(connectClient(desk.webSocketUrl, 'news', `memory-${i}`, token));
  await until(() => clients.every((client) => client.provider.isSynced), 'the stories open', 120_000);
  for (const client of clients) bodyText(client.doc).insert(0, STORY_TEXT);
  await until(() => clients.every((client) => client.provider.unsyncedChanges === 0), 'the stories stored', 120_000);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = residentBytes(desk.pid);
  for (const client of clients) client.destroy();
  return (after - before) / MEMORY_STORIES;
}

export async function runDeskBench(options: DeskBenchOptions = DEFAULT_DESK_BENCH): Promise<DeskBenchFigures | null> {
  console.log(`\nDesk server (loopback; ${options.seconds} s per run; load average ${loadavg().map((n) => n.toFixed(1)).join(' ')})`);
  const skip = deskServicesSkipReason();
  if (skip) {
    console.log(`  skipped: ${skip}`);
    return null;
  }
  const postgres = await startPostgres();
  const db = await openDeskDatabase({ url: postgres.url, dataDir: '' });
  const processes: DeskProcess[] = [];
  try {
    await addUser(db, { name: 'Bench Editor', email: 'bench@example.org', role: 'editor', password: PASSWORD, desks: ['news'] });
    const desk = await startDeskProcess({ DESK_DATABASE_URL: postgres.url }, await freePort());
    processes.push(desk);
    const bare = await startDeskProcess({}, await freePort(), 'tests/bench/desk-bench-bare-server.ts');
    processes.push(bare);
    const { token } = await login(desk.url, 'bench@example.org', PASSWORD);

    // The archive first, on an idle server: the propagation runs leave it busy storing for a while.
    const started = performance.now();
    const words = await seedArchive(db, options.archiveStories, 120);
    row(`archive seeded: ${options.archiveStories} stories`, ms(performance.now() - started), '');
    const search = await measureArchiveSearch(db, desk.url, token, words, options.archiveStories);
    const searchFigures = {
      searchP95: search.rare.p95, searchBaselineP95: search.rare.sqlP95, searchHits: search.hits,
      commonSearchP95: search.common.p95, commonSearchBeforeP95: search.common.oldSqlP95,
    };
    if (options.archiveOnly) return { runs: [], bytesPerStory: NaN, ...searchFigures };
    const runs: DeskBenchFigures['runs'] = [];
    const shapes = [
      { label: '2 editors, 1 story', stories: 1, editorsPerStory: 2 },
      { label: `${options.editors} editors, ${options.stories} stories`, stories: options.stories, editorsPerStory: Math.round(options.editors / options.stories) },
    ];
    for (const shape of shapes) {
      const common = { token, seconds: options.seconds, keystrokesPerSecond: 5, ...shape };
      // The baseline first, then the desk, each on its own fresh documents.
      const bareRun = await measurePropagation({ ...common, webSocketUrl: bare.webSocketUrl, prefix: `bare-${shape.stories}` });
      const deskRun = await measurePropagation({ ...common, webSocketUrl: desk.webSocketUrl, prefix: `desk-${shape.stories}` });
      const run = propagationFigures(shape.label, shape.stories * shape.editorsPerStory, deskRun, bareRun);
      printRun(run);
      runs.push(run);
    }

    const bytesPerStory = await memoryPerStory(desk, token);
    row('server memory per open story (~6 KB of text)', `${(bytesPerStory / 1024).toFixed(0)} KB`, '', `RSS of the server process now ${mb(residentBytes(desk.pid))}`);

    return { runs, bytesPerStory, ...searchFigures };
  } finally {
    for (const child of processes) await child.stop();
    await db.close();
    await postgres.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runDeskBench();
