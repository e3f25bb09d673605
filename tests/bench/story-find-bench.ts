import { rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { launchNewsdesk, makeDataDir } from '../e2e/harness/launch';
import { longArticleBody } from './fixtures/long-article';
import { ms, percentile, row } from './report';

const WORDS = 10_000;
const ROUNDS = Number(process.env.ROUNDS ?? 5);
/** Replace all (then undo) this many times per round. */
const REPEATS = Number(process.env.REPEATS ?? 4);
const CHROMIUM = process.env.NEWSDESK_CHROMIUM ?? '/usr/bin/chromium';
/**
 * FIND_COMPARE_RENDERER=<a built renderer folder, e.g. another checkout's out/renderer> measures
 * that build too, alternated round by round with this one: a change's before and after in one run.
 */
const COMPARE_DIR = process.env.FIND_COMPARE_RENDERER;
const ARGS = ['--disable-frame-rate-limit', '--disable-gpu-vsync', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Measured in the page, from the input event (or the click) to the moment the result is there:
 * every match highlighted, or the count reporting the replacements. Polled by macrotasks, so the
 * figure includes React's renders and Lexical's update but no wait for a display frame. Replace
 * all is also measured until the next frame is drawn (a task queued from requestAnimationFrame
 * runs after that frame's style, layout and paint), which is when the person sees the new text.
 */
async function install(page: Page): Promise<void> {
  // A string, not a function: tsx compiles functions with helpers (__name) that the page does not have.
  await page.evaluate(`(() => {
    const poll = (done) => new Promise((resolve, reject) => {
      const channel = new MessageChannel();
      const until = performance.now() + 10000;
      channel.port1.onmessage = () => (done() ? resolve() : performance.now() > until ? reject(new Error('no result in 10 s')) : channel.port2.postMessage(null));
      channel.port2.postMessage(null);
    });
    const input = () => document.querySelector('[data-testid="find-bar"] input[type="search"]');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    window.__findTime = async (query) => {
      CSS.highlights.delete('nd-find-match');
      const start = performance.now();
      setValue.call(input(), query);
      input().dispatchEvent(new Event('input', { bubbles: true }));
      await poll(() => (CSS.highlights.get('nd-find-match')?.size ?? 0) > 0);
      return { ms: performance.now() - start, count: CSS.highlights.get('nd-find-match').size };
    };
    window.__replaceAllTime = async () => {
      const button = [...document.querySelectorAll('[data-testid="find-bar"] button')].find((b) => b.textContent === 'Replace all');
      const start = performance.now();
      button.click();
      window.__clickSync = performance.now() - start;
      await poll(() => document.querySelector('[data-testid="find-count"]')?.textContent?.startsWith('Replaced') === true);
      const status = performance.now() - start;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return { text: window.__clickSync, status, drawn: performance.now() - start };
    };
  })()`);
}

/**
 * The page's main thread CPU time so far, in ms (Chromium's ThreadTime metric). On a loaded machine
 * wall-clock figures mostly measure waiting for a core; the CPU a replace all costs does not.
 */
async function threadTime(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return (metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? NaN) * 1000;
}

/** Whether read() comes to give `expected` within 5 s (an undo is committed on the next frame). */
async function becomes(read: () => Promise<string>, expected: string): Promise<boolean> {
  for (let tries = 0; tries < 50; tries += 1) {
    if ((await read()) === expected) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

interface Figures {
  find: number[];
  /** Main thread CPU time from the input event to every match highlighted. */
  findCpu: number[];
  worst: number[];
  replace: number[];
  replaceStatus: number[];
  replaceDrawn: number[];
  /** Main thread CPU time from the click to the next frame drawn. */
  replaceCpu: number[];
  counts: Record<string, number>;
  undone: boolean;
}

const noFigures = (): Figures => ({ find: [], findCpu: [], worst: [], replace: [], replaceStatus: [], replaceDrawn: [], replaceCpu: [], counts: {}, undone: true });

async function measure(page: Page, rendererDir: string | undefined): Promise<Figures> {
  const dataDir = await makeDataDir();
  try {
    const app = await launchNewsdesk(page, { dataDir, rendererDir });
    const drafts = app.services().drafts;
    const article = await drafts.create({ section: 'News' });
    await drafts.save({ ...article, headline: 'Find benchmark long read', body: longArticleBody(WORDS) }, 'manual');
    await page.reload();
    await page.getByText('Find benchmark long read').first().click();
    const body = page.getByTestId('article-body');
    await body.locator('p').first().click();
    await page.keyboard.press('Control+h');
    await page.getByTestId('find-bar').waitFor();
    await install(page);
    const find: number[] = [];
    const worst: number[] = [];
    const counts: Record<string, number> = {};
    const bar = page.getByTestId('find-bar');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const findCpu: number[] = [];
    // The fixture's words repeat unevenly: "costs" is a typical find, "the" (thousands) the worst case.
    // Each is measured twice per round, and replace all REPEATS times (each undone), for more samples per start.
    for (let repeat = 0; repeat < 2; repeat += 1) {
      for (const query of ['the', 'border', 'costs']) {
        await bar.getByLabel('Find in story').fill('');
        const cpuBefore = await threadTime(cdp);
        const result = (await page.evaluate(`window.__findTime(${JSON.stringify(query)})`)) as { ms: number; count: number };
        if (query !== 'the') findCpu.push((await threadTime(cdp)) - cpuBefore);
        (query === 'the' ? worst : find).push(result.ms);
        counts[query] = result.count;
      }
    }
    await bar.getByLabel('Replace with').fill('COSTS');
    const before = await body.innerText();
    const replace: number[] = [];
    const replaceStatus: number[] = [];
    const replaceDrawn: number[] = [];
    let undone = true;
    const replaceCpu: number[] = [];
    for (let repeat = 0; repeat < REPEATS; repeat += 1) {
      const cpuBefore = await threadTime(cdp);
      const timing = (await page.evaluate('window.__replaceAllTime()')) as { text: number; status: number; drawn: number };
      replaceCpu.push((await threadTime(cdp)) - cpuBefore);
      replace.push(timing.text);
      replaceStatus.push(timing.status);
      replaceDrawn.push(timing.drawn);
      await bar.getByLabel('Replace with').press('Escape');
      await page.keyboard.press('Control+z');
      undone &&= await becomes(() => body.innerText(), before);
      // Replace again from the same place: the bar keeps the query and the replacement.
      await page.keyboard.press('Control+h');
      await bar.waitFor();
    }
    await app.close();
    return { find, findCpu, worst, replace, replaceStatus, replaceDrawn, replaceCpu, counts, undone };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

function add(into: Figures, from: Figures): void {
  into.find.push(...from.find);
  into.findCpu.push(...from.findCpu);
  into.worst.push(...from.worst);
  into.replace.push(...from.replace);
  into.replaceStatus.push(...from.replaceStatus);
  into.replaceDrawn.push(...from.replaceDrawn);
  into.replaceCpu.push(...from.replaceCpu);
  into.counts = from.counts;
  into.undone &&= from.undone;
}

/** The figure of this build, and the compared build's next to it when there is one. */
function line(label: string, pick: (figures: Figures) => number, target: string, app: Figures, compare: Figures | null, note = ''): void {
  const value = pick(app);
  const baseline = compare === null ? note : `compared build ${ms(pick(compare))} (${(value / pick(compare)).toFixed(2)}×) ${note}`;
  row(label, ms(value), target, baseline.trim());
}

export async function runStoryFindBench(): Promise<void> {
  console.log(`\nFind & replace in Chromium, ${WORDS.toLocaleString()}-word story, ${ROUNDS} rounds, replace all ${REPEATS}× each (load average ${loadavg().map((n) => n.toFixed(2)).join(' ')})`);
  if (COMPARE_DIR !== undefined) console.log(`compared with the build in ${COMPARE_DIR}, alternated round by round`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const app = noFigures();
  const compare = COMPARE_DIR === undefined ? null : noFigures();
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      // Alternate which build goes first, so neither always meets the machine's load first.
      const builds: Array<[Figures, string | undefined]> = [[app, undefined]];
      if (compare !== null) builds[round % 2 === 0 ? 'push' : 'unshift']([compare, COMPARE_DIR]);
      for (const [into, rendererDir] of builds) {
        const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
        try {
          add(into, await measure(await context.newPage(), rendererDir));
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
  }
  const { counts } = app;
  const p50 = (values: number[]) => percentile(values, 50);
  const slowest = (values: number[]) => Math.max(...values);
  line(`highlight all ("border" ${counts.border}, "costs" ${counts.costs}) p50`, (f) => p50(f.find), '-', app, compare);
  line('highlight all, slowest', (f) => slowest(f.find), '≤ 50 ms', app, compare);
  line('highlight all, main thread CPU, p50', (f) => p50(f.findCpu), '-', app, compare, '(load-independent)');
  line('highlight all, main thread CPU, slowest', (f) => slowest(f.findCpu), '≤ 50 ms', app, compare);
  line(`highlight all, "the" (${counts.the} matches) p50`, (f) => p50(f.worst), '-', app, compare, '(extreme case)');
  // The click runs the one Lexical update (replace, reconcile the DOM, update listeners) synchronously:
  // that is when the text on screen is replaced. The count line follows with the app's next React render.
  line(`replace all "costs" (${counts.costs}), text replaced p50`, (f) => p50(f.replace), '-', app, compare);
  line('replace all, text replaced, slowest', (f) => slowest(f.replace), '≤ 100 ms', app, compare);
  line('replace all, until the count line says so, p50', (f) => p50(f.replaceStatus), '-', app, compare, '(incl. app re-render)');
  line('replace all, until the next frame is drawn, p50', (f) => p50(f.replaceDrawn), '-', app, compare, '(incl. layout, paint)');
  line('replace all, next frame drawn, slowest', (f) => slowest(f.replaceDrawn), '-', app, compare);
  line('replace all, main thread CPU to next frame, p50', (f) => p50(f.replaceCpu), '-', app, compare, '(load-independent)');
  line('replace all, main thread CPU, slowest', (f) => slowest(f.replaceCpu), '-', app, compare);
  // FIND_BENCH_SAMPLES=1 prints every sample, in the order taken, to tell a cold first run from load.
  if (process.env.FIND_BENCH_SAMPLES === '1') {
    const list = (values: number[]) => values.map((value) => value.toFixed(0)).join(' ');
    for (const [name, figures] of [['this build', app], ['compared build', compare]] as const) {
      if (figures !== null) console.log(`${name}: replace all text ${list(figures.replace)}; drawn ${list(figures.replaceDrawn)}; CPU ${list(figures.replaceCpu)}; highlight ${list(figures.find)}`);
    }
  }
  row('replace all undone by one undo', app.undone && (compare?.undone ?? true) ? 'yes' : 'NO', 'yes');
  console.log(`load average after: ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runStoryFindBench();
