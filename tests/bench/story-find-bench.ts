import { rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { launchNewsdesk, makeDataDir } from '../e2e/harness/launch';
import { longArticleBody } from './fixtures/long-article';
import { ms, percentile, row } from './report';

const WORDS = 10_000;
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const CHROMIUM = process.env.NEWSDESK_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--disable-frame-rate-limit', '--disable-gpu-vsync', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Measured in the page, from the input event (or the click) to the moment the result is there:
 * every match highlighted, or the count reporting the replacements. Polled by macrotasks, so the
 * figure includes React's renders and Lexical's update but no wait for a display frame.
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
      return { text: window.__clickSync, status: performance.now() - start };
    };
  })()`);
}

async function measure(page: Page): Promise<{ find: number[]; worst: number[]; replace: number[]; replaceStatus: number[]; counts: Record<string, number>; undone: boolean }> {
  const dataDir = await makeDataDir();
  try {
    const app = await launchNewsdesk(page, { dataDir });
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
    // The fixture's words repeat unevenly: "costs" is a typical find, "the" (thousands) the worst case.
    for (const query of ['the', 'border', 'costs']) {
      await page.getByTestId('find-bar').getByLabel('Find in story').fill('');
      const result = (await page.evaluate(`window.__findTime(${JSON.stringify(query)})`)) as { ms: number; count: number };
      (query === 'the' ? worst : find).push(result.ms);
      counts[query] = result.count;
    }
    await page.getByTestId('find-bar').getByLabel('Replace with').fill('COSTS');
    const before = await body.innerText();
    const timing = (await page.evaluate('window.__replaceAllTime()')) as { text: number; status: number };
    const replace = [timing.text];
    const replaceStatus = [timing.status];
    await page.getByTestId('find-bar').getByLabel('Replace with').press('Escape');
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(300);
    const undone = (await body.innerText()) === before;
    await app.close();
    return { find, worst, replace, replaceStatus, counts, undone };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function runStoryFindBench(): Promise<void> {
  console.log(`\nFind & replace in Chromium, ${WORDS.toLocaleString()}-word story, ${ROUNDS} rounds (load average ${loadavg().map((n) => n.toFixed(2)).join(' ')})`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const find: number[] = [];
  const worst: number[] = [];
  const replace: number[] = [];
  const replaceStatus: number[] = [];
  let counts: Record<string, number> = {};
  let undone = true;
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      try {
        const result = await measure(await context.newPage());
        find.push(...result.find);
        worst.push(...result.worst);
        replace.push(...result.replace);
        replaceStatus.push(...result.replaceStatus);
        counts = result.counts;
        undone &&= result.undone;
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  row(`highlight all ("border" ${counts.border}, "costs" ${counts.costs}) p50`, ms(percentile(find, 50)), '-');
  row('highlight all, slowest', ms(Math.max(...find)), '≤ 50 ms');
  row(`highlight all, "the" (${counts.the} matches) p50`, ms(percentile(worst, 50)), '-', '(extreme case)');
  // The click runs the one Lexical update (replace, reconcile the DOM, update listeners) synchronously:
  // that is when the text on screen is replaced. The count line follows with the app's next React render.
  row(`replace all "costs" (${counts.costs}), text replaced p50`, ms(percentile(replace, 50)), '-');
  row('replace all, text replaced, slowest', ms(Math.max(...replace)), '≤ 100 ms');
  row('replace all, until the count line says so, p50', ms(percentile(replaceStatus, 50)), '-', '(incl. app re-render)');
  row('replace all undone by one undo', undone ? 'yes' : 'NO', 'yes');
  console.log(`load average after: ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runStoryFindBench();
