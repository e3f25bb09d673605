import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect } from './harness/fixtures';
import type { HarnessApp } from './harness/launch';

// Steps shared by the article photo specs, written the way an editor works the app.

export const photos = (page: Page): Locator => page.getByTestId('article-body').getByTestId('article-photo');

/** The body's top-level blocks in order: "photo" for a photo, the text of anything else. */
export const bodyBlocks = (body: Locator): Promise<string[]> =>
  body.evaluate((element) =>
    Array.from(element.children).map((child) =>
      child.matches('[data-testid="article-photo"]') || child.querySelector('[data-testid="article-photo"]') ? 'photo' : (child.textContent ?? '').trim(),
    ),
  );
export const leadField = (page: Page): Locator => page.getByTestId('lead-photo');
export const checkSummary = (page: Page): Locator => page.getByTestId('check-summary');

/** The credit, alt text and caption of one inline photo (or of the lead photo field). */
export const creditOf = (scope: Locator): Locator => scope.locator('[data-field="credit"]');
export const altOf = (scope: Locator): Locator => scope.locator('[data-field="alt"]');
export const captionOf = (scope: Locator): Locator => scope.getByTestId('photo-caption');

/** The photo picker with a photo imported from disk (the system picker answering `path`), then used. */
export async function pickFromDisk(app: HarnessApp, path: string): Promise<void> {
  const picker = app.page.locator('dialog[open][data-testid="photo-picker"]');
  await expect(picker).toBeVisible();
  app.pickFiles([path]);
  await picker.getByRole('button', { name: 'Import from disk…' }).click();
  const use = picker.getByRole('button', { name: 'Use photo' });
  await expect(use).toBeEnabled({ timeout: 30_000 });
  await use.click();
  await expect(picker).toBeHidden();
}

/** The picker with the photo imported as `fileName` chosen from the library (tiles are named by file first). */
export async function pickFromLibrary(page: Page, fileName: string): Promise<void> {
  const picker = page.locator('dialog[open][data-testid="photo-picker"]');
  await expect(picker).toBeVisible();
  const escaped = fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await picker.getByRole('option', { name: new RegExp(`^${escaped}\\.`) }).click();
  await picker.getByRole('button', { name: 'Use photo' }).click();
  await expect(picker).toBeHidden();
}

/**
 * Files dropped the way the OS drops them: dragenter, dragover and drop carrying the files, aimed
 * at the middle of `target` (Lexical places dropped content at the caret under the pointer).
 */
export async function dropFilesOn(target: Locator, paths: string[], type = 'image/jpeg'): Promise<void> {
  const payload = await Promise.all(paths.map(async (path) => ({ name: basename(path), type, base64: (await readFile(path)).toString('base64') })));
  await target.evaluate((element, files) => {
    const transfer = new DataTransfer();
    for (const file of files) {
      const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
      transfer.items.add(new File([bytes], file.name, { type: file.type }));
    }
    const box = element.getBoundingClientRect();
    const at = { clientX: box.left + Math.min(box.width / 2, 40), clientY: box.top + Math.min(box.height / 2, 12) };
    for (const type of ['dragenter', 'dragover', 'drop']) {
      element.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true, ...at }));
    }
  }, payload);
}

/** A paste as the OS delivers it: a ClipboardEvent carrying HTML and text, on the focused element. */
export async function pasteInto(target: Locator, html: string, text = ''): Promise<void> {
  await target.evaluate(
    (element, data) => {
      const transfer = new DataTransfer();
      transfer.setData('text/html', data.html);
      transfer.setData('text/plain', data.text);
      (document.activeElement ?? element).dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    },
    { html, text },
  );
}

/** Image files pasted the way the OS pastes a copied picture: files and no text, on `target`. */
export async function pasteImageFiles(target: Locator, paths: string[], type = 'image/jpeg'): Promise<void> {
  const payload = await Promise.all(paths.map(async (path) => ({ name: basename(path), type, base64: (await readFile(path)).toString('base64') })));
  await target.evaluate((element, files) => {
    const transfer = new DataTransfer();
    for (const file of files) {
      const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
      transfer.items.add(new File([bytes], file.name, { type: file.type }));
    }
    (document.activeElement ?? element).dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, payload);
}

/** Every image in `scope` has decoded pixels (served from the library, not a broken image). */
export async function expectImagesLoaded(scope: Locator): Promise<void> {
  const images = scope.locator('img');
  await expect
    .poll(() => images.evaluateAll((list) => list.length > 0 && list.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)), {
      message: 'images decoded',
    })
    .toBe(true);
}
