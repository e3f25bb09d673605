import type { Locator, Page } from '@playwright/test';
import { SCREENS, newArticle, saved } from './drafting-helpers';
import { expect, test } from './harness/fixtures';

// The feed desk's dialogs end to end, through the board: adding articles to a feed, scheduling an
// item against its embargo, and the feed list (add, rename, reorder, archive, restore). Times are
// typed in the editor's clock; the page runs in Berlin so the stored offsets can be checked.

test.use({ timezoneId: 'Europe/Berlin' });

const column = (page: Page, feedId: string): Locator => page.locator(`[data-testid="feed-column"][data-feed-id="${feedId}"]`);
const card = (page: Page, headline: string): Locator => page.getByTestId('placement-card').filter({ hasText: headline });
const openDialog = (page: Page, testId: string): Locator => page.locator(`dialog[open][data-testid="${testId}"]`);
const columnIds = (page: Page): Promise<string[]> => page.getByTestId('feed-column').evaluateAll((columns) => columns.map((c) => c.getAttribute('data-feed-id') ?? ''));

async function showFeeds(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Feeds' }).click();
  await expect(column(page, 'news-feed')).toBeVisible();
}

async function writeArticle(page: Page, headline: string): Promise<void> {
  const body = await newArticle(page, headline);
  await body.pressSequentially('First paragraph.');
  await saved(page);
}

/** "Add to <feed>" → search → Add, the way a desk fills a feed. */
async function addToFeed(page: Page, feedName: string, headline: string): Promise<void> {
  await page.getByTestId('feed-column').getByRole('button', { name: `Add to ${feedName}` }).click();
  const dialog = openDialog(page, 'add-items');
  await dialog.getByRole('searchbox', { name: 'Find articles and videos' }).fill(headline);
  await dialog.getByRole('button', { name: `Add “${headline}”` }).click();
  await expect(dialog.getByTestId('add-item-row').filter({ hasText: headline })).toContainText('Added');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
}

