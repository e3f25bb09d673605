import { rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'vite';
import { launchNewsdesk, makeDataDir } from '../e2e/harness/launch';
import { createAppRequestHandler } from '../../electron/main/protocol/app-protocol';
import { HARNESS_ORIGIN, serveAppProtocol } from '../e2e/harness/app-route';
import type { StoryDocs } from '../../electron/main/services/collab/story-docs';
import { readLexicalBody } from '../../shared/desk/lexical-yjs';
import { longArticleBody } from './fixtures/long-article';
import { ms, percentile, row } from './report';
import { printBreakdown, profileTyping, type Breakdown } from './typing-profile';
import { printTasks, traceTasks, type TaskBreakdown } from './typing-trace';

const WORDS = 10_000;
const PHRASE = 'the committee will meet again on friday ';
const KEYSTROKES = 240;
const CHROMIUM = process.env.NEWSDESK_CHROMIUM ?? '/usr/bin/chromium';
// Frame-rate limiting off: otherwise every sample includes up to 16.7 ms of waiting for vsync, which
// measures the display, not the editor. With it off, the next frame comes as soon as the work is done.
const ARGS = ['--disable-frame-rate-limit', '--disable-gpu-vsync', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Rounds per editor, alternated (bare, core, Newsdesk, bare, …) so drift in the machine's load hits all alike. */
const ROUNDS = Number(process.env.TYPING_ROUNDS ?? 3);

/** The baselines (bare Lexical, Newsdesk's editor core) and a copy of the app, built with source maps for the profile. */
const BASELINES_DIR = resolve('out/bench/bare-editor');
const APP_DIR = resolve('out/bench/renderer');
/**
 * TYPING_COMPARE_RENDERER=<another checkout>/renderer adds that build of the app as a fourth
 * editor, alternated with the others: a change's before and after measured in one run. The
 * comparison runs on that checkout's main services and harness too, so a change in main (what it
 * sends the window per keystroke) is compared as well, not only the renderer's.
 */
const COMPARE_SOURCE = process.env.TYPING_COMPARE_RENDERER;
const COMPARE_DIR = resolve('out/bench/renderer-compare');
type Launch = typeof launchNewsdesk;
const compareLaunch: Launch = COMPARE_SOURCE
  ? ((await import(pathToFileURL(resolve(COMPARE_SOURCE, '../tests/e2e/harness/launch.ts')).href)) as { launchNewsdesk: Launch }).launchNewsdesk
  : launchNewsdesk;

const loadAverage = () => loadavg().map((n) => n.toFixed(2)).join(' ');

/** Starts recording keydown → next frame in the page: from the event's timestamp to a task queued from the following requestAnimationFrame. */
async function installProbe(page: Page): Promise<void> {
  await page.locator('[data-lexical-editor="true"]').first().waitFor();
  await page.evaluate(() => {
    const samples: number[] = [];
    (window as unknown as { __latency: number[] }).__latency = samples;
    document.addEventListener(
      'keydown',
      (event) => {
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
}

/** Puts the caret in the middle of the long document, then types like a person (one key at a time). */
async function typePhrase(page: Page): Promise<void> {
  const middle = page.locator('[data-lexical-editor="true"]').first().locator('p').nth(80);
  await middle.scrollIntoViewIfNeeded();
  await middle.click();
  await page.keyboard.press('End');
  for (let i = 0; i < KEYSTROKES; i += 1) {
    await page.keyboard.type(PHRASE[i % PHRASE.length]!);
    await page.waitForTimeout(20);
  }
  await page.waitForTimeout(300);
}

interface Run {
  latency: number[];
  profile?: Breakdown;
  tasks?: TaskBreakdown;
}

/** Types into the editor on the page: latency samples, or (profiled) where the main thread's time went. */
async function typeInto(page: Page, outDir: string, profiled: boolean): Promise<Run> {
  await installProbe(page);
  if (profiled) {
    // Profile and trace together, so the browser's lump in the profile is split by the trace of the same keys.
    let tasks: TaskBreakdown | undefined;
    const profile = await profileTyping(page, outDir, async () => {
      tasks = await traceTasks(page, () => typePhrase(page));
    });
    return { latency: [], profile, tasks };
  }
  await typePhrase(page);
  return { latency: await page.evaluate(() => (window as unknown as { __latency: number[] }).__latency.slice(10)) };
}

/** One of the baseline pages (index.html: bare Lexical; collab.html: bare Lexical bound to a Y.Doc in the page; core.html: Newsdesk's editor core). */
function baseline(pageName: string) {
  return async (page: Page, profiled: boolean): Promise<Run> => {
    // Served like the app, by the app's protocol handler behind page.route.
    await serveAppProtocol(page, createAppRequestHandler(BASELINES_DIR));
    await page.addInitScript({ content: `window.__benchDoc = ${JSON.stringify(longArticleBody(WORDS))};` });
    await page.goto(`${HARNESS_ORIGIN}/${pageName}`);
    await page.waitForFunction(() => (window as unknown as { __benchReady?: boolean }).__benchReady === true);
    return typeInto(page, BASELINES_DIR, profiled);
  };
}

/** The whole app, every plugin of the drafting desk on, the article opened from the draft list. */
const newsdesk = (appDir: string, launch: Launch = launchNewsdesk) => async (page: Page, profiled: boolean): Promise<Run> => {
  const dataDir = await makeDataDir();
  try {
    const app = await launch(page, { dataDir, rendererDir: appDir });
    const drafts = app.services().drafts;
    const article = await drafts.create({ section: 'News' });
    await drafts.save({ ...article, headline: 'Typing benchmark long read', body: longArticleBody(WORDS) }, 'manual');
    await page.reload();
    await page.getByText('Typing benchmark long read').first().click();
    const run = await typeInto(page, appDir, profiled);
    await checkBound(app.services().storyDocs, article.id);
    await app.close();
    return run;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
};

/**
 * Each editor and its targets against bare Lexical at p95. The app's editor is always bound to
 * main's story document (CollaborationPlugin over the IPC provider), so its figure is typing with
 * collaboration on: ≤ 1.2× was the target before the binding, ≤ 1.3× the one with collaboration.
 */
/**
 * The keys typed must have reached main's story document through the binding: otherwise the app's
 * figure would be typing without collaboration, and its ratio would mean nothing.
 */
async function checkBound(docs: StoryDocs, id: string): Promise<void> {
  const reached = () => {
    const doc = docs.get({ id, part: 'body' });
    return doc !== undefined && JSON.stringify(readLexicalBody(doc, () => undefined)).includes(PHRASE.trim());
  };
  for (let tries = 0; tries < 100 && !reached(); tries += 1) await new Promise((resolve) => setTimeout(resolve, 100));
  if (!reached()) throw new Error("The typed keys never reached main's story document: the editor is not bound to it, so the figure would be without collaboration.");
}

const ALL_EDITORS: { name: string; run: (page: Page, profiled: boolean) => Promise<Run>; target: string }[] = [
  { name: 'bare Lexical', run: baseline('index.html'), target: '' },
  { name: 'bare Lexical + collab binding', run: baseline('collab.html'), target: '-' },
  { name: 'Newsdesk editor core', run: baseline('core.html'), target: '≤ 1.1×' },
  { name: 'Newsdesk, all plugins + collab', run: newsdesk(APP_DIR), target: '≤ 1.3× (1.2× before collab)' },
  ...(COMPARE_SOURCE ? [{ name: 'comparison build, all plugins', run: newsdesk(COMPARE_DIR, compareLaunch), target: '≤ 1.3×' }] : []),
];

/**
 * TYPING_APPS_ONLY=1 keeps bare Lexical and the app's builds only: a before/after of the app in
 * fewer editors per round, so each build takes every slot of the order within as many rounds
 * (with all five editors and three rounds, the comparison build ran in later slots than the app).
 */
const EDITORS = process.env.TYPING_APPS_ONLY === '1' ? ALL_EDITORS.filter((editor) => editor.name === 'bare Lexical' || editor.name.includes('all plugins')) : ALL_EDITORS;

/** p50 and p95 of each editor (and its ratios to bare Lexical; the target is at p95) from the samples so far. */
function printFigures(samples: number[][]): void {
  const bareP50 = percentile(samples[0]!, 50);
  const bareP95 = percentile(samples[0]!, 95);
  for (const [i, editor] of EDITORS.entries()) {
    const p50 = percentile(samples[i]!, 50);
    const p95 = percentile(samples[i]!, 95);
    row(`${editor.name}, p50`, ms(p50), '-', i === 0 ? '(baseline)' : '');
    row(`${editor.name}, p95`, ms(p95), i === 0 ? '-' : '≤ 16 ms', i === 0 ? '(baseline)' : '');
    if (i === 0) continue;
    row(`${editor.name} / bare, p50`, `${(p50 / bareP50).toFixed(2)}×`, '-');
    row(`${editor.name} / bare, p95`, `${(p95 / bareP95).toFixed(2)}×`, editor.target, `load average ${loadAverage()}`);
  }
}

async function buildPages(): Promise<void> {
  const sourcemap = true; // for the profile only; it changes no code
  await build({
    configFile: false,
    logLevel: 'silent',
    root: resolve('tests/bench/bare-editor'),
    base: './',
    plugins: [react()],
    build: { outDir: BASELINES_DIR, emptyOutDir: true, sourcemap, rollupOptions: { input: { index: resolve('tests/bench/bare-editor/index.html'), core: resolve('tests/bench/bare-editor/core.html'), collab: resolve('tests/bench/bare-editor/collab.html') } } },
  });
  const app = (root: string, outDir: string) => build({ configFile: false, logLevel: 'silent', root, base: './', plugins: [react()], build: { outDir, emptyOutDir: true, sourcemap } });
  await app(resolve('renderer'), APP_DIR);
  if (COMPARE_SOURCE) await app(resolve(COMPARE_SOURCE), COMPARE_DIR);
}

async function inContext(browser: Browser, run: (page: Page) => Promise<Run>): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // A page that crashed (a heavily loaded machine runs out of memory) fails the run instead of
  // leaving it waiting forever: Playwright's library API waits without a limit by default.
  context.setDefaultTimeout(180_000);
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

export async function runTypingBench(): Promise<void> {
  console.log(`\nTyping latency in Chromium, ${WORDS.toLocaleString()}-word article, ${ROUNDS}×${KEYSTROKES} keystrokes each (keydown → next frame)`);
  console.log(`load average at start: ${loadAverage()}`);
  await buildPages();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const samples = EDITORS.map(() => [] as number[]);
    for (let round = 0; round < ROUNDS; round += 1) {
      // The order turns each round: the slot an editor runs in biases its figures (a later slot
      // measured consistently faster here), so each editor takes every slot in turn.
      for (let slot = 0; slot < EDITORS.length; slot += 1) {
        const i = (slot + round) % EDITORS.length;
        samples[i]!.push(...(await inContext(browser, (page) => EDITORS[i]!.run(page, false))).latency);
      }
      console.log(`  round ${round + 1} done, load average ${loadAverage()}`);
      if (round < ROUNDS - 1) printFigures(samples); // so far, in case the run is cut short
    }
    printFigures(samples);
    // Profiled separately: the sampling profiler slows the page, so its runs give no latency figures.
    // TYPING_PROFILE=0 leaves them out (a quicker comparison of latencies only).
    if (process.env.TYPING_PROFILE === '0') return;
    console.log(`Where a keystroke's time goes (one profiled run each, load average ${loadAverage()}):`);
    const profiled: Run[] = [];
    for (const editor of EDITORS) {
      const run = await inContext(browser, (page) => editor.run(page, true));
      profiled.push(run);
      printBreakdown(editor.name, run.profile!, KEYSTROKES);
    }
    console.log(`The same keys traced (main-thread CPU time, so less hit by the load than the latencies; load average ${loadAverage()}):`);
    for (const [i, editor] of EDITORS.entries()) printTasks(editor.name, profiled[i]!.tasks!, profiled[0]!.tasks!, KEYSTROKES);
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runTypingBench();
