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
 * loads in Chromium. Target ≤ 100 ms for the first render.
 */
const STORIES = 500;
const LOADS = 9;
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

async function firstRender(page: Page): Promise<Render> {
  const handle = await page.waitForFunction(
    () => {
      const [first] = performance.getEntriesByName('nd:budget:first-render');
      const [all] = performance.getEntriesByName('nd:budget:all-rows');
      const [painted] = performance.getEntriesByName('nd:budget:painted');
      return first && all && painted ? { first: first.duration, all: all.duration, fromStart: painted.startTime } : null;
    },
    undefined,
    { timeout: 60_000 },
  );
  return (await handle.jsonValue()) as Render;
}

async function load(browser: Browser, mode: 'app' | 'plain', snapshot: BudgetSnapshot, today: string): Promise<Render> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await serveAppProtocol(page, createAppRequestHandler(OUT_DIR));
    await page.addInitScript({ content: `window.__benchBudget = ${JSON.stringify({ mode, today, snapshot, members: MEMBERS })};` });
    await page.goto(`${HARNESS_ORIGIN}/index.html`);
    const figure = await firstRender(page);
    if (mode === 'app') {
      const rows = await page.locator('[data-testid="budget-row"]').count();
      if (rows !== STORIES) throw new Error(`The budget showed ${rows} rows, not ${STORIES}: its figure would not be the whole day.`);
    }
    return figure;
  } finally {
    await context.close();
  }
}

/** Builds the bench page (the app's BudgetView and the plain table) into out/bench/budget-page. */
export async function buildBudgetPage(): Promise<string> {
  await build({ configFile: false, logLevel: 'silent', root: resolve('tests/bench/budget-page'), base: './', plugins: [react()], build: { outDir: OUT_DIR, emptyOutDir: true, sourcemap: true } });
  return OUT_DIR;
}

export async function runBudgetBench(): Promise<void> {
  console.log(`\nBudget view in Chromium, ${STORIES} stories for the day: ${LOADS} fresh loads each, alternated (load average ${loadavg().map((n) => n.toFixed(1)).join(' ')})`);
  await buildBudgetPage();
  const day = new Date();
  const today = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
  const snapshot: BudgetSnapshot = { state: 'ready', deskId: 'news', me: { id: 'user-0', name: 'Reporter 1' }, canPlan: true, entries: budgetOfTheDay(day) };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const plain: Render[] = [];
    const app: Render[] = [];
    for (let i = 0; i < LOADS; i += 1) {
      plain.push(await load(browser, 'plain', snapshot, today));
      app.push(await load(browser, 'app', snapshot, today));
    }
    const median = (values: number[]): number => percentile(values, 50);
    const first = (runs: Render[]): number[] => runs.map((run) => run.first);
    const all = (runs: Render[]): number[] => runs.map((run) => run.all);
    const fromStart = (runs: Render[]): number[] => runs.map((run) => run.fromStart);
    row('plain table, first render (data → frame) median', ms(median(first(plain))), '-', '(baseline)');
    row('plain table, first render max', ms(Math.max(...first(plain))), '-', '(baseline)');
    row('Newsdesk budget, first render median', ms(median(first(app))), '≤ 100 ms');
    row('Newsdesk budget, first render max', ms(Math.max(...first(app))), '≤ 100 ms');
    row('Newsdesk / plain (first render median)', `${(median(first(app)) / median(first(plain))).toFixed(2)}×`, '-');
    row('plain table, every row in the page, median', ms(median(all(plain))), '-', '(baseline)');
    row('Newsdesk budget, every row in the page, median', ms(median(all(app))), '-');
    row('Newsdesk / plain (every row, median)', `${(median(all(app)) / median(all(plain))).toFixed(2)}×`, '-');
    row('plain table, page start → first render median', ms(median(fromStart(plain))), '-', '(baseline)');
    row('Newsdesk, page start → first render median', ms(median(fromStart(app))), '-');
  } finally {
    await browser.close();
  }
  console.log(`(load average after: ${loadavg().map((n) => n.toFixed(1)).join(' ')})`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runBudgetBench();
