import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { newArticle, paste, saved, SCREENS } from './drafting-helpers';
import { expect, test } from './harness/fixtures';

// A story past the desk's size limit is refused with a message that says what happened and what
// to do; the version on disk stays the last one saved.

test('saving a story over the size limit shows why it was not saved and keeps the last saved version', async ({ app }) => {
  const { page } = app;
  // The smallest limit a desk can set, so the paste below can pass it.
  app.services().settings.update({ limits: { storyMaxBytes: 256 * 1024 } });
  const body = await newArticle(page, 'Budget tables');
  await body.pressSequentially('The council published its budget.');
  await saved(page);
  const [summary] = (await app.services().drafts.list({})).items;
  const file = join(app.dataDir, 'library', 'drafts', `${summary!.id}.json`);
  const before = await readFile(file, 'utf8');

  const row = 'Line item, department, amount, change on last year. ';
  const paragraphs = Array.from({ length: 1_200 }, (_, i) => `<p>${i} ${row.repeat(5)}</p>`).join('');
  await body.press('End');
  await paste(body, paragraphs);

  const state = page.getByTestId('save-state');
  await expect(state).toHaveText(/^Not saved: the story is 0\.\d MB, over the 0\.3 MB limit\. Split it up\./, { timeout: 20_000 });
  // The bar is one line; the whole sentence is shown above it.
  await expect(page.getByTestId('save-alert')).toHaveText(/^Not saved: the story is 0\.\d MB, over the 0\.3 MB limit\. Split it up\.$/);
  await expect(page.getByTestId('save-alert')).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: `${SCREENS}/story-size-limit.png` });
  expect(await readFile(file, 'utf8')).toBe(before);
});
