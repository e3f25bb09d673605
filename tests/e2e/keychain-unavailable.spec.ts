import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { NO_KEYCHAIN_MESSAGE } from '../../electron/main/services/publishing/targets/targets-store';
import { expect, test } from './harness/fixtures';
import { fillWordPressForm, openTargetsFromFeeds } from './publishing-helpers';

// A desktop without a keychain (no GNOME Keyring or KWallet running): the harness gives the
// services a secret box that reports encryption unavailable, as safeStorage does there.

const exists = (path: string) => access(path).then(() => true, () => false);

test('without a keychain, adding a WordPress site says why in the dialog, stores nothing and keeps the form', async ({ launch }) => {
  const app = await launch({ keychain: 'unavailable' });
  const { page } = app;
  const dialog = await openTargetsFromFeeds(page);
  await expect(dialog.getByText('No targets yet.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Add WordPress site' }).click();
  const typed = { name: 'Newsroom site', url: 'https://news.example.com', user: 'editor', password: 'abcd efgh ijkl mnop qrst uvwx' };
  await fillWordPressForm(dialog, typed);
  await dialog.getByRole('button', { name: 'Add target' }).click();

  // The refusal is said in words, in the dialog, next to the form the editor typed.
  await expect(dialog.getByRole('alert')).toHaveText(NO_KEYCHAIN_MESSAGE);
  await expect(dialog.getByRole('alert')).toContainText('GNOME Keyring or KWallet');
  await expect(dialog.getByText('No targets yet.')).toBeVisible();
  const form = dialog.getByTestId('target-form');
  await expect(form.getByLabel('Name')).toHaveValue(typed.name);
  await expect(form.getByLabel('Site address')).toHaveValue(typed.url);
  await expect(form.getByLabel('User')).toHaveValue(typed.user);
  await expect(form.getByLabel('Application password')).toHaveValue(typed.password);
  await mkdir(join(process.cwd(), 'test-results', 'screens'), { recursive: true });
  await page.screenshot({ path: join(process.cwd(), 'test-results', 'screens', 'publish-targets-no-keychain.png') });

  // Nothing was written: no target without its password, no secret in the clear.
  expect(app.services().publishing.targets.list()).toEqual([]);
  for (const file of ['targets.json', 'secrets.json']) expect(await exists(join(app.dataDir, 'library', 'publishing', file)), file).toBe(false);

  // The app is still working: closing asks before the typed form is thrown away, then the dialog
  // closes and opens again as usual.
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog.getByRole('group', { name: 'Discard the changes to the new target?' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(await openTargetsFromFeeds(page)).toBeVisible();
});

test('with the keychain available (the harness default) the same site is added', async ({ app }) => {
  const dialog = await openTargetsFromFeeds(app.page);
  await dialog.getByRole('button', { name: 'Add WordPress site' }).click();
  await fillWordPressForm(dialog, { name: 'Newsroom site', url: 'https://news.example.com', user: 'editor', password: 'abcd efgh ijkl mnop qrst uvwx' });
  await dialog.getByRole('button', { name: 'Add target' }).click();
  await expect(dialog.getByTestId('target-item').filter({ hasText: 'Newsroom site' })).toBeVisible();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
});
