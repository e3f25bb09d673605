import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { makeDataDir } from './harness/launch';
import { generateLibrary } from '../bench/drafts-bench-data';
import { draftItem, newArticle, saved } from './drafting-helpers';
import {
  SCREENS,
  cardOf,
  cardsOf,
  columnOf,
  dragTo,
  expectOrder,
  openFeedsDesk,
  seedArticle,
  seedBoard,
  seedRealisticBoard,
  seedVideo,
  storedKeys,
} from './feed-board-helpers';

const HOUR = 3_600_000;

async function waitForThumbnails(page: Page): Promise<void> {
  await expect
    .poll(() => page.locator('.nd-card__thumb img').evaluateAll((images) => images.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)))
    .toBe(true);
}

test('a realistic board: columns, thumbnails, a pinned top story, statuses and times', async ({ app }) => {
  const { page } = app;
  await seedRealisticBoard(app.services());
  await openFeedsDesk(page);
  await expectOrder(page, 'news-feed', [
    'Harbour bridge reopens after six months of repairs',
    'Storm warning for the coast as winds reach 110 km/h',
    'Evening briefing: the storm in two minutes',
    'Council approves budget with new money for buses',
    'Schools to stay open through the heat wave',
    'Night trains return to the northern line',
  ]);
  const top = cardOf(page, 'news-feed', 'Harbour bridge reopens after six months of repairs');
  await expect(top.getByRole('button', { name: 'Pin', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(top.getByTestId('card-status')).toHaveText('Published');
  await expect(cardOf(page, 'news-feed', 'Council approves budget with new money for buses').getByTestId('card-status')).toHaveText('Scheduled');
  await expect(cardOf(page, 'news-feed', 'Evening briefing: the storm in two minutes').getByTestId('card-status')).toHaveText('Queued for publishing');
  await expect(cardOf(page, 'news-feed', 'Schools to stay open through the heat wave').getByTestId('card-status')).toHaveText('Ready');
  await expect(cardOf(page, 'news-feed', 'Night trains return to the northern line').getByTestId('card-status')).toHaveText('Draft');
  await waitForThumbnails(page);
  await page.screenshot({ path: `${SCREENS}/feeds-board.png` });

  // Mid-drag: the card follows the pointer, its place is held, the column under it makes room.
  const schools = cardOf(page, 'news-feed', 'Schools to stay open through the heat wave');
  await dragTo(page, schools, cardOf(page, 'news-feed', 'Storm warning for the coast as winds reach 110 km/h'), 'top', false);
  await expect(page.getByTestId('placement-card-overlay')).toBeVisible();
  // The cards under it have finished making room.
  await expect.poll(() => page.evaluate(() => document.getAnimations().length)).toBe(0);
  await page.screenshot({ path: `${SCREENS}/feeds-board-dragging.png` });
  await page.mouse.up();
  await expectOrder(page, 'news-feed', [
    'Harbour bridge reopens after six months of repairs',
    'Schools to stay open through the heat wave',
    'Storm warning for the coast as winds reach 110 km/h',
    'Evening briefing: the storm in two minutes',
    'Council approves budget with new money for buses',
    'Night trains return to the northern line',
  ]);
  await expect.poll(() => storedKeys(app.services(), 'news-feed').length).toBe(6);
});

/** A video item made through the bridge, as the video dialog would (that dialog has its own spec). */
async function createVideo(page: Page, headline: string): Promise<void> {
  await page.evaluate(async (text) => {
    const created = await window.newsdesk['videos:create']({});
    if (!created.ok) throw new Error(created.error.message);
    const video = { ...created.value, headline: text, source: { kind: 'url' as const, url: 'https://video.example.org/watch/evening' }, durationSeconds: 120 };
    const stored = await window.newsdesk['videos:save']({ video });
    if (!stored.ok) throw new Error(stored.error.message);
  }, headline);
}

/** "YYYY-MM-DDTHH:mm" for tomorrow at 09:30 on this machine's clock (what a datetime-local box takes). */
function tomorrowMorning(): string {
  const day = new Date(Date.now() + 24 * HOUR);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T09:30`;
}

const announcer = (page: Page) => page.getByTestId('board-announcer');
const pinOf = (page: Page, feedId: string, headline: string) => cardOf(page, feedId, headline).getByRole('button', { name: 'Pin', exact: true });

test('place three articles and a video, reorder by drag and keyboard, move, pin and schedule; a restart keeps it all', async ({ app }) => {
  const { page } = app;
  const bridge = 'Harbour bridge reopens';
  let budget = 'Council approves budget';
  const storm = 'Storm warning for the coast';
  const briefing = 'Evening briefing';
  for (const headline of [bridge, budget, storm]) {
    await newArticle(page, headline);
    await page.keyboard.type(`${headline}, the story so far.`);
    await saved(page);
  }
  await createVideo(page, briefing);

  await openFeedsDesk(page);
  await expect(columnOf(page, 'news-feed').getByText('Nothing in News Feed yet')).toBeVisible();
  await columnOf(page, 'news-feed').getByRole('button', { name: 'Add to News Feed' }).click();
  const dialog = page.getByTestId('add-items');
  await expect(dialog).toBeVisible();
  for (const headline of [bridge, budget, storm, briefing]) {
    await dialog.getByRole('button', { name: `Add “${headline}”` }).click();
    await expect(cardOf(page, 'news-feed', headline)).toHaveCount(1);
  }
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expectOrder(page, 'news-feed', [bridge, budget, storm, briefing]);

  // By mouse: the storm story dragged above the bridge.
  await dragTo(page, cardOf(page, 'news-feed', storm), cardOf(page, 'news-feed', bridge), 'top');
  await expectOrder(page, 'news-feed', [storm, bridge, budget, briefing]);

  // By keyboard: the budget story up one, then down two; focus stays on it and each move is said.
  const budgetCard = cardOf(page, 'news-feed', budget);
  await budgetCard.locator('h3').click();
  await expect(budgetCard).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expectOrder(page, 'news-feed', [storm, budget, bridge, briefing]);
  await expect(budgetCard).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Alt+ArrowDown');
  await expectOrder(page, 'news-feed', [storm, bridge, briefing, budget]);
  await expect(budgetCard).toBeFocused();
  await expect(announcer(page)).toHaveText(`Moved “${budget}” to position 4 of 4 in News Feed`);

  // To another feed: ↑↑ reaches the bridge story; Alt+→ skips Video (articles do not go there).
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(cardOf(page, 'news-feed', bridge)).toBeFocused();
  await page.keyboard.press('Alt+ArrowRight');
  await expectOrder(page, 'opinion', [bridge]);
  await expectOrder(page, 'news-feed', [storm, briefing, budget]);
  await expect(cardOf(page, 'opinion', bridge)).toBeFocused();
  await expect(announcer(page)).toHaveText(`Moved “${bridge}” to position 1 of 1 in Opinion`);

  // Pin with the card's button: the video becomes the top story.
  await pinOf(page, 'news-feed', briefing).click();
  await expect(pinOf(page, 'news-feed', briefing)).toHaveAttribute('aria-pressed', 'true');
  await expectOrder(page, 'news-feed', [briefing, storm, budget]);
  await expect(columnOf(page, 'news-feed').getByTestId('pin-conflict')).toHaveCount(0);

  // P pins a second one: the column asks the desk to choose; P again settles it.
  await cardOf(page, 'news-feed', budget).locator('h3').click();
  await page.keyboard.press('p');
  await expect(pinOf(page, 'news-feed', budget)).toHaveAttribute('aria-pressed', 'true');
  await expect(columnOf(page, 'news-feed').getByTestId('pin-conflict')).toHaveText('2 pinned — choose one top story');
  await expectOrder(page, 'news-feed', [budget, briefing, storm]);
  await page.screenshot({ path: `${SCREENS}/feeds-board-conflict.png` });
  await page.keyboard.press('p');
  await expect(pinOf(page, 'news-feed', budget)).toHaveAttribute('aria-pressed', 'false');
  await expect(columnOf(page, 'news-feed').getByTestId('pin-conflict')).toHaveCount(0);
  await expectOrder(page, 'news-feed', [briefing, budget, storm]);

  // Schedule from the card.
  const stormCard = cardOf(page, 'news-feed', storm);
  await stormCard.hover();
  await stormCard.getByRole('button', { name: 'Schedule…' }).click();
  const schedule = page.getByTestId('schedule-dialog');
  await expect(schedule).toBeVisible();
  await schedule.getByRole('radio', { name: 'Schedule' }).check();
  await schedule.getByLabel('Publish at').fill(tomorrowMorning());
  await schedule.getByRole('button', { name: 'Save timing' }).click();
  await expect(schedule).toBeHidden();
  await expect(stormCard.getByTestId('card-status')).toHaveText('Scheduled');

  // A headline changed on the drafting desk shows on the card when the desk comes back to Feeds.
  await page.keyboard.press('Control+1');
  await draftItem(page, budget).click();
  await expect(page.getByLabel('Headline')).toHaveValue(budget);
  await page.getByLabel('Headline').fill(`${budget} for buses`);
  await saved(page);
  await openFeedsDesk(page);
  await expect(cardOf(page, 'news-feed', `${budget} for buses`)).toHaveCount(1);
  budget = `${budget} for buses`;

  // Everything was saved as it happened: a restart shows the same board.
  await app.restart();
  await openFeedsDesk(page);
  await expectOrder(page, 'news-feed', [briefing, budget, storm]);
  await expectOrder(page, 'opinion', [bridge]);
  await expect(cardsOf(page, 'video')).toHaveCount(0);
  await expect(pinOf(page, 'news-feed', briefing)).toHaveAttribute('aria-pressed', 'true');
  await expect(pinOf(page, 'news-feed', budget)).toHaveAttribute('aria-pressed', 'false');
  await expect(pinOf(page, 'news-feed', storm)).toHaveAttribute('aria-pressed', 'false');
  await expect(pinOf(page, 'opinion', bridge)).toHaveAttribute('aria-pressed', 'false');
  await expect(cardOf(page, 'news-feed', storm).getByTestId('card-status')).toHaveText('Scheduled');
  await expect(cardOf(page, 'news-feed', storm)).toContainText('Goes live');
  const placement = Object.values(app.services().feeds.get().placements).find((p) => p.publish.mode === 'scheduled');
  expect(placement?.publish.mode === 'scheduled' && Date.parse(placement.publish.at)).toBe(new Date(tomorrowMorning()).getTime());
});

test('a video dragged into Opinion (articles only) is refused with a message and the board stays as it was', async ({ app }) => {
  const { page } = app;
  const services = app.services();
  const opinion = await seedArticle(services, { headline: 'Why the city should keep its trams' });
  const news = await seedArticle(services, { headline: 'Harbour bridge reopens' });
  const video = await seedVideo(services, 'Evening briefing');
  await seedBoard(services, [
    { item: news, feedId: 'news-feed' },
    { item: video, feedId: 'news-feed' },
    { item: opinion, feedId: 'opinion' },
  ]);
  // The rail's arrow keys reach the third desk as well.
  await page.getByRole('tab', { name: 'Articles' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('tab', { name: 'Photos' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('tab', { name: 'Feeds' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Feeds' })).toBeFocused();
  await expectOrder(page, 'news-feed', ['Harbour bridge reopens', 'Evening briefing']);
  const before = structuredClone(services.feeds.get());

  await dragTo(page, cardOf(page, 'news-feed', 'Evening briefing'), cardOf(page, 'opinion', 'Why the city should keep its trams'), 'bottom', false);
  await expect(columnOf(page, 'opinion')).toContainText('Opinion takes articles only');
  await page.mouse.up();
  await expect(page.getByTestId('toast').filter({ hasText: '“Opinion” takes articles only.' })).toBeVisible();
  await expectOrder(page, 'news-feed', ['Harbour bridge reopens', 'Evening briefing']);
  await expectOrder(page, 'opinion', ['Why the city should keep its trams']);
  expect(services.feeds.get()).toEqual(before);

  // An article may go there, and Delete takes it out again with an Undo.
  await dragTo(page, cardOf(page, 'news-feed', 'Harbour bridge reopens'), cardOf(page, 'opinion', 'Why the city should keep its trams'), 'bottom');
  await expectOrder(page, 'opinion', ['Why the city should keep its trams', 'Harbour bridge reopens']);
  await expectOrder(page, 'news-feed', ['Evening briefing']);
  await cardOf(page, 'opinion', 'Harbour bridge reopens').locator('h3').click();
  await page.keyboard.press('Delete');
  await expectOrder(page, 'opinion', ['Why the city should keep its trams']);
  await expect.poll(() => storedKeys(services, 'opinion')).toEqual([`article:${opinion.id}`]);
  await page.getByTestId('toast').filter({ hasText: 'Removed “Harbour bridge reopens” from Opinion.' }).getByRole('button', { name: 'Undo' }).click();
  await expectOrder(page, 'opinion', ['Why the city should keep its trams', 'Harbour bridge reopens']);
  await expect.poll(() => storedKeys(services, 'opinion')).toEqual([`article:${opinion.id}`, `article:${news.id}`]);

  // Ctrl+Z takes back the last change on the board, here a move by keyboard.
  await cardOf(page, 'opinion', 'Harbour bridge reopens').locator('h3').click();
  await page.keyboard.press('Alt+ArrowUp');
  await expectOrder(page, 'opinion', ['Harbour bridge reopens', 'Why the city should keep its trams']);
  await page.keyboard.press('Control+z');
  await expectOrder(page, 'opinion', ['Why the city should keep its trams', 'Harbour bridge reopens']);
  await expect.poll(() => storedKeys(services, 'opinion')).toEqual([`article:${opinion.id}`, `article:${news.id}`]);

  // The card's menu offers the feeds that take it (not Video) and moves it there.
  await cardOf(page, 'opinion', 'Harbour bridge reopens').getByRole('button', { name: 'More actions' }).click();
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem')).toHaveText(['Move to News Feed', 'Remove from feed']);
  await menu.getByRole('menuitem', { name: 'Move to News Feed' }).click();
  await expectOrder(page, 'news-feed', ['Evening briefing', 'Harbour bridge reopens']);
  await expectOrder(page, 'opinion', ['Why the city should keep its trams']);
});

test('a long column renders only what shows, and dragging and keyboard moves still work in it', async ({ launch }) => {
  const dataDir = await makeDataDir();
  const ids = await generateLibrary(join(dataDir, 'library'), 150);
  const app = await launch({ dataDir });
  const { page } = app;
  const services = app.services();
  await seedBoard(services, ids.map((id) => ({ item: { kind: 'article' as const, id }, feedId: 'news-feed' })));
  const key = (i: number) => `article:${ids[i]}`;
  const column = columnOf(page, 'news-feed');
  const card = (i: number) => column.locator(`[data-testid="placement-card"][data-item-key="${key(i)}"]`);
  await openFeedsDesk(page);
  await expect(column.locator('.nd-column__count')).toHaveText('150');
  await expect(card(0)).toBeVisible();
  expect(await cardsOf(page, 'news-feed').count()).toBeLessThan(40);

  // End reaches the last card (rendered and scrolled to on the way); Home comes back.
  await card(0).locator('h3').click();
  await page.keyboard.press('End');
  await expect(card(149)).toBeFocused();
  await expect(card(149)).toBeInViewport();
  await page.keyboard.press('Home');
  await expect(card(0)).toBeFocused();

  // Twelve moves down: past the bottom of the column, the card keeps focus and stays in view.
  const deskQuestions = app.callsOf('desk:boardStories');
  for (let i = 0; i < 12; i += 1) await page.keyboard.press('Alt+ArrowDown');
  await expect(card(0)).toBeFocused();
  await expect(card(0)).toBeInViewport();
  await expect(announcer(page)).toContainText('to position 13 of 150 in News Feed');
  await expect.poll(() => storedKeys(services, 'news-feed').indexOf(key(0))).toBe(12);
  await expect(page.getByTestId('board-save-state')).toHaveText('Saved');
  // A move brings no card onto the board or off it: which cards' timing is closed is not asked again
  // (each answer made every card render again).
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));
  expect(app.callsOf('desk:boardStories')).toBe(deskQuestions);

  // A drag held at the column's bottom edge scrolls it, and the card lands far below where it was.
  const list = column.locator('.nd-column__list');
  await list.evaluate((element) => element.scrollTo({ top: 0 }));
  const from = await card(1).locator('h3').boundingBox();
  const box = await list.boundingBox();
  if (!from || !box) throw new Error('The column is not on screen');
  await page.mouse.move(from.x + 20, from.y + 5);
  await page.mouse.down();
  await page.mouse.move(from.x + 30, from.y + 30, { steps: 5 });
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 12, { steps: 20 });
  await expect.poll(() => list.evaluate((element) => element.scrollTop)).toBeGreaterThan(1500);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => storedKeys(services, 'news-feed').indexOf(key(1))).toBeGreaterThan(15);
  const stored = storedKeys(services, 'news-feed');
  await expect(card(1)).toBeVisible();
  // The rendered cards (those in view, and the column's Tab stop) are in the stored order.
  const shown = await cardsOf(page, 'news-feed').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-item-key')!));
  const positions = shown.map((k) => stored.indexOf(k));
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
  expect(positions).not.toContain(-1);
  expect(shown).toContain(key(1));
});
