import { rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { createAppRequestHandler } from '../../electron/main/protocol/app-protocol';
import type { Feed } from '../../shared/model/feed';
import type { Board, BoardItem, ItemRef } from '../../shared/model/placement';
import { launchNewsdesk, makeDataDir } from '../e2e/harness/launch';
import { HARNESS_ORIGIN, serveAppProtocol } from '../e2e/harness/app-route';
import { seedBoard, seedVideo, type SeedPlacement } from '../e2e/feed-board-helpers';
import { generateLibrary } from './drafts-bench-data';
import { ms, percentile, row } from './report';
import { openTestServices } from '../support/test-services';

const ARTICLES = 1_800;
const VIDEOS = 200;
/** Fresh page loads per board (first render), alternated with the baseline's. */
const LOADS = Number(process.env.BOARD_LOADS ?? 7);
/**
 * BOARD_COMPARE_RENDERER=<another checkout's out/renderer> adds that build of the app as a third
 * board, alternated with the others: a change's before and after measured in one run.
 */
const COMPARE_DIR = process.env.BOARD_COMPARE_RENDERER ? resolve(process.env.BOARD_COMPARE_RENDERER) : undefined;
const loadAverage = () => loadavg().map((n) => n.toFixed(2)).join(' ');
/** Keyboard moves per board: Alt+↓ twenty times, then Alt+↑ twenty times, six times over. */
const MOVES = 240;
const CHROMIUM = process.env.NEWSDESK_CHROMIUM ?? '/usr/bin/chromium';
// Frame-rate limiting off, as in the typing bench: the next frame comes as soon as the work is done.
const ARGS = ['--disable-frame-rate-limit', '--disable-gpu-vsync', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1400, height: 900 };
const BARE_OUT_DIR = resolve('out/bench/bare-board');

interface BenchBoard {
  feeds: Feed[];
  board: Board;
  items: BoardItem[];
}

/**
 * A data folder with 2,000 placed items: 1,800 articles written as draft files (as a library copied
 * from another machine), 200 videos and the board written through the real stores. News Feed, the
 * longest column, holds 1,100 items; Video 100; Opinion 800. Some are pinned, scheduled, published.
 */
export async function seedDataDir(dataDir: string): Promise<BenchBoard> {
  const articleIds = await generateLibrary(join(dataDir, 'library'), ARTICLES);
  const services = await openTestServices(dataDir);
  try {
    const videos: ItemRef[] = [];
    for (let i = 0; i < VIDEOS; i += 1) videos.push(await seedVideo(services, `Video report ${i + 1}: the day in pictures`));
    const articles: ItemRef[] = articleIds.map((id) => ({ kind: 'article', id }));
    const now = Date.now();
    const timing = (i: number): SeedPlacement['placement'] =>
      i % 7 === 3
        ? { publish: { mode: 'scheduled', at: new Date(now + (i + 1) * 600_000).toISOString() } }
        : i % 5 === 1
          ? { delivery: 'published', publishedAt: new Date(now - i * 60_000).toISOString() }
          : undefined;
    const placements: SeedPlacement[] = [];
    const news = [...articles.slice(0, 1000)];
    for (let i = 0; i < 100; i += 1) news.splice(i * 11 + 5, 0, videos[i]!);
    news.forEach((item, i) => placements.push({ item, feedId: 'news-feed', pinned: i === 0, placement: timing(i) }));
    videos.slice(100).forEach((item, i) => placements.push({ item, feedId: 'video', pinned: i === 0, placement: timing(i) }));
    articles.slice(1000).forEach((item, i) => placements.push({ item, feedId: 'opinion', pinned: i === 0, placement: timing(i) }));
    await seedBoard(services, placements);
    const view = await services.handlers['board:get']({});
    return { feeds: services.settings.get().feeds, board: view.board, items: view.items };
  } finally {
    await services.close();
  }
}

interface FirstRender {
  /** From the data's arrival in the renderer to the first frame with the columns painted. */
  fromData: number;
  /** From the board's first render to that frame (without the wait for the task that delivered the data to end). */
  fromRender: number;
}

async function firstRender(page: Page): Promise<FirstRender> {
  const handle = await page.waitForFunction(
    () => {
      const [fromData] = performance.getEntriesByName('nd:board:first-render');
      const [fromRender] = performance.getEntriesByName('nd:board:render-to-paint');
      return fromData && fromRender ? { fromData: fromData.duration, fromRender: fromRender.duration } : null;
    },
    undefined,
    { timeout: 60_000 },
  );
  return (await handle.jsonValue()) as FirstRender;
}

/**
 * What the browser harness's bridge (a Playwright binding standing in for Electron's IPC) costs the
 * page for one board: after board:get's promise resolves, how long until the page runs its next task.
 */
async function bridgeTail(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const bridge = (window as unknown as { newsdesk: Record<string, (request: object) => Promise<unknown>> }).newsdesk;
    await bridge['board:get']!({});
    const resolved = performance.now();
    await new Promise((next) => setTimeout(next, 0));
    return performance.now() - resolved;
  });
}

