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
