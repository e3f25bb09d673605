import { newArticle, saved, SCREENS } from './drafting-helpers';
import { expect, test } from './harness/fixtures';

// The search and social fields in the details panel: folded under the tags, each with its length
// guidance, saved with the story.

test('SEO title and meta description with length guidance, saved with the story', async ({ app }) => {
  const { page } = app;
  await newArticle(page, 'Harbour reopens after the storm');
  const section = page.getByTestId('seo-fields');
  await section.getByText('Search and social').click();
  await expect(page.getByTestId('seo-advice-seoTitle')).toHaveText('Empty: the headline is used.');

  const title = 'Harbour reopens after six weeks of storm repairs: ferry times, parking and what to expect';
  await section.getByLabel('SEO title').fill(title);
  await expect(page.getByTestId('seo-advice-seoTitle')).toHaveText(`${[...title].length}/60: search and social sites cut it after about 60 characters.`);
  await section.getByLabel('SEO title').fill('Harbour reopens: ferry times from Monday');
  await expect(page.getByTestId('seo-advice-seoTitle')).toHaveText('40/60');
  await section.getByLabel('Meta description').fill('The harbour reopens on Monday after storm repairs; the first ferry leaves at 6:10.');
  await expect(page.getByTestId('seo-advice-seoDescription')).toHaveText('82/155');
  await expect(page.getByTestId('seo-advice-socialTitle')).toHaveText('Empty: the SEO title (or the headline) is used.');
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/seo-fields.png` });

  await page.keyboard.press('Control+s');
  await saved(page);
  const [summary] = (await app.services().drafts.list({ text: 'harbour' })).items;
  const article = await app.services().drafts.get(summary!.id);
  expect(article).toMatchObject({ seoTitle: 'Harbour reopens: ferry times from Monday', seoDescription: 'The harbour reopens on Monday after storm repairs; the first ferry leaves at 6:10.' });
});
