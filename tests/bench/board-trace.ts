// Where the board's first render goes: a Chromium trace of fresh opens of the feeds desk on the
// board bench's 2,000 items, its main-thread work between the board's arrival and the first frame
// with the columns, task by task and summed by kind. Run after `npx electron-vite build`.
import { readFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import { chromium } from '@playwright/test';
import { launchNewsdesk, makeDataDir } from '../e2e/harness/launch';
import { seedDataDir } from './board-bench';

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tid: number; pid: number; args?: { data?: { url?: string; functionName?: string; lineNumber?: number; columnNumber?: number } } }

interface Profile { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[]; samples: number[]; timeDeltas: number[]; startTime: number }

const maps = new Map<string, SourceMapConsumer | null>();
async function mapOf(url: string): Promise<SourceMapConsumer | null> {
  if (!maps.has(url)) {
    try {
      const file = resolve('out/renderer', new URL(url).pathname.replace(/^\//, ''));
      maps.set(url, new SourceMapConsumer(JSON.parse(await readFile(`${file}.map`, 'utf8')) as ConstructorParameters<typeof SourceMapConsumer>[0]));
    } catch {
      maps.set(url, null);
    }
  }
  return maps.get(url) ?? null;
}

/** Inclusive time per original source file on the stack, and self time per function, between the marks. */
async function printProfile(profile: Profile, from: number, to: number): Promise<void> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const place = new Map<number, string>();
  const placeOf = async (id: number): Promise<string> => {
    if (place.has(id)) return place.get(id)!;
    const frame = byId.get(id)!.callFrame;
    const map = frame.url ? await mapOf(frame.url) : null;
    const original = map?.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber });
    const source = original?.source ? original.source.replace(/^.*node_modules\//, 'nm:').replace(/^.*\/(renderer|shared)\//, '$1/') : frame.url ? frame.url.replace(/^.*\//, '') : '';
    const name = `${source || '(native)'} ${original?.name ?? frame.functionName}`;
    place.set(id, name);
    return name;
  };
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  let time = profile.startTime;
  for (let i = 0; i < profile.samples.length; i += 1) {
    time += profile.timeDeltas[i]!;
    if (time < from || time > to) continue;
    const dt = (profile.timeDeltas[i + 1] ?? 100) / 1000;
    const leaf = profile.samples[i]!;
    const leafName = await placeOf(leaf);
    self.set(leafName, (self.get(leafName) ?? 0) + dt);
    const files = new Set<string>();
    for (let at: number | undefined = leaf; at !== undefined; at = parent.get(at)) files.add((await placeOf(at)).split(' ')[0]!);
    for (const file of files) inclusive.set(file, (inclusive.get(file) ?? 0) + dt);
  }
  const top = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${v.toFixed(1).padStart(6)} ms  ${k}`).join('\n');
  console.log(`inclusive by file:\n${top(inclusive, 30)}\nself by function:\n${top(self, 25)}`);
}

const OPENS = Number(process.env.OPENS ?? 3);
/** MOVES=n: instead of the first render, a CPU profile of n keyboard moves (Alt+↓/↑) in News Feed. */
const MOVES = Number(process.env.MOVES ?? 0);
const dataDir = await makeDataDir();
await seedDataDir(dataDir);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-frame-rate-limit', '--disable-gpu-vsync', '--no-sandbox', '--disable-gpu'] });

async function profileMoves(): Promise<void> {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  const app = await launchNewsdesk(page, { dataDir });
  await page.getByRole('tab', { name: 'Feeds' }).waitFor();
  await page.keyboard.press('Control+3');
  const card = page.locator('[data-testid="feed-column"][data-feed-id="news-feed"] [data-testid="placement-card"]').nth(2);
  await card.focus();
  await page.waitForFunction(() => true); // Playwright's injected script, put in before the profile
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  for (let i = 0; i < MOVES; i += 1) {
    await page.keyboard.press(Math.floor(i / 20) % 2 === 0 ? 'Alt+ArrowDown' : 'Alt+ArrowUp');
    await page.waitForFunction(() => (document.querySelector('[data-testid="board-save-state"]')?.textContent ?? 'Saved') === 'Saved', undefined, { polling: 10 });
  }
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await app.close();
  await page.context().close();
  console.log(`\n${MOVES} keyboard moves, CPU profile of the page:`);
  await printProfile(profile, profile.startTime, Number.POSITIVE_INFINITY);
}

try {
  if (MOVES > 0) await profileMoves();
  for (let open = 0; open < (MOVES > 0 ? 0 : OPENS); open += 1) {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    const app = await launchNewsdesk(page, { dataDir });
    await page.getByRole('tab', { name: 'Feeds' }).waitFor();
    if (process.env.WARM) await page.waitForFunction(() => true);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'] });
    await page.keyboard.press('Control+3');
    const figure = (await (await page.waitForFunction(() => performance.getEntriesByName('nd:board:first-render')[0]?.duration ?? null)).jsonValue()) as number;
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
    await app.close();
    await page.context().close();
    const start = events.find((e) => e.name === 'nd:board:data');
    const end = events.find((e) => e.name === 'nd:board:painted');
    if (!start || !end) throw new Error('The trace holds no board marks.');
    console.log(`\nopen ${open + 1}: first render ${figure.toFixed(1)} ms`);
    const totals = new Map<string, number>();
    for (const e of events) {
      if (e.tid !== start.tid || e.pid !== start.pid || e.ph !== 'X' || !e.dur || e.ts < start.ts || e.ts > end.ts) continue;
      totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
      if (e.name !== 'RunTask' && e.dur >= 2000) {
        const where = e.args?.data?.url ? ` ${e.args.data.functionName ?? ''} ${e.args.data.url.replace(/^.*\//, '')}:${e.args.data.lineNumber ?? ''}:${e.args.data.columnNumber ?? ''}` : '';
        console.log(`${((e.ts - start.ts) / 1000).toFixed(1).padStart(7)} +${(e.dur / 1000).toFixed(1).padStart(6)}  ${e.name}${where}`);
      }
    }
    // PROFILE=after: only what runs between the frame's paint and the mark.
    const paints = events.filter((e) => e.name === 'Paint' && e.tid === start.tid && e.ts > start.ts && e.ts < end.ts);
    const paintEnd = paints.length > 0 ? Math.max(...paints.map((e) => e.ts + (e.dur ?? 0))) : start.ts;
    if (process.env.PROFILE) await printProfile(profile, process.env.PROFILE === 'after' ? paintEnd : start.ts, end.ts);
    console.log([...totals].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([name, total]) => `${name} ${total.toFixed(1)}`).join(' · '));
  }
} finally {
  await browser.close();
  await rm(dataDir, { recursive: true, force: true });
}