/** Keydown → next frame for Alt+↓/↑ on the focused card (see typing-bench.ts for the method). */
async function measureMoves(page: Page): Promise<number[]> {
  const card = page.locator('[data-testid="feed-column"][data-feed-id="news-feed"] [data-testid="placement-card"]').nth(2);
  await card.waitFor();
  await card.focus();
  await page.evaluate(() => {
    const samples: number[] = [];
    (window as unknown as { __latency: number[] }).__latency = samples;
    document.addEventListener(
      'keydown',
      (event) => {
        if (!event.altKey || event.key === 'Alt') return;
        const start = event.timeStamp;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => samples.push(performance.now() - start);
          channel.port2.postMessage(null);
        });
      },
      true,
    );
  });
  for (let i = 0; i < MOVES; i += 1) {
    await page.keyboard.press(Math.floor(i / 20) % 2 === 0 ? 'Alt+ArrowDown' : 'Alt+ArrowUp');
    // Each move is measured on its own: the board's answer from main (the whole board) has come back
    // before the next key. (The plain list has nothing to save.)
    await page.waitForFunction(() => (document.querySelector('[data-testid="board-save-state"]')?.textContent ?? 'Saved') === 'Saved', undefined, { polling: 10 });
    await page.waitForTimeout(20);
  }
  await page.waitForTimeout(300);
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
  if (focused !== 'placement-card') throw new Error('The moved card lost focus during the bench; its figures would not be moves.');
  return page.evaluate(() => (window as unknown as { __latency: number[] }).__latency.slice(10));
}

interface Run {
  firstRender: FirstRender;
  moves: number[];
  /** The test bridge's delivery of the board (app only). */
  bridge?: number;
}

// Both pages are served the same way, by the app's protocol handler behind page.route.
async function bareRun(page: Page, data: BenchBoard, withMoves: boolean): Promise<Run> {
  await serveAppProtocol(page, createAppRequestHandler(BARE_OUT_DIR));
  await page.addInitScript({ content: `window.__benchBoard = ${JSON.stringify(data)};` });
  await page.goto(`${HARNESS_ORIGIN}/index.html`);
  return { firstRender: await firstRender(page), moves: withMoves ? await measureMoves(page) : [] };
}

async function appRun(page: Page, dataDir: string, withMoves: boolean, rendererDir?: string): Promise<Run> {
  const app = await launchNewsdesk(page, { dataDir, rendererDir });
  await page.getByRole('tab', { name: 'Feeds' }).waitFor();
  // The probe (waitForFunction) puts Playwright's injected script into the page the first time it
  // runs: 25–30 ms of script evaluation that landed between the board's first frame and the mark
  // after it in every run. Put in before the board opens, it is no longer counted as the board's.
  await page.waitForFunction(() => true);
  await page.keyboard.press('Control+3');
  const first = await firstRender(page);
  const moves = withMoves ? await measureMoves(page) : [];
  const bridge = await bridgeTail(page);
  await app.close();
  return { firstRender: first, moves, bridge };
}

