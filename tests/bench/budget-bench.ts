import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { createAppRequestHandler } from '../../electron/main/protocol/app-protocol';
import type { BudgetEntry, DeskMember } from '../../shared/desk/budget';
import type { BudgetSnapshot } from '../../shared/model/desk-budget';
import { HARNESS_ORIGIN, serveAppProtocol } from '../e2e/harness/app-route';
import { ms, percentile, row } from './report';

/**
 * The budget view with 500 stories for the day: first render (the budget's arrival in the page to
 * the first frame painted with the window full of rows) and every row (… to the frame with all 500
 * in the page), the app's BudgetView against the same rows as a plain React table, alternated page
 * loads in Chromium. Target ≤ 100 ms for the first render. Each variant is timed twice a round:
 * mounted as a fresh page starts, and opened in a window that has loaded and settled (the app's
 * case: the budget is a tab of a window already open).
 */
const STORIES = 500;
const LOADS = Number(process.env.BUDGET_LOADS) || 9;
const CHROMIUM = process.env.NEWSDESK_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--disable-frame-rate-limit', '--disable-gpu-vsync', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1400, height: 900 };
const OUT_DIR = resolve('out/bench/budget-page');
const SECTIONS = ['News', 'Business', 'Sport', 'Culture', 'Opinion', 'World'];
const FEEDS = ['News Feed', 'Front', 'Sport', 'Culture'];

const MEMBERS: DeskMember[] = Array.from({ length: 12 }, (_, i) => ({ id: `user-${i}`, name: `Reporter ${i + 1}`, role: i < 3 ? 'editor' : 'reporter' }));

export function budgetOfTheDay(day: Date, count = STORIES): BudgetEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const due = new Date(day);
    due.setHours(6 + (i % 16), (i * 7) % 60, 0, 0);
    const assignee = MEMBERS[i % MEMBERS.length]!;
    const planned = i % 10 !== 9;
    return {
      storyId: `bench-story-${String(i).padStart(4, '0')}`,
      headline: `Story ${i + 1}: council weighs the harbour plan after a long night of talks`,
      slug: `story-${i + 1}`,
      section: SECTIONS[i % SECTIONS.length]!,
      status: ['draft', 'ready', 'approved'][i % 3]!,
      words: (i * 37) % 900,
      photo: (['none', 'wanted', 'ready'] as const)[i % 3]!,
      photoWanted: i % 3 === 1 ? 'photo wanted: the scene' : '',
      photoBy: i % 3 === 2 ? 'Bo Photo' : null,
      plan: planned ? {
        slot: { feed: FEEDS[i % FEEDS.length]!, time: `${String(6 + (i % 16)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}` },
        due: due.toISOString(),
        lengthTarget: 300 + (i % 6) * 100,
        assignee: i % 7 === 0 ? null : { id: assignee.id, name: assignee.name },
        assignedAt: due.toISOString(),
        assignedBy: 'Ana Editor',
        photoRequest: i % 3 === 1 ? 'photo wanted: the scene' : '',
        deskNote: i % 11 === 0 ? 'hold for legal' : '',
      } : null,
      updated: due.toISOString(),
    };
  });
}

interface Render {
  /** The budget's arrival in the page → the first frame painted with the window full of rows. */
  first: number;
  /** … → the first frame painted with every row of the day in the page. */
  all: number;
  /**
   * The page's start → the first frame with the window full of rows: whatever a view renders
   * before its data arrives (its frame, a loading state) is in this figure, not in `first`.
   */
  fromStart: number;
}

/** The start of the console message the bench page hands its figures over with (budget-page/main.tsx). */
const FIGURES_MESSAGE = 'nd:budget:figures ';

/**
 * The figures of the page's first budget, as the page reports them once both frames are painted.
 * Read from a console message rather than by evaluating in the page: Playwright's first evaluation
 * injects its script into the page, main-thread work that would land in the frame being timed.
 * Call before the page loads.
 */
export function figuresOf(page: Page): Promise<Render> {
  return page
    .waitForEvent('console', { predicate: (message) => message.text().startsWith(FIGURES_MESSAGE), timeout: 60_000 })
    .then((message) => JSON.parse(message.text().slice(FIGURES_MESSAGE.length)) as Render);
}

/** A build of the bench page: the plain table, or the budget view of this tree or of another. */
interface Variant {
  mode: 'app' | 'plain';
  /** Where its page was built (served as the app's protocol serves the renderer). */
  dir: string;
}

async function load(browser: Browser, variant: Variant, snapshot: BudgetSnapshot, today: string, inRunningWindow: boolean): Promise<Render> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await serveAppProtocol(page, createAppRequestHandler(variant.dir));
    await page.addInitScript({ content: `window.__benchBudget = ${JSON.stringify({ mode: variant.mode, today, snapshot, members: MEMBERS, inRunningWindow })};` });
    const figures = figuresOf(page);
    await page.goto(`${HARNESS_ORIGIN}/index.html`);
    const figure = await figures;
    if (variant.mode === 'app') {
      const rows = await page.locator('[data-testid="budget-row"]').count();
      if (rows !== STORIES) throw new Error(`The budget showed ${rows} rows, not ${STORIES}: its figure would not be the whole day.`);
    }
    return figure;
  } finally {
    await context.close();
  }
}

/**
 * Builds the bench page (the app's BudgetView and the plain table) into `outDir`. With `renderer`
 * (another tree's renderer/ folder) the page's imports of the renderer are taken from there, so
 * the same page and harness time that tree's budget view.
 */
