import type { Page } from '@playwright/test';
import { draftItem, newArticle, saved, SCREENS } from './drafting-helpers';
import { expect, test } from './harness/fixtures';

// The same story in two windows of one app: both are views of main's shared document (Yjs through
// the story:* channels), so typing in both keeps both texts, in both windows and in the saved file.
// Before, each window saved its own copy and the last one to save silently replaced the other's.

const bodyOf = (page: Page) => page.getByTestId('article-body');

/** The plain text of the story's body on disk, paragraph by paragraph. */
function paragraphsOf(body: { root: { children: { children?: { text?: string }[] }[] } }): string[] {
  return body.root.children.map((block) => (block.children ?? []).map((child) => child.text ?? '').join(''));
}

test('one story in two windows: both editors’ typing is kept, fields and cursors are shared', async ({ app }) => {
  const first = app.page;
  const body = await newArticle(first, 'Harbour reopens');
  await body.pressSequentially('Opening paragraph.');
  await saved(first);
  const id = (await draftItem(first, 'Harbour reopens').getAttribute('data-id')) ?? '';

  const second = await app.openWindow();
  await draftItem(second, 'Harbour reopens').click();
  await expect(bodyOf(second)).toHaveText('Opening paragraph.');

  // Different paragraphs: each window adds one of its own, at the same time.
  await bodyOf(second).click();
  await second.keyboard.press('ControlOrMeta+End');
  await body.click();
  await first.keyboard.press('ControlOrMeta+End');
  await Promise.all([
    first.keyboard.press('Enter').then(() => first.keyboard.type('Written in the first window.', { delay: 15 })),
    second.keyboard.press('Enter').then(() => second.keyboard.type('Written in the second window.', { delay: 15 })),
  ]);
  for (const page of [first, second]) {
    await expect(bodyOf(page)).toContainText('Written in the first window.');
    await expect(bodyOf(page)).toContainText('Written in the second window.');
  }

  // The same paragraph: one window types at its start while the other types at its end.
  const opening = (page: Page) => bodyOf(page).locator('p').first();
  await opening(first).click();
  await first.keyboard.press('End');
  await opening(second).click();
  await second.keyboard.press('Home');
  await Promise.all([first.keyboard.type(' Ferries run again.', { delay: 15 }), second.keyboard.type('Monday: ', { delay: 15 })]);
  for (const page of [first, second]) await expect(opening(page)).toHaveText('Monday: Opening paragraph. Ferries run again.');

  // A field edited in one window shows in the other.
  await second.getByLabel('Headline').fill('Harbour reopens after storm');
  await expect(first.getByLabel('Headline')).toHaveValue('Harbour reopens after storm');
  await first.getByLabel('Dek').fill('Repairs took three weeks.');
  await expect(second.getByLabel('Dek')).toHaveValue('Repairs took three weeks.');

  // Presence: each window sees the other, its cursor in the text, and the field it is in.
  await opening(second).click();
  await expect(first.getByTestId('remote-cursors')).toContainText('window 2');
  await expect(first.getByTestId('presence-bar')).toContainText('window 2');
  await expect(second.getByTestId('presence-bar')).toContainText('in dek');
  await expect(first.getByTestId('changed-elsewhere')).toHaveCount(0);
  await expect(second.getByTestId('changed-elsewhere')).toHaveCount(0);
  await first.screenshot({ path: `${SCREENS}/collab-first-window.png` });
  await second.screenshot({ path: `${SCREENS}/collab-second-window.png` });

  // Both windows saved, neither held back, and the file holds everything from both.
  await saved(first);
  await saved(second);
  await expect(first.getByTestId('changed-elsewhere')).toHaveCount(0);
  await expect(second.getByTestId('changed-elsewhere')).toHaveCount(0);
  const onDisk = await app.services().drafts.get(id);
  expect(onDisk.headline).toBe('Harbour reopens after storm');
  expect(onDisk.dek).toBe('Repairs took three weeks.');
  expect(paragraphsOf(onDisk.body as Parameters<typeof paragraphsOf>[0]).sort()).toEqual(
    ['Monday: Opening paragraph. Ferries run again.', 'Written in the first window.', 'Written in the second window.'].sort(),
  );
});
