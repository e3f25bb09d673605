import { mkdir } from 'node:fs/promises';
import { newArticle, saved, SCREENS } from './drafting-helpers';
import { ACCOUNT, DESK_URL, deskScript, fillSignIn, harbourOnDesk, openDeskPreferences, seedDrafts } from './desk-ui-helpers';
import type { HarnessApp } from './harness/launch';
import { expect, test } from './harness/fixtures';

// The draft list with a desk: shared marks, who is in each story, Share to desk, and the desk
// archive under the search box. No desk server runs in the browser harness, so these use its
// scripted desk:* answers (harness/scripted-desk.ts), which refuse what main's desk session
// refuses (offline, signed out) in the same way.

test.beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
});

async function signIn(app: HarnessApp): Promise<void> {
  const dialog = await openDeskPreferences(app.page);
  await fillSignIn(app.page, { serverUrl: DESK_URL, email: ACCOUNT.email, password: ACCOUNT.password });
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog.getByTestId('desk-signed-in')).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
}

const item = (app: HarnessApp, headline: string) => app.page.getByTestId('draft-item').filter({ hasText: headline });

test('desk stories are marked Shared, people in them show as coloured initials, and a local story can be shared after confirming', async ({ launch }) => {
  const onDesk = await launch({ desk: deskScript() });
  const [harbourId, budgetId, parkId] = await seedDrafts(onDesk, ['Harbour fire', 'Council budget vote', 'Park reopens']);
  onDesk.desk!.addStory(harbourOnDesk(harbourId!));
  // Signed out: no desk marks and nothing to share to.
  await item(onDesk, 'Park reopens').hover();
  await expect(onDesk.page.getByRole('button', { name: /Share “.*” to the desk/ })).toHaveCount(0);
  await expect(onDesk.page.getByTestId('shared-mark')).toHaveCount(0);

  await signIn(onDesk);
  await expect(item(onDesk, 'Harbour fire').getByTestId('shared-mark')).toHaveText('Shared');
  await expect(item(onDesk, 'Council budget vote').getByTestId('shared-mark')).toHaveCount(0);

  await onDesk.desk!.setPresence({
    stories: [
      { id: harbourId!, people: [{ name: 'Ben Ode', color: '#2f7d4f', field: 'headline' }, { name: 'Chidi Okafor', color: '#f2c14e', field: null }] },
      { id: parkId!, people: [{ name: 'Dana', color: 'url(javascript:alert(1))', field: null }] },
    ],
  });
  const marks = item(onDesk, 'Harbour fire').getByTestId('presence-marks');
  await expect(marks).toHaveAttribute('aria-label', 'In this story now: Ben Ode (editing headline), Chidi Okafor');
  await expect(marks.locator('.nd-presence__mark')).toHaveText(['BO', 'CO']);
  // A colour that is not a plain hex colour never reaches the style: it is drawn grey.
  await expect(item(onDesk, 'Park reopens').locator('.nd-presence__mark')).toHaveCSS('background-color', 'rgb(107, 114, 128)');

  // Share the budget story: asked first, then told.
  await item(onDesk, 'Council budget vote').hover();
  await onDesk.page.getByRole('button', { name: 'Share “Council budget vote” to the desk' }).click();
  const confirm = onDesk.page.getByTestId('share-dialog');
  await expect(confirm).toContainText('Put “Council budget vote” on Metro desk?');
  await onDesk.page.screenshot({ path: `${SCREENS}/desk-share-confirm.png` });
  await confirm.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(onDesk.page.getByTestId('toast')).toContainText('“Council budget vote” is on Metro desk now');
  await expect(item(onDesk, 'Council budget vote').getByTestId('shared-mark')).toBeVisible();
  expect(onDesk.desk!.shared()).toEqual([budgetId]);

  // A story created on another desktop arrives as a new draft (main writes it and says so): it
  // shows as shared without waiting for a focus or a reconnect.
  const arrived = await onDesk.services().drafts.create({});
  await onDesk.services().drafts.save({ ...arrived, headline: 'Tram strike called off', section: 'Metro' }, 'manual');
  onDesk.desk!.addStory({ ...harbourOnDesk(arrived.id), headline: 'Tram strike called off' });
  await onDesk.emit('drafts:changed', { ids: [arrived.id] });
  await expect(item(onDesk, 'Tram strike called off').getByTestId('shared-mark')).toBeVisible();

  await onDesk.page.mouse.move(700, 700);
  await onDesk.page.screenshot({ path: `${SCREENS}/desk-draft-list-shared-presence.png` });

  // Offline, sharing is refused with the desk's reason, in the dialog; the story stays unshared.
  await onDesk.desk!.goOffline(1);
  await item(onDesk, 'Park reopens').hover();
  await onDesk.page.getByRole('button', { name: 'Share “Park reopens” to the desk' }).click();
  await confirm.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(confirm.getByRole('alert')).toContainText('“Park reopens” was not shared: Metro desk cannot be reached right now');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(item(onDesk, 'Park reopens').getByTestId('shared-mark')).toHaveCount(0);
  expect(onDesk.desk!.shared()).toEqual([budgetId]);
});