export async function buildBudgetPage(outDir = OUT_DIR, renderer?: string): Promise<string> {
  const alias = renderer ? [{ find: /^(?:\.\.\/)+renderer\/src\//, replacement: `${resolve(renderer, 'src')}/` }] : [];
  await build({
    configFile: false,
    logLevel: 'silent',
    root: resolve('tests/bench/budget-page'),
    base: './',
    plugins: [react()],
    resolve: { alias },
    build: { outDir, emptyOutDir: true, sourcemap: true },
  });
  return outDir;
}

/** The name suffix of a variant's loads opened in a running window (budget-page/main.tsx: inRunningWindow). */
const RUNNING = ' in a running window';

const load1 = (): string => loadavg()[0]!.toFixed(1);

/**
 * Alternates fresh loads of the plain table, this tree's budget and, with
 * BUDGET_COMPARE_RENDERER=<another tree's renderer/ folder>, that tree's budget in the same page,
 * so old and new are measured under the same load.
 */
export async function runBudgetBench(): Promise<void> {
  const compareRenderer = process.env.BUDGET_COMPARE_RENDERER;
  console.log(`\nBudget view in Chromium, ${STORIES} stories for the day: ${LOADS} fresh page loads each (the view mounted at the start, and opened in the loaded window), alternated (load average ${loadavg().map((n) => n.toFixed(1)).join(' ')})`);
  const variants: Record<string, Variant> = {
    plain: { mode: 'plain', dir: await buildBudgetPage() },
    app: { mode: 'app', dir: OUT_DIR },
  };
  if (compareRenderer) variants.compared = { mode: 'app', dir: await buildBudgetPage(`${OUT_DIR}-compared`, compareRenderer) };
  const day = new Date();
  const today = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
  const snapshot: BudgetSnapshot = { state: 'ready', deskId: 'news', me: { id: 'user-0', name: 'Reporter 1' }, canPlan: true, entries: budgetOfTheDay(day) };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const runs: Record<string, Render[]> = Object.fromEntries(Object.keys(variants).flatMap((name) => [[name, []], [`${name}${RUNNING}`, []]]));
  try {
    for (let i = 0; i < LOADS; i += 1) {
      const figures: string[] = [];
      // Each round in another order, so no variant always follows the same one.
      const names = Object.keys(variants);
      for (const name of [...names.slice(i % names.length), ...names.slice(0, i % names.length)]) {
        for (const inRunningWindow of i % 2 === 0 ? [false, true] : [true, false]) {
          const figure = await load(browser, variants[name]!, snapshot, today, inRunningWindow);
          const key = inRunningWindow ? `${name}${RUNNING}` : name;
          runs[key]!.push(figure);
          figures.push(`${key} ${ms(figure.first)}`);
        }
      }
      console.log(`  round ${i + 1}: first render ${figures.join(', ')} (load average ${load1()})`);
    }
  } finally {
    await browser.close();
  }
  const median = (values: number[]): number => percentile(values, 50);
  const first = (name: string): number[] => runs[name]!.map((run) => run.first);
  const all = (name: string): number[] => runs[name]!.map((run) => run.all);
  const fromStart = (name: string): number[] => runs[name]!.map((run) => run.fromStart);
  row('plain table, first render (data → frame) median', ms(median(first('plain'))), '-', '(baseline)');
  row('plain table, first render max', ms(Math.max(...first('plain'))), '-', '(baseline)');
  row('Newsdesk budget, first render median', ms(median(first('app'))), '≤ 100 ms');
  row('Newsdesk budget, first render max', ms(Math.max(...first('app'))), '≤ 100 ms');
  if (compareRenderer) {
    row('compared build, first render median', ms(median(first('compared'))), '-', `(${compareRenderer})`);
    row('compared build, first render max', ms(Math.max(...first('compared'))), '-', `(${compareRenderer})`);
  }
  // The view opened in a window that has loaded and settled, as the app shows it (a tab of the main
  // window): its first render without a new page's start-up on the same thread.
  row(`plain table${RUNNING}, first render median`, ms(median(first(`plain${RUNNING}`))), '-', '(baseline)');
  row(`plain table${RUNNING}, first render max`, ms(Math.max(...first(`plain${RUNNING}`))), '-', '(baseline)');
  row(`Newsdesk budget${RUNNING}, first render median`, ms(median(first(`app${RUNNING}`))), '≤ 100 ms');
  row(`Newsdesk budget${RUNNING}, first render max`, ms(Math.max(...first(`app${RUNNING}`))), '≤ 100 ms');
  if (compareRenderer) {
    row(`compared build${RUNNING}, first render median`, ms(median(first(`compared${RUNNING}`))), '-', `(${compareRenderer})`);
    row(`compared build${RUNNING}, first render max`, ms(Math.max(...first(`compared${RUNNING}`))), '-', `(${compareRenderer})`);
  }
  row('Newsdesk / plain (first render median)', `${(median(first('app')) / median(first('plain'))).toFixed(2)}×`, '-');
  row('plain table, every row in the page, median', ms(median(all('plain'))), '-', '(baseline)');
  row('Newsdesk budget, every row in the page, median', ms(median(all('app'))), '-');
  if (compareRenderer) row('compared build, every row in the page, median', ms(median(all('compared'))), '-');
  row('Newsdesk / plain (every row, median)', `${(median(all('app')) / median(all('plain'))).toFixed(2)}×`, '-');
  row('plain table, page start → first render median', ms(median(fromStart('plain'))), '-', '(baseline)');
  row('Newsdesk, page start → first render median', ms(median(fromStart('app'))), '-');
  if (compareRenderer) row('compared build, page start → first render median', ms(median(fromStart('compared'))), '-');
  console.log(`(load average after: ${loadavg().map((n) => n.toFixed(1)).join(' ')})`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runBudgetBench();
