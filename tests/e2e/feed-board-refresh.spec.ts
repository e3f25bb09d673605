import { expect, test } from './harness/fixtures';
import { cardOf, openFeedsDesk, seedArticle, seedBoard } from './feed-board-helpers';

// The board is read again whenever it may have changed behind the window (the desk shown again, a
// publish or retract that ended). On a busy machine those reads overlap and their answers can come
// back out of order: an older answer arriving last put a retracted card back to Published.

test('an older answer of the board arriving last never puts a card back', async ({ app }) => {
  const { page } = app;
  const services = app.services();
  const headline = 'Harbour tolls to rise in spring';
  const item = await seedArticle(services, { headline });
  await seedBoard(services, [{ item, feedId: 'news-feed', placement: { delivery: 'published', publishedAt: new Date().toISOString() } }]);
  await openFeedsDesk(page);
  const status = cardOf(page, 'news-feed', headline).getByTestId('card-status');
  await expect(status).toHaveText('Published');

  // The desk shown again reads the board; main's answer (still Published) is late.
  await page.keyboard.press('Control+1');
  const asked = app.callsOf('board:get');
  const releaseLate = app.holdCalls('board:get', { once: true });
  await openFeedsDesk(page);
  await expect.poll(() => app.callsOf('board:get')).toBeGreaterThan(asked);

  // Meanwhile the story is retracted, and the desk shown again reads the board anew: Retracted.
  await services.feeds.setArticleDelivery(item.id, 'retracted', null);
  await page.keyboard.press('Control+1');
  await openFeedsDesk(page);
  await expect(status).toHaveText('Retracted');

  // The late answer comes in last: the card stays as main has it now.
  releaseLate();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 200))));
  await expect(status).toHaveText('Retracted');
});
