import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { EXIFTOOL_MISSING_REASON, exiftoolAvailable, makePhotoFixture } from '../support/photo-fixtures';
import { MAIN_BUNDLE, launch, skipReason } from './electron-app';

/**
 * The photo desk in the real app: the system file picker (answered from main, since a native
 * dialog cannot be driven), the copy into the library, and thumbnails served by app://newsdesk.
 */
const reason = skipReason || (exiftoolAvailable() ? '' : EXIFTOOL_MISSING_REASON);

test.describe('Electron app: photos', () => {
  test.skip(Boolean(reason), reason);
  test.describe.configure({ mode: 'serial' });

  let userDataDir: string;
  let fixtures: string;
  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    expect(existsSync(MAIN_BUNDLE), `${MAIN_BUNDLE} is missing: run \`npx electron-vite build\` first`).toBe(true);
    userDataDir = await mkdtemp(join(tmpdir(), 'newsdesk-electron-photos-'));
    fixtures = await mkdtemp(join(tmpdir(), 'newsdesk-electron-fixtures-'));
    ({ app, page } = await launch(userDataDir));
  });

  test.afterAll(async () => {
    await app?.close();
    for (const dir of [userDataDir, fixtures]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('a picture chosen in the file picker is copied in, credited, and shown through app://', async () => {
    const file = await makePhotoFixture(fixtures, 'iimAndXmp');
    await app.evaluate(({ dialog }, filePaths) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths })) as unknown as typeof dialog.showOpenDialog;
    }, [file]);

    await page.getByRole('tab', { name: 'Photos' }).click();
    await page.getByRole('button', { name: 'Import…' }).click();
    await expect(page.getByTestId('import-summary').last()).toContainText('Import finished', { timeout: 30_000 });

    const tile = page.getByTestId('photo-tile').first();
    await expect(tile).toContainText('Gonzalo Fuentes/POOL/AFP via Getty Images');
    const image = tile.locator('img');
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await image.evaluate((img) => (img as HTMLImageElement).currentSrc)).toMatch(/^app:\/\/newsdesk\/media\/[0-9a-f]{64}\/thumbnail(\?.*)?$/);
  });

  test('the library is still there after quitting and starting again', async () => {
    await app.close();
    ({ app, page } = await launch(userDataDir));
    await page.getByRole('tab', { name: 'Photos' }).click();
    await expect(page.getByTestId('photo-tile')).toHaveCount(1);
    await expect(page.getByTestId('photo-tile').first()).toContainText('Gonzalo Fuentes/POOL/AFP via Getty Images');
  });
});
