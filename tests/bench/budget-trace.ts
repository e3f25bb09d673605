// Where the budget's first render goes: a Chromium trace of one fresh load of the bench page, its
// main-thread work between the budget's arrival and the first frame with the rows, summed by kind
// (script, style, layout, paint, GC). Run after budget-bench.ts has built the page.
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { createAppRequestHandler } from '../../electron/main/protocol/app-protocol';
import type { BudgetSnapshot } from '../../shared/model/desk-budget';
import { HARNESS_ORIGIN, serveAppProtocol } from '../e2e/harness/app-route';
import { budgetOfTheDay, buildBudgetPage, figuresOf } from './budget-bench';

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tdur?: number; tid: number; pid: number; args?: { data?: { frame?: string } } }

const mode = (process.argv[2] ?? 'app') as 'app' | 'plain';
const day = new Date();
const today = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
const snapshot: BudgetSnapshot = { state: 'ready', deskId: 'news', me: { id: 'user-0', name: 'Reporter 1' }, canPlan: true, entries: budgetOfTheDay(day) };
const outDir = await buildBudgetPage();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-frame-rate-limit', '--disable-gpu-vsync', '--no-sandbox', '--disable-gpu'] });
const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
await serveAppProtocol(page, createAppRequestHandler(outDir));
await page.addInitScript({ content: `window.__benchBudget = ${JSON.stringify({ mode, today, snapshot, members: [] })};` });
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing', 'fonts'] });
const figures = figuresOf(page);
await page.goto(`${HARNESS_ORIGIN}/index.html`);
const figure = (await figures).first;
const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
if (process.env.SCREENS) {
  // The day in the page: its first screen, then its end (the last section's rows, scrolled to).
  await page.waitForFunction(() => performance.getEntriesByName('nd:budget:all-rows').length > 0);
  await page.screenshot({ path: `test-results/screens/budget-500-${mode}-top.png` });
  await page.locator('[data-testid="budget-row"]').last().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `test-results/screens/budget-500-${mode}-end.png` });
}
await browser.close();
const events = trace.traceEvents;
const start = events.find((e) => e.name === 'nd:budget:data')!;
const end = events.find((e) => e.name === 'nd:budget:painted')!;
const main = start.tid;
// Wall time (dur) and the main thread's own CPU time (tdur) of each kind of work. On a busy
// machine the two part: a load's figure then says more about the other processes than about the
// budget, and the CPU time is the figure that compares builds.
const totals = new Map<string, { wall: number; cpu: number }>();
let cpuInWindow = 0;
for (const e of events) {
  if (e.tid !== main || e.pid !== start.pid || e.ph !== 'X' || !e.dur || e.ts < start.ts || e.ts > end.ts) continue;
  const total = totals.get(e.name) ?? { wall: 0, cpu: 0 };
  total.wall += e.dur / 1000;
  total.cpu += (e.tdur ?? 0) / 1000;
  totals.set(e.name, total);
  if (e.name === 'RunTask') cpuInWindow += (e.tdur ?? 0) / 1000;
}
console.log(`${mode}: first render ${figure.toFixed(1)} ms, of it ${cpuInWindow.toFixed(1)} ms the main thread's CPU in tasks begun after the budget arrived (load average ${loadavg()[0]!.toFixed(1)})`);
console.log('    wall       cpu');
for (const [name, total] of [...totals].sort((a, b) => b[1].wall - a[1].wall).slice(0, 25)) console.log(`${total.wall.toFixed(1).padStart(8)} ms ${total.cpu.toFixed(1).padStart(6)} ms  ${name}`);
if (process.env.TASKS) {
  for (const e of events) {
    if (e.tid !== main || e.pid !== start.pid || e.ph !== 'X' || e.ts < start.ts - 1 || e.ts > end.ts || e.name === 'RunTask' || !e.dur || e.dur < 1000) continue;
    console.log(`${((e.ts - start.ts) / 1000).toFixed(1).padStart(7)} +${(e.dur / 1000).toFixed(1).padStart(6)}  ${e.name}`);
  }
}
