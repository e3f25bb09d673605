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

test('Insert embed: a YouTube and a Bluesky embed through the dialog, another site refused or put in as a link, each undoable', async ({ app }) => {
  const { page } = app;
  const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
  const body = await newArticle(page, 'Storm coverage');
  await page.keyboard.type('Footage from the coast:');
  await page.keyboard.press('Enter');
  const cards = body.getByTestId('embed-card');
  const dialog = page.getByTestId('embed-dialog');
  const address = dialog.getByLabel('Address of the post, video, map or document');

  // From the toolbar button.
  await page.getByRole('button', { name: 'Insert embed' }).click();
  await expect(dialog).toBeVisible();
  await expect(address).toBeFocused();
  await expect(dialog).toContainText('YouTube, Vimeo, X, Bluesky, Instagram, Facebook, TikTok, Google Maps and DocumentCloud');
  await address.fill('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
  await page.screenshot({ path: `${SCREENS}/story-embed-dialog.png` });
  await dialog.getByRole('button', { name: 'Insert embed' }).click();
  await expect(dialog).toBeHidden();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('YouTube');
  await expect(cards.first()).toContainText('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
  // The caret is on the fresh line after the card: typing goes on there.
  await page.keyboard.type('Reaction online:');
  await expect(body.locator('p', { hasText: 'Reaction online:' })).toHaveCount(1);
  await page.keyboard.press('Enter');

  // From the keyboard, with Enter to insert.
  await page.keyboard.press(`${MOD}+Shift+e`);
  await expect(address).toBeFocused();
  await address.fill('https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l');
  await address.press('Enter');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(1)).toContainText('Bluesky');
  await cards.nth(1).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/story-embed-inserted.png` });

  // One undo takes the Bluesky card out again, and redo puts it back.
  await page.keyboard.press(`${MOD}+z`);
  await expect(cards).toHaveCount(1);
  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+Shift+z' : 'Control+y');
  await expect(cards).toHaveCount(2);

  // Another site: refused with a sentence, nothing inserted until the link is chosen.
  await page.keyboard.type('Source:');
  await page.keyboard.press('Enter');
  await page.keyboard.press(`${MOD}+Shift+e`);
  await address.fill('https://example.com/storm-live');
  await address.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('example.com is not a provider Newsdesk embeds; it stays a link.');
  await page.screenshot({ path: `${SCREENS}/story-embed-refused.png` });
  await expect(dialog).toBeVisible();
  await expect(cards).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Insert as link' }).click();
  await expect(dialog).toBeHidden();
  await expect(body.locator('a[href="https://example.com/storm-live"]')).toHaveText('https://example.com/storm-live');
  await expect(cards).toHaveCount(2);

  // Cancel and Escape insert nothing.
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Insert embed' }).click();
  await address.fill('https://vimeo.com/76979871');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await page.keyboard.press(`${MOD}+Shift+e`);
  await address.fill('https://vimeo.com/76979871');
  await address.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(cards).toHaveCount(2);
  expect(await page.locator('iframe, script[src*="youtube"], script[src*="bsky"]').count()).toBe(0);
  await saved(page);
});
