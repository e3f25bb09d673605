import type { Page } from '@playwright/test';
import { draftItem, newArticle, saved, SCREENS } from './drafting-helpers';
import { expect, test } from './harness/fixtures';
import { selectParagraphEnd } from './selection-helpers';

// Comments on a story's words, in two windows of one app over main's shared story document (the
// route a desk story takes too; two desktops on a real desk are tests/desk/desk-comments.test.ts).

const bodyOf = (page: Page) => page.getByTestId('article-body');
const panelOf = (page: Page) => page.getByTestId('comments-panel');
const threadsOf = (page: Page) => page.getByTestId('comment-thread');

test('a comment added in one window is answered and resolved in the other; it never reaches the saved article', async ({ app }) => {
  const first = app.page;
  const body = await newArticle(first, 'Bridge reopens');
  await body.pressSequentially('The mayor said the bridge reopens Monday.');
  await saved(first);
  const id = (await draftItem(first, 'Bridge reopens').getAttribute('data-id')) ?? '';

  const second = await app.openWindow();
  await draftItem(second, 'Bridge reopens').click();
  await expect(bodyOf(second)).toHaveText('The mayor said the bridge reopens Monday.');
  await expect(first.getByTestId('presence-bar')).toContainText('window 2');
  const secondName = (await first.getByTestId('presence-bar').textContent())?.match(/This \w+ – window 2/)?.[0] ?? '';
  expect(secondName).not.toBe('');

  // The panel is folded while there is no comment; unfolded with nothing selected, it says what to
  // do instead of adding a comment on nothing.
  await first.screenshot({ path: `${SCREENS}/comments-folded.png` });
  await bodyOf(first).click();
  await panelOf(first).getByRole('button', { name: 'Comments', exact: true }).click();
  await panelOf(first).getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(panelOf(first).getByRole('alert')).toHaveText('Select the words to comment on first.');

  // "bridge reopens Monday" (21 characters before the full stop).
  await selectParagraphEnd(first, 21, 1);
  await panelOf(first).getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(panelOf(first).getByRole('form', { name: 'New comment' })).toContainText('bridge reopens Monday');
  await panelOf(first).getByLabel('Comment', { exact: true }).fill(`Is Monday confirmed? @${secondName}`);
  await panelOf(first).getByRole('button', { name: 'Add comment' }).click();
  await expect(threadsOf(first)).toHaveCount(1);
  await expect(bodyOf(first).locator('mark')).toHaveText('bridge reopens Monday');
  // Undo takes the mark back (the thread then says its words are gone), redo puts it back on them.
  await first.getByRole('button', { name: 'Undo' }).click();
  await expect(bodyOf(first).locator('mark')).toHaveCount(0);
  await expect(threadsOf(first)).toContainText('The words this comment was on were deleted');
  await first.getByRole('button', { name: 'Redo' }).click();
  await expect(bodyOf(first).locator('mark')).toHaveText('bridge reopens Monday');
  await expect(threadsOf(first)).not.toContainText('were deleted');
  await expect(bodyOf(first)).toHaveText('The mayor said the bridge reopens Monday.');

  // The other window: the thread, the marked words, and the notice that it was mentioned.
  await expect(threadsOf(second)).toHaveCount(1);
  await expect(bodyOf(second).locator('mark')).toHaveText('bridge reopens Monday');
  await expect(panelOf(second).getByRole('status')).toContainText('mentioned you on “bridge reopens Monday”');
  await threadsOf(second).getByLabel('Reply').fill('Yes: city press release, 9:14.');
  await threadsOf(second).getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(threadsOf(first)).toContainText('Yes: city press release, 9:14.');
  await first.screenshot({ path: `${SCREENS}/comments-thread.png` });

  // The reader preview shows the words as readers get them: no highlight of the comment.
  await first.getByRole('button', { name: 'Preview' }).click();
  const previewMark = first.locator('.nd-editor--readonly mark');
  await expect(previewMark).toHaveText('bridge reopens Monday');
  expect(await previewMark.evaluate((element) => [getComputedStyle(element).backgroundColor, getComputedStyle(element).borderBottomStyle])).toEqual(['rgba(0, 0, 0, 0)', 'none']);
  await first.getByRole('button', { name: 'Preview' }).click();

  await threadsOf(second).getByRole('button', { name: 'Resolve', exact: true }).click();
  await expect(panelOf(first).getByRole('button', { name: 'Show resolved (1)' })).toBeVisible();
  await panelOf(first).getByRole('button', { name: 'Show resolved (1)' }).click();
  await expect(threadsOf(first)).toContainText(`Resolved by ${secondName}`);
  await threadsOf(first).getByRole('button', { name: 'Reopen', exact: true }).click();
  await expect(threadsOf(second)).not.toContainText('Resolved by');

  // The saved article keeps the words (and the mark's id), never the comments.
  await saved(first);
  const onDisk = JSON.stringify(await app.services().drafts.get(id));
  expect(onDisk).toContain('bridge reopens Monday');
  expect(onDisk).not.toContain('Is Monday confirmed');
  expect(onDisk).not.toContain('city press release');

  // The commented words deleted in one window: the other shows the thread as orphaned, no answer.
  await selectParagraphEnd(second, 'the bridge reopens Monday.'.length);
  await second.keyboard.press('Backspace');
  // The window that deleted first, then the other: a difference between them is a sync fault.
  await expect(bodyOf(second)).toHaveText('The mayor said ');
  await expect(bodyOf(first)).toHaveText('The mayor said ');
  await expect(threadsOf(first)).toContainText('The words this comment was on were deleted');
  await expect(threadsOf(first).getByLabel('Reply')).toHaveCount(0);
  await first.screenshot({ path: `${SCREENS}/comments-orphaned.png` });
});
