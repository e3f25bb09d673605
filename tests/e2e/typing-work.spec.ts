import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { newArticle } from './drafting-helpers';

// What a keystroke in the story costs the page beyond the editor's own work: the desk's key
// listeners run for every key typed, so none of them may make the browser lay the page out.

test('keys typed in the story make no desk key listener ask for the layout', async ({ app }) => {
  const { page } = app;
  const body = await newArticle(page, 'Council meets on Friday');
  // Counts reads of offsetParent (which lays the page out when anything changed since the last frame).
  await page.evaluate(() => {
    const counter = window as unknown as { __layoutReads: number };
    counter.__layoutReads = 0;
    const getter = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetParent')!.get!;
    Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
      configurable: true,
      get(this: HTMLElement) {
        counter.__layoutReads += 1;
        return getter.call(this);
      },
    });
  });
  await page.keyboard.type('The council will meet again on Friday.');
  await expect(body).toContainText('The council will meet again on Friday.');
  expect(await page.evaluate(() => (window as unknown as { __layoutReads: number }).__layoutReads)).toBe(0);

  // The pane's own shortcuts still work, and still only while the drafting desk shows.
  await page.keyboard.press('Control+Alt+P');
  await expect(page.getByTestId('article-preview')).toBeVisible();
  await page.keyboard.press('Control+Alt+P');
  await expect(page.getByTestId('article-preview')).toBeHidden();
  await expect(body).toBeVisible();
});

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  args?: { data?: { type?: string }; endData?: { layoutRoots?: { nodeId: number }[] } };
}

/**
 * The layout roots (backend DOM node ids) of the layouts the browser runs while it inserts a typed
 * key (inside the key's textInput event), from a trace of `act`.
 */
async function keystrokeLayoutRoots(page: Page, act: () => Promise<void>): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
  await act();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const keys = events.filter((event) => event.ph === 'X' && event.name === 'EventDispatch' && event.args?.data?.type === 'textInput');
  const duringKey = (event: TraceEvent) => keys.some((key) => event.ts >= key.ts && event.ts <= key.ts + (key.dur ?? 0));
  return events.filter((event) => event.ph === 'X' && event.name === 'Layout' && duringKey(event)).flatMap((event) => event.args?.endData?.layoutRoots?.map((root) => root.nodeId) ?? []);
}

test("a key typed in the story lays out the text's scroller, not the desk around it", async ({ app }) => {
  const { page } = app;
  const body = await newArticle(page, 'Council meets on Friday');
  await page.keyboard.type('The council will meet again on Friday. ');
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.querySelector(".nd-editor-scroll")' });
  const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId! });
  await cdp.detach();
  const roots = await keystrokeLayoutRoots(page, async () => {
    await page.keyboard.type('It is the third meeting');
    await expect(body).toContainText('the third meeting');
  });
  expect(roots.length).toBeGreaterThan(0);
  expect(new Set(roots)).toEqual(new Set([node.backendNodeId]));

  // Still the pane's scroller: it fills the space beside the comments and scrolls a long story.
  for (let i = 0; i < 40; i += 1) await page.keyboard.press('Enter');
  const scroller = page.locator('.nd-editor-scroll');
  expect(await scroller.evaluate((element) => element.scrollHeight > element.clientHeight && element.scrollTop > 0)).toBe(true);
  await expect(body).toBeInViewport();
});