test('signed in, the drafts search offers the desk archive: results with their snippet, a local one opens, another says it is not here yet', async ({ launch }) => {
  const onDesk = await launch({ desk: deskScript() });
  const [harbourId] = await seedDrafts(onDesk, ['Harbour fire']);
  onDesk.desk!.addStory(harbourOnDesk(harbourId!));
  const { page } = onDesk;
  const search = page.getByLabel('Search drafts');
  await search.fill('harbour');
  // Signed out there is no archive to offer.
  await expect(page.getByTestId('desk-archive')).toHaveCount(0);

  await signIn(onDesk);
  await page.getByRole('button', { name: 'Search the desk archive for “harbour”' }).click();
  const results = page.getByTestId('archive-item');
  await expect(results).toHaveCount(2);
  const elsewhere = results.filter({ hasText: 'Harbour dues rise' });
  const local = results.filter({ hasText: 'Harbour fire' });
  // The server's <b> markers become highlighted words; nothing else of the snippet is markup.
  await expect(elsewhere.locator('mark')).toHaveText('harbour');
  await page.screenshot({ path: `${SCREENS}/desk-archive-search.png` });

  await elsewhere.getByRole('button').click();
  await expect(elsewhere.getByRole('status')).toHaveText('Not on this machine yet: it opens as soon as the desk has sent it.');

  await local.getByRole('button').click();
  await expect(page.getByLabel('Headline')).toHaveValue('Harbour fire');

  // Offline, the archive cannot be searched: said, not silent.
  await onDesk.desk!.goOffline(0);
  await search.fill('dues');
  await page.getByRole('button', { name: 'Search the desk archive for “dues”' }).click();
  await expect(page.getByTestId('desk-archive').getByRole('alert')).toContainText('The desk archive could not be searched: Metro desk cannot be reached right now');
});

test('a search the desk ranked among its newest stories only says so, and how to find older ones', async ({ launch }) => {
  const onDesk = await launch({ desk: { ...deskScript(), searchScope: { ranked: 1890, newestStories: 2000 } } });
  const { page } = onDesk;
  await signIn(onDesk);
  await page.getByLabel('Search drafts').fill('harbour');
  await page.getByRole('button', { name: 'Search the desk archive for “harbour”' }).click();
  await expect(page.getByTestId('archive-item')).toHaveCount(1);
  await expect(page.getByTestId('desk-archive').getByRole('status')).toHaveText(
    'The best 1 of 1,890 matches in the desk’s newest 2,000 stories: older ones are not searched for words this common; add words to find them.');
  await page.screenshot({ path: `${SCREENS}/desk-archive-search-newest.png` });
});

test('signed in, a new article keeps its story open while its headline is typed, and the list shows that headline', async ({ launch }) => {
  const app = await launch({ desk: { ...deskScript(), stories: [] } });
  await signIn(app);
  // The desk names the person only after the editor showed the new story (main answers late).
  const answerName = app.holdCalls('desk:status', { once: true });
  const body = await newArticle(app.page, 'Night ferry');
  answerName();
  await body.pressSequentially('The last ferry did not sail.');
  await saved(app.page);
  // Typed once the name is known: the editor re-renders with it.
  await app.page.getByLabel('Headline').fill('Night ferry cancelled');
  await saved(app.page);
  // One session from start to end: a reconnect makes main load the story again as the headline is typed.
  expect(app.callsOf('story:open')).toBe(1);
  expect(app.callsOf('story:close')).toBe(0);
  await expect(app.page.getByLabel('Headline')).toHaveValue('Night ferry cancelled');
  await expect(item(app, 'Night ferry cancelled')).toBeVisible();
  await item(app, 'Night ferry cancelled').screenshot({ path: `${SCREENS}/desk-new-article-in-list.png` });
});
