import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import { launchNewsdesk, makeDataDir } from '../e2e/harness/launch';
import { createAppRequestHandler } from '../../electron/main/protocol/app-protocol';
import { HARNESS_ORIGIN, serveAppProtocol } from '../e2e/harness/app-route';
import { longArticleBody } from './fixtures/long-article';
import { ms, percentile, row } from './report';

const WORDS = 10_000;
const KEYSTROKES = 240;
const CHROMIUM = process.env.NEWSDESK_CHROMIUM ?? '/usr/bin/chromium';
// Frame-rate limiting off: otherwise every sample includes up to 16.7 ms of waiting for vsync, which
// measures the display, not the editor. With it off, the next frame comes as soon as the work is done.
const ARGS = ['--disable-frame-rate-limit', '--disable-gpu-vsync', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Keydown → next frame, measured in the page: from the event's timestamp to a task queued from
 * the following requestAnimationFrame (that is, after Lexical's update, layout and the frame).
 */
async function measureTyping(page: Page): Promise<number[]> {
  const editor = page.locator('[data-lexical-editor="true"]').first();
  await editor.waitFor();
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
  // Put the caret in the middle of the long document, then type like a person (one key at a time).
  const middle = editor.locator('p').nth(80);
  await middle.scrollIntoViewIfNeeded();
  await middle.click();
  await page.keyboard.press('End');
  const phrase = 'the committee will meet again on friday ';
  for (let i = 0; i < KEYSTROKES; i += 1) {
    await page.keyboard.type(phrase[i % phrase.length]!);
    await page.waitForTimeout(20);
  }
  await page.waitForTimeout(300);
  return page.evaluate(() => (window as unknown as { __latency: number[] }).__latency.slice(10));
}

const BARE_OUT_DIR = resolve('out/bench/bare-editor');
/** Rounds per editor, alternated (bare, Newsdesk, bare, …) so drift in the machine's load hits both alike. */
const ROUNDS = 3;

// Both pages are served the same way, by the app's protocol handler behind page.route.
async function bareEditorLatency(page: Page): Promise<number[]> {
  await serveAppProtocol(page, createAppRequestHandler(BARE_OUT_DIR));
  await page.addInitScript({ content: `window.__benchDoc = ${JSON.stringify(longArticleBody(WORDS))};` });
  await page.goto(`${HARNESS_ORIGIN}/index.html`);
  await page.waitForFunction(() => (window as unknown as { __benchReady?: boolean }).__benchReady === true);
  return measureTyping(page);
}

async function newsdeskLatency(page: Page): Promise<number[]> {
  const dataDir = await makeDataDir();
  try {
    const app = await launchNewsdesk(page, { dataDir });
    const drafts = app.services().drafts;
    const article = await drafts.create({ section: 'News' });
    await drafts.save({ ...article, headline: 'Typing benchmark long read', body: longArticleBody(WORDS) }, 'manual');
    await page.reload();
    await page.getByText('Typing benchmark long read').first().click();
    const samples = await measureTyping(page);
    await app.close();
    return samples;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function runTypingBench(): Promise<void> {
  console.log(`\nTyping latency in Chromium, ${WORDS.toLocaleString()}-word article, ${ROUNDS}×${KEYSTROKES} keystrokes each (keydown → next frame)`);
  await build({ configFile: false, logLevel: 'silent', root: resolve('tests/bench/bare-editor'), base: './', build: { outDir: BARE_OUT_DIR, emptyOutDir: true } });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const run = async (which: (page: Page) => Promise<number[]>) => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      try {
        return await which(await context.newPage());
      } finally {
        await context.close();
      }
    };
    const bare: number[] = [];
    const app: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      bare.push(...(await run(bareEditorLatency)));
      app.push(...(await run(newsdeskLatency)));
    }
    const bareP95 = percentile(bare, 95);
    const appP95 = percentile(app, 95);
    row('bare Lexical editor, keydown → frame p50', ms(percentile(bare, 50)), '-', '(baseline)');
    row('bare Lexical editor, keydown → frame p95', ms(bareP95), '-', '(baseline)');
    row('Newsdesk editor, keydown → frame p50', ms(percentile(app, 50)), '-');
    row('Newsdesk editor, keydown → frame p95', ms(appP95), '≤ 16 ms');
    row('Newsdesk / bare (p95)', `${(appP95 / bareP95).toFixed(2)}×`, '≤ 1.2×');
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runTypingBench();
