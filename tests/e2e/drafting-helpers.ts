import type { Locator, Page } from '@playwright/test';
import { expect } from './harness/fixtures';

// Steps shared by the drafting specs, written the way an editor works the app.

export const SCREENS = 'test-results/screens';

export async function newArticle(page: Page, headline: string): Promise<Locator> {
  await page.getByRole('button', { name: 'New article' }).first().click();
  await expect(page.getByLabel('Headline')).toBeFocused();
  await page.getByLabel('Headline').fill(headline);
  const body = page.getByTestId('article-body');
  // The body takes input once main's story document is in it (CollabReadyPlugin): a paste before
  // then reaches a read-only editor and is dropped, as it would be for a person.
  await expect(body).toHaveAttribute('contenteditable', 'true');
  await body.click();
  return body;
}

export const saved = (page: Page) => expect(page.getByTestId('save-state')).toHaveText('Saved');
export const draftItem = (page: Page, headline: string) => page.getByTestId('draft-item').filter({ hasText: headline });

/** A paste as the OS delivers it: a ClipboardEvent carrying a DataTransfer, on the editor. */
export async function paste(body: Locator, html: string, text = ''): Promise<void> {
  await body.evaluate(
    (element, data) => {
      const transfer = new DataTransfer();
      transfer.setData('text/html', data.html);
      transfer.setData('text/plain', data.text);
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    },
    { html, text },
  );
}

/** A 300×200 PNG made in the page, as a file an editor would pick for an avatar. */
export async function photo(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 300;
    canvas.height = 200;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#4a7bd0';
    context.fillRect(0, 0, 300, 200);
    context.fillStyle = '#f2c14e';
    context.fillRect(100, 50, 100, 100);
    return canvas.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}
