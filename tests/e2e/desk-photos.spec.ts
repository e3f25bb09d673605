import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { messageOf } from '../../shared/model/errors';
import { PASSWORD, PEOPLE } from '../desk/support/desk-fixture';
import { startEmbeddedDesk, type EmbeddedDesk } from '../desk/support/embedded-desk';
import { EXIFTOOL_MISSING_REASON, exiftoolAvailable, makePhotoFixture } from '../support/photo-fixtures';
import { fillSignIn, openDeskPreferences } from './desk-ui-helpers';
import { SCREENS } from './drafting-helpers';
import type { HarnessApp } from './harness/launch';
import { expect, test } from './harness/fixtures';
import { expectThumbnailsLoaded, fixtureDir, importWithPicker, openLibrary, tile } from './photo-library-helpers';

// The photo handoff through the UI of two apps on one real desk server (its embedded database, as
// its own process): the photo desk imports a credited agency JPEG and shares it from the library;
// the other app sees it under "On the desk" with its thumbnail and credit, and fetches it.

let desk: EmbeddedDesk | null = null;
let skipReason: string | null = exiftoolAvailable() ? null : EXIFTOOL_MISSING_REASON;

async function signIn(page: Page, url: string, who: keyof typeof PEOPLE): Promise<void> {
  const dialog = await openDeskPreferences(page);
  await fillSignIn(page, { serverUrl: url, email: PEOPLE[who].email, password: PASSWORD });
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog.getByTestId('desk-signed-in')).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('desk-chip')).toHaveText(/^Connected to /);
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await mkdir(SCREENS, { recursive: true });
  if (skipReason) {
    console.warn(`Skipped the desk photos spec: ${skipReason}`);
    return;
  }
  try {
    desk = await startEmbeddedDesk(['ana', 'bo']);
  } catch (error) {
    if (process.env.NEWSDESK_REQUIRE_DESK === '1') throw error;
    skipReason = messageOf(error);
    console.warn(`Skipped the desk photos spec: ${skipReason}`);
  }
});

test.afterAll(async () => {
  await desk?.close();
});

test('a photo shared from one app shows on the other with its credit, and is fetched into its library', async ({ launch }) => {
  test.skip(skipReason !== null, skipReason ?? '');
  test.setTimeout(240_000);
  const server = desk!;
  const photoDesk: HarnessApp = await launch();
  const editor: HarnessApp = await launch();
  await signIn(photoDesk.page, server.url, 'bo');
  await signIn(editor.page, server.url, 'ana');

  const file = await makePhotoFixture(await fixtureDir(), 'iimAndXmp', { name: 'pool-elysee', seed: 21 });
  await openLibrary(photoDesk.page);
  await importWithPicker(photoDesk, [file]);
  await tile(photoDesk.page, 'pool-elysee.jpg').click();
  const sharePanel = photoDesk.page.getByTestId('desk-photos');
  await sharePanel.getByRole('button', { name: 'Share to desk' }).click();
  await expect(photoDesk.page.getByTestId('toast')).toContainText('Shared “pool-elysee.jpg” to the desk, credited');
  await expect(sharePanel.getByTestId('desk-photo')).toContainText('In this library');
  await expect.poll(() => sharePanel.locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth), { message: 'the desk thumbnail decoded' }).toBeGreaterThan(0);
  // The panel alone: it sits under the long photo editor, below the fold of the window.
  await sharePanel.screenshot({ path: `${SCREENS}/desk-photos-shared.png` });

  await openLibrary(editor.page);
  const onDesk = editor.page.getByTestId('desk-photos').getByTestId('desk-photo');
  await expect(onDesk).toHaveCount(1, { timeout: 30_000 });
  await expect(onDesk).toContainText('POOL/AFP via Getty Images');
  await expect(onDesk).toContainText('Shared by Bo Photo');
  await expect.poll(() => onDesk.locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth), { message: 'the desk thumbnail decoded' }).toBeGreaterThan(0);
  await editor.page.screenshot({ path: `${SCREENS}/desk-photos-on-the-desk.png` });

  await onDesk.getByRole('button', { name: /^Fetch original/ }).click();
  await expect(onDesk).toContainText('In this library', { timeout: 60_000 });
  await expectThumbnailsLoaded(editor.page, 1);
  await tile(editor.page, 'pool-elysee.jpg').click();
  await expect(editor.page.getByTestId('photo-editor')).toContainText('pool-elysee.jpg');
  await editor.page.screenshot({ path: `${SCREENS}/desk-photos-fetched.png` });
});
