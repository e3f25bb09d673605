import { mkdir } from 'node:fs/promises';
import { SCREENS } from './drafting-helpers';
import { ACCOUNT, DESK_URL, deskScript, fillSignIn, harbourOnDesk, openDeskPreferences, seedDrafts } from './desk-ui-helpers';
import type { HarnessApp } from './harness/launch';
import { expect, test } from './harness/fixtures';

// Preferences › Desk for a person on more than one desk: the desk chooser. The browser harness runs
// no desk server, so the desk:* answers are the harness's scripted ones (harness/scripted-desk.ts),
// which switch and refuse the way main's desk session does.

test.beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
});

const METRO = { id: 'metro', name: 'Metro desk' };
const SPORT = { id: 'sport', name: 'Sport desk' };

async function signIn(app: HarnessApp) {
  const dialog = await openDeskPreferences(app.page);
  await fillSignIn(app.page, { serverUrl: DESK_URL, email: ACCOUNT.email, password: ACCOUNT.password });
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog.getByTestId('desk-signed-in')).toBeVisible();
  return dialog;
}

const item = (app: HarnessApp, headline: string) => app.page.getByTestId('draft-item').filter({ hasText: headline });

async function shareFromList(app: HarnessApp, headline: string) {
  await item(app, headline).hover();
  await app.page.getByRole('button', { name: `Share “${headline}” to the desk` }).click();
  await app.page.getByTestId('share-dialog').getByRole('button', { name: 'Share', exact: true }).click();
}

test('a person on two desks chooses the desk; the chip, the draft list’s marks and the archive search follow it', async ({ launch }) => {
  const app = await launch({ desk: { ...deskScript(), desk: METRO, desks: [METRO, SPORT], stories: [] } });
  const { page } = app;
  const [harbourId, derbyId, parkId] = await seedDrafts(app, ['Harbour fire', 'Derby ends in a draw', 'Park reopens']);
  app.desk!.addStory({ ...harbourOnDesk(harbourId!), deskId: METRO.id });
  app.desk!.addStory({ ...harbourOnDesk(derbyId!), headline: 'Derby ends in a draw', deskId: SPORT.id });

  const dialog = await signIn(app);
  const chooser = dialog.getByLabel('Work on desk');
  await expect(chooser).toHaveValue(METRO.id);
  await expect(chooser.locator('option')).toHaveText([METRO.name, SPORT.name]);
  await expect(dialog.getByTestId('desk-chooser')).toContainText('You are on 2 desks.');
  await expect(item(app, 'Harbour fire').getByTestId('shared-mark')).toHaveText('Shared');
  await expect(item(app, 'Derby ends in a draw').getByTestId('shared-mark')).toHaveCount(0);

  // Shared to the metro desk while working on it.
  await dialog.getByRole('button', { name: 'Done' }).click();
  await shareFromList(app, 'Park reopens');
  await expect(page.getByTestId('toast')).toContainText('“Park reopens” is on Metro desk now');
  await openDeskPreferences(page);

  await chooser.selectOption(SPORT.id);
  await expect(dialog.getByTestId('desk-name')).toHaveText(SPORT.name);
  await expect(chooser).toHaveValue(SPORT.id);
  await expect(chooser).toBeEnabled();
  expect(app.callsOf('desk:chooseDesk')).toBe(1);
  await page.screenshot({ path: `${SCREENS}/desk-preferences-desk-chooser.png` });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('desk-chip')).toHaveText(`Connected to ${SPORT.name}`);
  await expect(item(app, 'Derby ends in a draw').getByTestId('shared-mark')).toHaveText('Shared');
  await expect(item(app, 'Harbour fire').getByTestId('shared-mark')).toHaveCount(0);

  // The metro story is not put on the sport desk: it stays on its own, and the dialog says so.
  await shareFromList(app, 'Park reopens');
  await expect(page.getByTestId('share-dialog')).toContainText(
    '“Park reopens” is already on Metro desk and stays there. To work on it with that desk, choose Metro desk under Preferences › Desk.',
  );
  // Nothing left to ask: no question of putting it on this desk, no Share button.
  await expect(page.getByTestId('share-dialog')).not.toContainText('Put “Park reopens” on');
  await expect(page.getByTestId('share-dialog').getByRole('button', { name: 'Share', exact: true })).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/share-dialog-story-on-other-desk.png` });
  expect(app.desk!.shared()).toEqual([parkId]);
  await page.getByTestId('share-dialog').getByRole('button', { name: 'OK' }).click();

  // The archive search is the active desk's: its answer goes when another desk is chosen.
  await page.getByLabel('Search drafts').fill('derby');
  await page.getByRole('button', { name: 'Search the desk archive for “derby”' }).click();
  await expect(page.getByTestId('archive-item')).toHaveText([/Derby ends in a draw/]);
  await (await openDeskPreferences(page)).getByLabel('Work on desk').selectOption(METRO.id);
  await expect(dialog.getByTestId('desk-name')).toHaveText(METRO.name);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('archive-item')).toHaveCount(0);
  await page.getByRole('button', { name: 'Search the desk archive for “derby”' }).click();
  await expect(page.getByTestId('desk-archive')).toContainText('Nothing on the desk matches.');
});

test('one desk: no chooser; a desk the person was taken off is refused with a sentence and no longer offered', async ({ launch }) => {
  const single = await launch({ desk: deskScript() });
  const singleDialog = await signIn(single);
  await expect(singleDialog.getByTestId('desk-name')).toHaveText('Metro desk');
  await expect(singleDialog.getByTestId('desk-chooser')).toHaveCount(0);

  const app = await launch({ desk: { ...deskScript(), desk: METRO, desks: [METRO, SPORT] } });
  const dialog = await signIn(app);
  app.desk!.takeOffDesk(SPORT.id);
  await dialog.getByLabel('Work on desk').selectOption(SPORT.id);
  await expect(dialog.getByTestId('desk-error')).toHaveText(
    'You are no longer on the desk “Sport desk”, so Newsdesk stays on “Metro desk”. Ask the desk’s administrator if you should be on it.',
  );
  await expect(dialog.getByTestId('desk-name')).toHaveText(METRO.name);
  // Left with one desk, the chooser is gone.
  await expect(dialog.getByTestId('desk-chooser')).toHaveCount(0);
  await app.page.screenshot({ path: `${SCREENS}/desk-preferences-desk-refused.png` });
});
