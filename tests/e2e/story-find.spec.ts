import { expect, test } from './harness/fixtures';
import { SCREENS, newArticle, saved } from './drafting-helpers';

// Find & replace in the open story, the way a sub-editor uses it: Ctrl+F in the body, step
// through the matches, replace one, replace all, and undo the lot in one go.

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

test('find and replace in the story: highlights, next/previous, replace all as one undo step', async ({ app }) => {
  const { page } = app;
  const body = await newArticle(page, 'Council budget');
  await page.keyboard.type('The mayor said the Mayor would sign. The mayoral race starts.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('A mayor again.');

  await page.keyboard.press(`${MOD}+f`);
  const bar = page.getByTestId('find-bar');
  const query = bar.getByLabel('Find in story');
  await expect(query).toBeFocused();
  await query.fill('mayor');
  const count = page.getByTestId('find-count');
  await expect(count).toHaveText('1 of 4');
  await bar.getByLabel('Whole word').check();
  await expect(count).toHaveText('1 of 3');
  await bar.getByLabel('Match case').check();
  await expect(count).toHaveText('1 of 2');
  // The matches are drawn as highlights, not written into the story.
  const highlighted = await page.evaluate(() => CSS.highlights.get('nd-find-match')?.size ?? 0);
  expect(highlighted).toBe(2);
  // Static ranges: the page would update live ones on every later edit, a replace all over a long story above all.
  const allStatic = await page.evaluate(() => {
    let every = true;
    CSS.highlights.get('nd-find-match')?.forEach((range) => (every &&= range instanceof StaticRange));
    return every;
  });
  expect(allStatic).toBe(true);
  await expect(body.locator('mark')).toHaveCount(0);

  await query.press('Enter');
  await expect(count).toHaveText('2 of 2');
  await query.press('Enter');
  await expect(count).toHaveText('1 of 2');
  await query.press('Shift+Enter');
  await expect(count).toHaveText('2 of 2');

  await bar.getByRole('button', { name: 'Replace…' }).click();
  await bar.getByLabel('Replace with').fill('governor');
  await page.screenshot({ path: `${SCREENS}/story-find-replace.png` });
  await bar.getByRole('button', { name: 'Replace all' }).click();
  await expect(count).toHaveText('Replaced 2 matches');
  await expect(body).toContainText('The governor said the Mayor would sign. The mayoral race starts.');
  await expect(body).toContainText('A governor again.');

  // One undo brings every replaced word back.
  await page.keyboard.press('Escape');
  await expect(bar).toBeHidden();
  await page.keyboard.press(`${MOD}+z`);
  await expect(body).toContainText('The mayor said the Mayor would sign.');
  await expect(body).toContainText('A mayor again.');
  await saved(page);
});

test('replace one at a time, and Ctrl+H opens replace straight away', async ({ app }) => {
  const { page } = app;
  const body = await newArticle(page, 'Typos');
  await page.keyboard.type('teh cat and teh dog');
  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+Alt+f' : 'Control+h');
  const bar = page.getByTestId('find-bar');
  await expect(bar.getByLabel('Replace with')).toBeVisible();
  await bar.getByLabel('Find in story').fill('teh');
  await bar.getByLabel('Replace with').fill('the');
  await bar.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(body).toContainText('the cat and teh dog');
  await expect(page.getByTestId('find-count')).toHaveText('1 of 1');
  await bar.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(body).toContainText('the cat and the dog');
  await expect(page.getByTestId('find-count')).toHaveText('No matches');
});

test('Ctrl+F outside the story still goes to the drafts search', async ({ app }) => {
  const { page } = app;
  await newArticle(page, 'Elsewhere');
  await page.getByLabel('Headline').focus();
  await page.keyboard.press(`${MOD}+f`);
  await expect(page.getByTestId('find-bar')).toBeHidden();
});
