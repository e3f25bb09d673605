import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect } from './harness/fixtures';
import type { HarnessApp } from './harness/launch';

// Steps shared by the photo library specs, written the way a photo desk works the app.

export async function fixtureDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'newsdesk-photos-'));
}

export async function openLibrary(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Photos' }).click();
  await expect(page.getByRole('heading', { name: 'Photos', level: 1 })).toBeVisible();
}

export const tiles = (page: Page): Locator => page.getByTestId('photo-tile');
/** A tile by its file name (the start of its accessible name). */
export const tile = (page: Page, fileName: string): Locator => page.getByRole('option', { name: new RegExp(`^${escape(fileName)}\\.`) });
export const editor = (page: Page): Locator => page.getByTestId('photo-editor');
/** One metadata field of the photo editor, by its name in the photo model. */
export const field = (page: Page, name: string): Locator => editor(page).locator(`[data-field="${name}"]`);
export const importSummary = (page: Page): Locator => page.getByTestId('import-summary');

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "Import…" with the system picker answering `paths`; waits for the import report. */
export async function importWithPicker(app: HarnessApp, paths: string[]): Promise<void> {
  app.pickFiles(paths);
  await app.page.getByRole('button', { name: 'Import…' }).click();
  await expect(importSummary(app.page).last()).toContainText('Import finished', { timeout: 30_000 });
}

/** Every thumbnail in the grid (in `scope`: the page, or a dialog) has decoded pixels, not a broken image. */
export async function expectThumbnailsLoaded(scope: Page | Locator, count: number): Promise<void> {
  const images = scope.locator('.nd-photo-grid img');
  await expect(images).toHaveCount(count);
  await expect
    .poll(() => images.evaluateAll((list) => list.filter((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0).length), {
      message: 'thumbnails decoded',
    })
    .toBe(count);
}

export interface DroppedFile {
  name: string;
  type: string;
  bytes: Buffer;
}

export async function droppedFile(path: string, type = 'image/jpeg', name = basename(path)): Promise<DroppedFile> {
  return { name, type, bytes: await readFile(path) };
}

/** A drop as the OS delivers it: dragenter, dragover and drop carrying the files, on `selector`. */
export async function dropFiles(page: Page, files: DroppedFile[], selector = 'body'): Promise<void> {
  const payload = files.map((file) => ({ name: file.name, type: file.type, base64: file.bytes.toString('base64') }));
  await page.evaluate(
    ({ payload, selector }) => {
      const transfer = new DataTransfer();
      for (const file of payload) {
        const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
        transfer.items.add(new File([bytes], file.name, { type: file.type }));
      }
      const target = document.querySelector(selector) ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    },
    { payload, selector },
  );
}

/** A paste of files as the OS delivers it: a ClipboardEvent carrying them, on the focused element. */
export async function pasteFiles(page: Page, files: DroppedFile[]): Promise<void> {
  const payload = files.map((file) => ({ name: file.name, type: file.type, base64: file.bytes.toString('base64') }));
  await page.evaluate((payload) => {
    const transfer = new DataTransfer();
    for (const file of payload) {
      const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
      transfer.items.add(new File([bytes], file.name, { type: file.type }));
    }
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, payload);
}

/** Opens the "where did this value come from" details of a field and returns them. */
export async function embeddedValues(panel: Locator, fieldLabel: string): Promise<Locator> {
  await panel.getByRole('button', { name: new RegExp(`^${escape(fieldLabel)}: .*Show what the file says`) }).click();
  return panel.locator(`dl[aria-label="${fieldLabel} in the file"]`);
}
