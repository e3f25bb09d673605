import { expect, test } from './harness/fixtures';
import { SCREENS, newArticle, paste, saved } from './drafting-helpers';

// Embeds: a known provider's address pasted on its own line becomes a card (no third-party
// script or frame in the app); any other address, or one inside a sentence, stays text.

test('a pasted YouTube or Bluesky address becomes an embed card; other addresses stay links', async ({ app }) => {
  const { page } = app;
  const body = await newArticle(page, 'Launch day');
  await page.keyboard.type('The launch, as it happened:');
  await page.keyboard.press('Enter');
  await paste(body, '', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
  const cards = body.getByTestId('embed-card');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('YouTube');
  await expect(cards.first()).toContainText('https://www.youtube.com/watch?v=dQw4w9WgXcQ');

  await page.keyboard.type('Reaction:');
  await page.keyboard.press('Enter');
  await paste(body, '', 'https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(1)).toContainText('Bluesky');

  // Not on the allow-list, or inside a sentence: text as before.
  await page.keyboard.type('See ');
  await paste(body, '', 'https://www.youtube.com/watch?v=aaaaaaaaaaa');
  await page.keyboard.press('Enter');
  await paste(body, '', 'https://example.com/story');
  await expect(cards).toHaveCount(2);
  await expect(body).toContainText('See https://www.youtube.com/watch?v=aaaaaaaaaaa');
  await expect(body).toContainText('https://example.com/story');
  // Nothing from the providers is loaded into the app.
  expect(await page.locator('iframe, script[src*="youtube"], script[src*="bsky"]').count()).toBe(0);
  await cards.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/story-embed-card.png` });
  await saved(page);

  // The reader preview shows a placeholder a reader can follow, not a player.
  await page.getByRole('button', { name: 'Preview' }).click();
  const placeholder = page.locator('figure.embed-youtube a[href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"]');
  await expect(placeholder).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/story-embed-preview.png` });
});