test('add items: search, add several in one go, and see where items are placed already', async ({ app }) => {
  const { page } = app;
  await writeArticle(page, 'Harbour strike enters second week');
  await writeArticle(page, 'Council votes on the budget');
  await page.getByRole('button', { name: 'New article' }).first().click();
  // The new article is open once its headline has the focus; typing earlier would go to the last one.
  await expect(page.getByLabel('Headline')).toBeFocused();
  await page.getByTestId('article-body').click();
  await page.getByTestId('article-body').pressSequentially('A draft nobody has named yet.');
  await saved(page);
  await showFeeds(page);

  await page.getByTestId('feed-column').getByRole('button', { name: 'Add to News Feed' }).click();
  const dialog = openDialog(page, 'add-items');
  const search = dialog.getByRole('searchbox', { name: 'Find articles and videos' });
  await expect(search).toBeFocused();
  const rows = dialog.getByTestId('add-item-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'Untitled' })).toHaveCount(1);
  await expect(dialog.getByRole('button', { name: 'Add “Untitled”' })).toBeVisible();

  // Search narrows the list; Add places the item and the dialog stays open for the next one.
  await search.fill('harbour');
  await expect(rows).toHaveText([/Harbour strike/]);
  await dialog.getByRole('button', { name: 'Add “Harbour strike enters second week”' }).click();
  await expect(rows.first()).toContainText('Added');
  await expect(column(page, 'news-feed').getByTestId('placement-card')).toHaveCount(1);

  // By keyboard: ↓ from the search to the result, Enter adds it.
  await search.fill('council');
  await expect(rows).toHaveText([/Council votes/]);
  await search.press('ArrowDown');
  await expect(rows.first()).toBeFocused();
  await rows.first().press('Enter');
  await expect(rows.first()).toContainText('Added');

  await search.fill('');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'Harbour strike' })).toContainText('Added');
  await expect(rows.filter({ hasText: 'Harbour strike' }).getByRole('button')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/add-items.png` });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expect(column(page, 'news-feed').getByTestId('placement-card')).toHaveText([/Harbour strike/, /Council votes/]);

  // Another feed names where an item already is; the same feed says it holds it and offers no Add.
  await page.getByTestId('feed-column').getByRole('button', { name: 'Add to Opinion' }).click();
  await expect(dialog.getByTestId('add-item-row').filter({ hasText: 'Harbour strike' })).toContainText('Also in News Feed');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByTestId('feed-column').getByRole('button', { name: 'Add to News Feed' }).click();
  const harbour = dialog.getByTestId('add-item-row').filter({ hasText: 'Harbour strike' });
  await expect(harbour).toContainText('Already in this feed');
  await expect(harbour.getByRole('button')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // A video feed lists no articles.
  await page.getByTestId('feed-column').getByRole('button', { name: 'Add to Video' }).click();
  await expect(dialog.getByTestId('add-item-row')).toHaveCount(0);
  await expect(dialog).toContainText('There are no videos yet.');
  await dialog.getByRole('button', { name: 'Done' }).click();

  // Main refuses to make a feed that holds articles take video only; the dialog says why and stays.
  await page.getByRole('button', { name: 'Feeds…' }).click();
  const settings = openDialog(page, 'feed-settings');
  await settings.getByRole('group', { name: 'News Feed' }).getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Video' });
  await settings.getByRole('button', { name: 'Save feeds' }).click();
  await expect(settings.getByRole('alert').first()).toContainText('still holds 2 articles');
  await expect(settings).toBeVisible();
  await settings.getByRole('button', { name: 'Cancel' }).click();
  await expect(settings.getByText('Discard the changes to the feeds?')).toBeVisible();
  await settings.getByRole('button', { name: 'Discard changes' }).click();
  await expect(settings).toBeHidden();
  expect(app.services().settings.get().feeds.find((feed) => feed.id === 'news-feed')?.kind).toBe('both');
});

test('schedule: a time before the embargo is refused with the reason; a valid timing saves and survives a restart', async ({ app }) => {
  const { page } = app;
  await writeArticle(page, 'Election night results');
  await showFeeds(page);
  await addToFeed(page, 'News Feed', 'Election night results');
  const election = card(page, 'Election night results');
  const key = (await election.getAttribute('data-item-key'))!;

  await election.getByRole('button', { name: 'Schedule…' }).click();
  const dialog = openDialog(page, 'schedule-dialog');
  await expect(dialog.getByRole('radio', { name: /Publish now/ })).toBeChecked();
  await expect(dialog.getByTestId('time-zone')).toContainText('Europe/Berlin');
  await expect(dialog.getByLabel('Publish at')).toBeDisabled();

  await dialog.getByRole('radio', { name: /Schedule/ }).check();
  await dialog.getByLabel('Embargo until').fill('2030-06-01T10:00');
  await dialog.getByLabel('Publish at').fill('2030-06-01T08:00');
  const problems = dialog.getByTestId('timing-problems');
  await expect(problems).toContainText('The item is scheduled before its embargo lifts');
  await expect(dialog.getByRole('button', { name: 'Save timing' })).toBeDisabled();
  await expect(dialog.getByLabel('Publish at')).toHaveAttribute('aria-invalid', 'true');
  // Spelled out under the field with that day's offset (summer time), whatever the date today.
  await expect(dialog.getByText(/2030.*08:00.*\(UTC\+02:00\)/)).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/schedule-dialog.png` });

  // An expiry before it goes live is refused too; clearing it is fine.
  await dialog.getByLabel('Publish at').fill('2030-06-01T12:00');
  await expect(problems).toBeEmpty();
  await dialog.getByLabel('Expires at').fill('2030-06-01T11:00');
  await expect(problems).toContainText('would expire before it goes live');
  await expect(dialog.getByRole('button', { name: 'Save timing' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Clear the expiry' }).click();
  await expect(dialog.getByLabel('Expires at')).toHaveValue('');
  await expect(problems).toBeEmpty();
  await dialog.getByRole('button', { name: 'Save timing' }).click();
  await expect(dialog).toBeHidden();
  await expect(election.getByTestId('card-status')).toHaveText('Scheduled');

  // Stored as instants with Berlin's summer offset.
  const placement = app.services().feeds.get().placements[key];
  expect(placement?.publish).toEqual({ mode: 'scheduled', at: '2030-06-01T12:00:00+02:00' });
  expect(placement?.embargoUntil).toBe('2030-06-01T10:00:00+02:00');
  expect(placement?.expiresAt).toBeNull();

  await app.restart();
  await showFeeds(page);
  await expect(card(page, 'Election night results').getByTestId('card-status')).toHaveText('Scheduled');
  await card(page, 'Election night results').getByRole('button', { name: 'Schedule…' }).click();
  await expect(dialog.getByRole('radio', { name: /Schedule/ })).toBeChecked();
  await expect(dialog.getByLabel('Publish at')).toHaveValue('2030-06-01T12:00');
  await expect(dialog.getByLabel('Embargo until')).toHaveValue('2030-06-01T10:00');

  // Back to "publish now" without an embargo: no longer scheduled.
  await dialog.getByRole('radio', { name: /Publish now/ }).check();
  await dialog.getByRole('button', { name: 'Clear the embargo' }).click();
  await dialog.getByRole('button', { name: 'Save timing' }).click();
  await expect(dialog).toBeHidden();
  await expect(card(page, 'Election night results').getByTestId('card-status')).not.toHaveText('Scheduled');
  expect(app.services().feeds.get().placements[key]).toMatchObject({ publish: { mode: 'now' }, embargoUntil: null });
});

test('feed settings: add, rename, reorder, archive and restore a feed; a restart keeps it all', async ({ app }) => {
  const { page } = app;
  await showFeeds(page);
  expect(await columnIds(page)).toEqual(['news-feed', 'video', 'opinion']);

  await page.getByRole('button', { name: 'Feeds…' }).click();
  const dialog = openDialog(page, 'feed-settings');
  await dialog.getByRole('button', { name: 'Add feed' }).click();
  const fresh = dialog.getByRole('group', { name: 'New feed' });
  await expect(fresh.getByLabel('Name')).toBeFocused();
  await page.keyboard.type('Sport Live');
  const sport = dialog.getByRole('group', { name: 'Sport Live' });
  await expect(sport.getByLabel('Label')).toHaveValue('Sport Live');

  // Validation: a second new feed with no name, then a name already taken, then a bad page size.
  await dialog.getByRole('button', { name: 'Add feed' }).click();
  await expect(dialog.getByRole('group', { name: 'New feed' })).toContainText('The feed needs a name.');
  await expect(dialog.getByRole('button', { name: 'Save feeds' })).toBeDisabled();
  await dialog.getByRole('group', { name: 'New feed' }).getByLabel('Name').fill('news feed');
  const duplicate = dialog.getByRole('group', { name: 'news feed', exact: true });
  await expect(duplicate).toContainText('Another feed is already called “news feed”.');
  await duplicate.getByLabel('Name').fill('Weather');
  await dialog.getByRole('group', { name: 'Weather' }).getByLabel('Page size').fill('0');
  await expect(dialog.getByRole('group', { name: 'Weather' })).toContainText('A page holds 1 to 100 items.');
  await dialog.getByRole('group', { name: 'Weather' }).getByRole('button', { name: 'Remove' }).click();
  await expect(dialog.getByRole('group', { name: 'Weather' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Save feeds' }).click();
  await expect(dialog).toBeHidden();
  await expect(column(page, 'sport-live')).toBeVisible();
  expect(await columnIds(page)).toEqual(['news-feed', 'video', 'opinion', 'sport-live']);

  // Rename (the desk's name and the readers' label), then move it up by button and by Alt+↑.
  await page.getByRole('button', { name: 'Feeds…' }).click();
  await dialog.getByRole('group', { name: 'Sport Live' }).getByLabel('Name').fill('Live Sport');
  const live = dialog.getByRole('group', { name: 'Live Sport' });
  await live.getByLabel('Label').fill('Sport');
  await live.getByRole('button', { name: 'Move up' }).click();
  await expect(live.getByRole('button', { name: 'Move up' })).toBeFocused();
  await live.getByLabel('Name').press('Alt+ArrowUp');
  await expect(live.getByLabel('Name')).toBeFocused();
  await expect.poll(() => dialog.locator('[data-field="name"]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual(['News Feed', 'Live Sport', 'Video', 'Opinion']);
  await dialog.getByRole('button', { name: 'Save feeds' }).click();
  await expect(dialog).toBeHidden();
  expect(await columnIds(page)).toEqual(['news-feed', 'sport-live', 'video', 'opinion']);
  await expect(column(page, 'sport-live')).toContainText('Live Sport');

  // Closing with edits asks first.
  await page.getByRole('button', { name: 'Feeds…' }).click();
  await dialog.getByRole('group', { name: 'Opinion' }).getByLabel('Label').fill('Comment');
  await page.keyboard.press('Escape');
  await expect(dialog.getByText('Discard the changes to the feeds?')).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await dialog.getByRole('group', { name: 'Opinion' }).getByLabel('Label').fill('Opinion');

  // Archive: the feed leaves the board, listed apart in the dialog; restore brings it back in place.
  await dialog.getByRole('group', { name: 'Live Sport' }).getByRole('button', { name: 'Archive' }).click();
  const archived = dialog.getByRole('list', { name: 'Archived feeds' });
  await expect(archived.getByRole('group', { name: 'Live Sport' })).toBeVisible();
  await expect(archived.getByRole('button', { name: 'Restore' })).toBeFocused();
  await page.screenshot({ path: `${SCREENS}/feed-settings.png` });
  await dialog.getByRole('button', { name: 'Save feeds' }).click();
  await expect(dialog).toBeHidden();
  await expect(column(page, 'sport-live')).toHaveCount(0);
  expect(await columnIds(page)).toEqual(['news-feed', 'video', 'opinion']);

  await page.getByRole('button', { name: 'Feeds…' }).click();
  await archived.getByRole('group', { name: 'Live Sport' }).getByRole('button', { name: 'Restore' }).click();
  await expect(archived).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Save feeds' }).click();
  await expect(dialog).toBeHidden();
  expect(await columnIds(page)).toEqual(['news-feed', 'sport-live', 'video', 'opinion']);

  await app.restart();
  await showFeeds(page);
  expect(await columnIds(page)).toEqual(['news-feed', 'sport-live', 'video', 'opinion']);
  await expect(column(page, 'sport-live')).toContainText('Live Sport');
  expect(app.services().settings.get().feeds.find((feed) => feed.id === 'sport-live')).toEqual({
    id: 'sport-live',
    name: 'Live Sport',
    label: 'Sport',
    kind: 'articles',
    pageSize: 10,
    archived: false,
  });
});
