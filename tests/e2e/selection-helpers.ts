import { expect, type Page } from '@playwright/test';

/**
 * The number of characters in the story body's own (Lexical's) selection. Lexical takes the page's
 * selection from `selectionchange`, which Chromium queues behind input events: keys sent as fast as
 * the test sends them can reach the editor while it still holds the selection of a few keys before
 * (under load a Backspace then deleted "dge reopens Monday." of a 26-character selection). A person
 * cannot type that fast; the test waits until the editor holds what the page shows.
 */
async function editorSelectedLength(page: Page): Promise<number> {
  return page.getByTestId('article-body').evaluate((element) => {
    interface SelectionLike { getTextContent(): string }
    interface EditorLike { getEditorState(): { read<T>(read: () => T): T; _selection: SelectionLike | null } }
    const editor = (element as unknown as { __lexicalEditor?: EditorLike }).__lexicalEditor;
    if (editor === undefined) return -1;
    const state = editor.getEditorState();
    return state.read(() => state._selection?.getTextContent().length ?? 0);
  });
}

/**
 * Selects `count` characters of the body's first paragraph, ending `skip` characters before its
 * end, with the keyboard, and waits until the editor holds exactly that selection.
 */
export async function selectParagraphEnd(page: Page, count: number, skip = 0): Promise<void> {
  const body = page.getByTestId('article-body');
  const pageSelected = () => page.evaluate(() => window.getSelection()?.toString().length ?? 0);
  // A change from another window arriving meanwhile (a comment reopened there re-renders its mark)
  // can move the caret under the keys: select again until the whole range is held.
  await expect(async () => {
    await body.locator('p').first().click();
    await page.keyboard.press('End');
    for (let i = 0; i < skip; i += 1) await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < count; i += 1) await page.keyboard.press('Shift+ArrowLeft');
    expect(await pageSelected()).toBe(count);
    await expect.poll(() => editorSelectedLength(page), { timeout: 3_000 }).toBe(count);
  }).toPass({ timeout: 30_000 });
}