const median = (values: readonly number[]) => percentile(values, 50);
const max = (values: readonly number[]) => Math.max(...values);

export async function runBoardBench(): Promise<void> {
  console.log(`\nPlacement board in Chromium, ${(ARTICLES + VIDEOS).toLocaleString()} placed items in 3 feeds (longest 1,100): ${LOADS} fresh loads, ${MOVES} keyboard moves`);
  await build({
    configFile: false,
    logLevel: 'silent',
    root: resolve('tests/bench/bare-board'),
    base: './',
    plugins: [react()],
    build: { outDir: BARE_OUT_DIR, emptyOutDir: true },
  });
  const dataDir = await makeDataDir();
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const data = await seedDataDir(dataDir);
    const run = async (which: (page: Page) => Promise<Run>) => {
      const context = await browser.newContext({ viewport: VIEWPORT });
      try {
        return await which(await context.newPage());
      } finally {
        await context.close();
      }
    };
    const bare: Run[] = [];
    const app: Run[] = [];
    const compare: Run[] = [];
    const loads: string[] = [];
    // Alternated (plain, [other build,] Newsdesk, plain, …) so drift in the machine's load hits all
    // alike; the last load of each also does the keyboard moves.
    for (let load = 0; load < LOADS; load += 1) {
      const withMoves = load === LOADS - 1;
      bare.push(await run((page) => bareRun(page, data, withMoves)));
      if (COMPARE_DIR) compare.push(await run((page) => appRun(page, dataDir, withMoves, COMPARE_DIR)));
      app.push(await run((page) => appRun(page, dataDir, withMoves)));
      loads.push(loadAverage());
    }
    console.log(`load average after each round: ${loads.join(' | ')}`);
    const bareFirst = bare.map((r) => r.firstRender.fromData);
    const bareMoves = bare.flatMap((r) => r.moves);
    row('plain list, first render (data → frame) median', ms(median(bareFirst)), '-', '(baseline)');
    row('plain list, first render max', ms(max(bareFirst)), '-', '(baseline)');
    row('plain list, reorder keydown → frame p50', ms(percentile(bareMoves, 50)), '-', '(baseline)');
    row('plain list, reorder keydown → frame p95', ms(percentile(bareMoves, 95)), '-', '(baseline)');
    row('plain list, reorder keydown → frame max', ms(max(bareMoves)), '-', '(baseline)');
    const report = (name: string, runs: Run[]) => {
      const first = runs.map((r) => r.firstRender.fromData);
      const render = runs.map((r) => r.firstRender.fromRender);
      const bridge = runs.map((r) => r.bridge ?? NaN);
      const moves = runs.flatMap((r) => r.moves);
      console.log(`${name}: first renders ${first.map((n) => n.toFixed(1)).join(', ')}`);
      row(`${name}, first render (data → frame) median`, ms(median(first)), '≤ 100 ms');
      row(`${name}, first render max`, ms(max(first)), '≤ 100 ms');
      row('  of it, board render → frame, median', ms(median(render)), '-');
      row('  test bridge holding the page after board:get', ms(median(bridge)), '-', '(harness only)');
      row(`${name} / plain (first render median)`, `${(median(first) / median(bareFirst)).toFixed(2)}×`, '-');
      row(`${name}, reorder keydown → frame p50`, ms(percentile(moves, 50)), '-');
      row(`${name}, reorder keydown → frame p95`, ms(percentile(moves, 95)), '≤ 16 ms');
      row(`${name}, reorder keydown → frame max`, ms(max(moves)), '-');
      row(`${name} / plain (reorder p95)`, `${(percentile(moves, 95) / percentile(bareMoves, 95)).toFixed(2)}×`, '-');
    };
    if (COMPARE_DIR) {
      console.log(`compared build: ${COMPARE_DIR}`);
      report('Compared build', compare);
    }
    report('Newsdesk board', app);
    console.log(`load average now: ${loadAverage()}`);
  } finally {
    await browser.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runBoardBench();
