import { mkdir } from 'node:fs/promises';
import { NO_KEYCHAIN_MESSAGE } from '../../electron/main/services/publishing/targets/targets-store';
import { SCREENS } from './drafting-helpers';
import { ACCOUNT, DESK_URL, deskScript, fillSignIn, openDeskPreferences } from './desk-ui-helpers';
import { expect, test } from './harness/fixtures';

// Preferences › Desk and the connection chip. The browser harness runs no desk server, so the
// specs that need one signed in (or offline) use the harness's scripted desk:* answers
// (harness/scripted-desk.ts): they refuse a wrong password, an unreachable address and a missing
// keychain the way main's desk session does. The first spec runs against main's own handlers.

test.beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
});

test('signed out, the chip says so and opens Preferences › Desk; a failed sign-in is said and the password is not kept', async ({ app }) => {
  const { page } = app;
  const chip = page.getByTestId('desk-chip');
  await expect(chip).toHaveText('Signed out');
  const dialog = await openDeskPreferences(page);
  await expect(dialog.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/desk-preferences-signed-out.png` });

  // Nothing answers on port 9 of this machine: main's answer (whatever it is) is shown as it is.
  await fillSignIn(page, { serverUrl: 'http://127.0.0.1:9', email: ACCOUNT.email, password: 'secret' });
  await dialog.getByLabel('Password').press('Enter');
  await expect(dialog.getByTestId('desk-error')).not.toBeEmpty();
  await expect(dialog.getByLabel('Password')).toHaveValue('');
  await expect(chip).toHaveText('Signed out');
});

test('the form says what is wrong before asking the desk, and the desk’s own refusals are shown as they come', async ({ launch }) => {
  const app = await launch({ desk: deskScript() });
  const { page } = app;
  const dialog = await openDeskPreferences(page);
  const error = dialog.getByTestId('desk-error');

  await fillSignIn(page, { serverUrl: 'desk.test', email: ACCOUNT.email, password: ACCOUNT.password });
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(error).toHaveText(/starts with http:\/\/ or https:\/\//);
  expect(app.callsOf('desk:signIn')).toBe(0);

  await fillSignIn(page, { serverUrl: 'http://elsewhere.test:1234', email: ACCOUNT.email, password: ACCOUNT.password });
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(error).toHaveText(/could not be reached/);

  await fillSignIn(page, { serverUrl: DESK_URL, email: ACCOUNT.email, password: 'wrong horse' });
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(error).toHaveText('The desk refused this email and password. Check them and try again.');
  await expect(dialog.getByLabel('Password')).toHaveValue('');
  await expect(dialog.getByLabel('Password')).toBeFocused();
  await expect(dialog.getByLabel('Desk server')).toHaveValue(DESK_URL);
  await page.screenshot({ path: `${SCREENS}/desk-preferences-sign-in-error.png` });
  await expect(page.getByTestId('desk-chip')).toHaveText('Signed out');
});

test('signing in shows progress, then who and where; the chip follows the connection without polling', async ({ launch }) => {
  const app = await launch({ desk: deskScript() });
  const { page } = app;
  const desk = app.desk!;
  const dialog = await openDeskPreferences(page);

  const release = desk.holdSignIn();
  await fillSignIn(page, { serverUrl: DESK_URL, email: ACCOUNT.email, password: ACCOUNT.password });
  await dialog.getByLabel('Password').press('Enter');
  await expect(dialog.getByTestId('desk-progress')).toHaveText(`Signing in to ${DESK_URL}…`);
  await expect(dialog.getByRole('button', { name: 'Signing in…' })).toBeDisabled();
  release();

  await expect(dialog.getByTestId('desk-name')).toHaveText('Metro desk');
  await expect(dialog.getByTestId('desk-user')).toHaveText(`${ACCOUNT.name} (${ACCOUNT.email})`);
  await expect(dialog.getByRole('button', { name: 'Sign out' })).toBeFocused();
  await expect(dialog.getByLabel('Password')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/desk-preferences-signed-in.png` });
  await dialog.getByRole('button', { name: 'Done' }).click();

  const chip = page.getByTestId('desk-chip');
  await expect(chip).toHaveText('Connected to Metro desk');
  const statusReads = app.callsOf('desk:status');
  await desk.goOffline(3);
  await expect(chip).toHaveText('Offline — changes will sync (3 stories)');
  await page.screenshot({ path: `${SCREENS}/desk-chip-offline.png` });
  await desk.reconnect();
  await expect(chip).toHaveText('Connected to Metro desk');
  // The chip followed main's events alone: no desk:status read in between.
  expect(app.callsOf('desk:status')).toBe(statusReads);

  // Signing out keeps the address, so signing in again is one password away.
  await openDeskPreferences(page);
  await dialog.getByRole('button', { name: 'Sign out' }).click();
  await expect(dialog.getByLabel('Desk server')).toHaveValue(DESK_URL);
  await expect(chip).toHaveText('Signed out');
});

test('without a keychain, signing in is refused with the keychain sentence and nothing changes', async ({ launch }) => {
  const app = await launch({ desk: deskScript(), keychain: 'unavailable' });
  const { page } = app;
  const dialog = await openDeskPreferences(page);
  await fillSignIn(page, { serverUrl: DESK_URL, email: ACCOUNT.email, password: ACCOUNT.password });
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog.getByTestId('desk-error')).toHaveText(NO_KEYCHAIN_MESSAGE);
  await expect(page.getByTestId('desk-chip')).toHaveText('Signed out');
});

test('the Preferences panes are reached by keyboard, and the desk reads in the dark theme', async ({ launch }) => {
  const app = await launch({ desk: deskScript() });
  const { page } = app;
  await page.keyboard.press('Control+,');
  const dialog = page.getByTestId('preferences');
  const general = dialog.getByRole('tab', { name: 'General' });
  await expect(general).toHaveAttribute('aria-selected', 'true');
  await dialog.getByRole('radio', { name: 'Dark' }).check();
  await general.focus();
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('tab', { name: 'Desk' })).toBeFocused();
  await expect(dialog.getByRole('tab', { name: 'Desk' })).toHaveAttribute('aria-selected', 'true');
  await expect(dialog.getByRole('radio', { name: 'Dark' })).toBeHidden();

  // Tab into the form and sign in with the keyboard alone.
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Desk server')).toBeFocused();
  await page.keyboard.type(DESK_URL);
  await page.keyboard.press('Tab');
  await page.keyboard.type(ACCOUNT.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(ACCOUNT.password);
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('desk-name')).toHaveText('Metro desk');
  await app.desk!.goOffline(2);
  await expect(dialog.getByText('2 stories have changes the desk has not received yet.', { exact: false })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/desk-preferences-dark-offline.png` });
});
