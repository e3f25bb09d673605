import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { SCREENS, newArticle } from './drafting-helpers';

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

/** The panes of the drafting desk around the story's text (the presence bar shows only with company). */
const PANES_AROUND_THE_STORY = ['.nd-rail', '.nd-list', '.nd-meta', '.nd-main__head', '.nd-toolbar', '.nd-comments', '.nd-statusbar', '.nd-shell__status'];

test('every pane around the story paints as one block the browser can reuse while keys are typed', async ({ app }) => {
  const { page } = app;
  const body = await newArticle(page, 'Council meets on Friday');
  await page.keyboard.type('The council will meet again on Friday.');
  await expect(body).toContainText('The council will meet again on Friday.');
  // The browser's own view of the page: which boxes are stacking contexts. A typed key repaints the
  // text, and the window's paint is then rebuilt: only a stacking context is reused from the last
  // frame whole; every box of a pane that is not one is walked and replayed again, every key.
  const cdp = await page.context().newCDPSession(page);
  const paneIds = new Map<string, number>();
  for (const selector of PANES_AROUND_THE_STORY) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(selector)})` });
    expect(result.objectId, `${selector} is on the screen`).toBeDefined();
    const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId! });
    paneIds.set(selector, node.backendNodeId);
  }
  const { documents } = await cdp.send('DOMSnapshot.captureSnapshot', { computedStyles: [] });
  await cdp.detach();
  const { nodes, layout } = documents[0]!;
  const stackingContexts = new Set((layout.stackingContexts?.index ?? []).map((i) => nodes.backendNodeId![layout.nodeIndex[i]!]));
  const notOnTheirOwn = [...paneIds].filter(([, id]) => !stackingContexts.has(id)).map(([selector]) => selector);
  expect(notOnTheirOwn).toEqual([]);

  // Nothing visible changes: the desk as before, the Export menu (a popover) still over the text.
  await page.screenshot({ path: `${SCREENS}/typing-panes.png` });
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByRole('menu', { name: 'Export' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/typing-panes-export-menu.png` });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu', { name: 'Export' })).toBeHidden();
});
