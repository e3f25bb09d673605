import { join } from 'node:path';
import { EXIFTOOL_MISSING_REASON, exiftoolAvailable, makeBaseJpeg, makePhotoFixture, readWithExiftool } from '../support/photo-fixtures';
import { SCREENS, newArticle } from './drafting-helpers';
import { expect, test } from './harness/fixtures';
import {
  dropFiles,
  droppedFile,
  editor,
  expectThumbnailsLoaded,
  field,
  fixtureDir,
  importSummary,
  importWithPicker,
  openLibrary,
  tile,
  tiles,
} from './photo-library-helpers';

// Working with photos in the library end to end: editing one photo's details, selecting in the
// grid, editing a batch, cancelling an import, and the photo picker of the article editor. Import,
// metadata and search are in photo-library.spec.ts.

test.skip(!exiftoolAvailable(), EXIFTOOL_MISSING_REASON);

test('an edited credit is saved, undoable, and still there after a restart', async ({ app }) => {
  const { page } = app;
  const dir = await fixtureDir();
  const path = await makePhotoFixture(dir, 'exifOnly');
  await openLibrary(page);
  await importWithPicker(app, [path]);
  await tile(page, 'exifOnly.jpg').click();
  const credit = editor(page).getByLabel('Credit line', { exact: true });
  await expect(field(page, 'creditLine').getByTestId('field-source')).toHaveText('Not in file');

  await credit.fill('Freelance');
  await credit.press('ControlOrMeta+z');
  await expect(credit).toHaveValue('');
  await credit.fill('Harbour Press');
  await credit.blur();
  await expect(page.getByTestId('photo-save-state')).toHaveText('Saved');
  await expect(field(page, 'creditLine').getByTestId('field-source')).toHaveText('Edited');
  await expect(tile(page, 'exifOnly.jpg')).toContainText('Harbour Press');

  await app.restart();
  await openLibrary(page);
  await tile(page, 'exifOnly.jpg').click();
  await expect(editor(page).getByLabel('Credit line', { exact: true })).toHaveValue('Harbour Press');
  await expect(field(page, 'creditLine').getByTestId('field-source')).toHaveText('Edited');

  // An exported copy carries the desk's credit in its own XMP.
  const exported = join(dir, 'harbour-export.jpg');
  app.saveTo(exported);
  await editor(page).getByRole('button', { name: 'Export copy…' }).click();
  await expect(page.getByTestId('export-result')).toHaveText(`Saved a copy to ${exported}. Credit, creator and copyright were written into its XMP metadata.`);
  const written = await readWithExiftool(exported, ['-XMP-photoshop:Credit', '-XMP-dc:Creator']);
  expect(written).toMatchObject({ Credit: 'Harbour Press', Creator: 'Jane Doe' });

  // With the desk's setting off, the copy is the file as imported: no XMP credit added.
  const option = editor(page).getByLabel('Write credit, creator and copyright into exported and published copies');
  await expect(option).toBeChecked();
  await option.uncheck();
  await expect.poll(() => app.services().settings.get().photoDesk.writeXmpOnExport).toBe(false);
  const plain = join(dir, 'harbour-plain.jpg');
  app.saveTo(plain);
  await editor(page).getByRole('button', { name: 'Export copy…' }).click();
  await expect(page.getByTestId('export-result')).toHaveText(`Saved a copy to ${plain}.`);
  expect(await readWithExiftool(plain, ['-XMP-photoshop:Credit'])).not.toHaveProperty('Credit');
});

test('photos are selected with clicks, modifier clicks and the keyboard', async ({ app }) => {
  const { page } = app;
  const dir = await fixtureDir();
  const paths = await Promise.all(
    [1, 2, 3, 4].map(async (index) => {
      const path = join(dir, `pick-${index}.jpg`);
      await makeBaseJpeg(path, { seed: 200 + index, width: 240, height: 160 });
      return path;
    }),
  );
  await openLibrary(page);
  await importWithPicker(app, paths);
  await page.getByRole('button', { name: 'Dismiss import report' }).click();
  const all = tiles(page);
  await expect(all).toHaveCount(4);
  const selected = page.locator('[data-testid="photo-tile"][aria-selected="true"]');

  await all.nth(0).click();
  await expect(selected).toHaveCount(1);
  await expect(editor(page)).toBeVisible();
  await all.nth(2).click({ modifiers: ['Shift'] });
  await expect(selected).toHaveCount(3);
  await expect(page.getByTestId('selection-summary')).toContainText('3 photos selected');
  await all.nth(1).click({ modifiers: ['ControlOrMeta'] });
  await expect(selected).toHaveCount(2);
  await expect(all.nth(1)).toHaveAttribute('aria-selected', 'false');

  await page.keyboard.press('ArrowRight'); // from the last photo clicked (the second) to the third
  await expect(selected).toHaveCount(1);
  await expect(all.nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(selected).toHaveCount(2);
  await expect(all.nth(3)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ControlOrMeta+a');
  await expect(selected).toHaveCount(4);
  await page.keyboard.press('Home');
  await expect(selected).toHaveCount(1);
  await expect(all.nth(0)).toHaveAttribute('aria-selected', 'true');
});

test('twenty photos get a credit, a copyright and a keyword in one step, and Undo puts them back', async ({ app }) => {
  const { page } = app;
  const dir = await fixtureDir();
  const paths = await Promise.all(
    Array.from({ length: 20 }, async (_, index) => {
      const path = join(dir, `frame-${String(index + 1).padStart(2, '0')}.jpg`);
      await makeBaseJpeg(path, { seed: 100 + index, width: 320, height: 240 });
      return path;
    }),
  );
  await openLibrary(page);
  await importWithPicker(app, paths);
  await expect(tiles(page)).toHaveCount(20);
  await page.getByRole('button', { name: 'Dismiss import report' }).click();

  await tile(page, 'frame-01.jpg').click();
  await page.keyboard.press('ControlOrMeta+a');
  await expect(page.getByTestId('selection-summary')).toContainText('20 photos selected');
  await page.getByRole('button', { name: 'Edit 20 photos…' }).click();
  const dialog = page.getByTestId('batch-dialog');
  await dialog.getByLabel('Credit line', { exact: true }).fill('Harbour Press');
  await dialog.getByLabel('Copyright notice', { exact: true }).fill('2026 Harbour Press');
  await dialog.getByLabel('Add a keyword to all').fill('harbour');
  await dialog.getByLabel('Add a keyword to all').press('Enter');
  await expect(dialog.getByLabel('Change credit line')).toBeChecked();
  await expect(dialog.getByLabel('Change creator')).not.toBeChecked();
  await page.screenshot({ path: `${SCREENS}/batch-edit.png` });
  await dialog.getByRole('button', { name: 'Apply to 20 photos' }).click();

  const toast = page.getByTestId('toast').filter({ hasText: 'Updated 20 photos.' });
  await expect(toast).toBeVisible();
  const all = await app.services().media.list({ limit: 100 });
  expect(all.items).toHaveLength(20);
  for (const photo of all.items) {
    expect(photo.metadata).toMatchObject({ creditLine: 'Harbour Press', copyright: '2026 Harbour Press', keywords: ['harbour'], creator: '' });
  }
  await expect(page.getByRole('button', { name: /^Missing credit/ })).toHaveText('Missing credit0');

  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Put back the earlier details of 20 photos.' })).toBeVisible();
  const restored = await app.services().media.list({ limit: 100 });
  for (const photo of restored.items) {
    expect(photo.metadata).toMatchObject({ creditLine: '', copyright: '', keywords: [] });
  }
  await expect(page.getByRole('button', { name: /^Missing credit/ })).toHaveText('Missing credit20');
});

test('a cancelled batch import stops, says so, and keeps only what finished', async ({ app }) => {
  const { page } = app;
  const dir = await fixtureDir();
  // Large enough (about half a megabyte each) that sending forty takes a while.
  const batch = await Promise.all(
    Array.from({ length: 40 }, async (_, index) => {
      const path = join(dir, `batch-${String(index + 1).padStart(2, '0')}.jpg`);
      await makeBaseJpeg(path, { seed: 300 + index, width: 1200, height: 900 });
      return droppedFile(path);
    }),
  );
  await openLibrary(page);
  await dropFiles(page, batch);
  const summary = importSummary(page);
  await expect(summary).toHaveText(/^Importing… [1-9]\d* of 40$/, { timeout: 30_000 });
  await page.getByTestId('import-panel').getByRole('button', { name: 'Cancel' }).click();
  await expect(summary).toContainText('Import cancelled', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Show all 40 files' }).click();

  const imported = await page.getByTestId('import-row').and(page.locator('[data-state="imported"]')).count();
  expect(imported).toBeGreaterThan(0);
  expect(imported).toBeLessThan(40);
  await expect(page.getByTestId('import-row').and(page.locator('[data-state="cancelled"]')).first()).toBeVisible();
  await expect(tiles(page)).toHaveCount(imported);
  expect((await app.services().media.list({ limit: 100 })).total).toBe(imported);
  await page.getByTestId('import-panel').screenshot({ path: `${SCREENS}/import-cancelled.png` });
});

test('the photo picker searches the library, imports from disk, and picks with Enter', async ({ app }) => {
  const { page } = app;
  const dir = await fixtureDir();
  const [kyiv, montreal, harbour] = await Promise.all([
    makePhotoFixture(dir, 'xmpOnly'),
    makePhotoFixture(dir, 'iimUtf8'),
    makePhotoFixture(dir, 'exifOnly'),
  ]);
  await openLibrary(page);
  await importWithPicker(app, [kyiv!, montreal!]);
  await page.getByRole('tab', { name: 'Articles' }).click();
  await newArticle(page, 'Warehouse fire in Kyiv');

  const picker = page.getByRole('dialog', { name: 'Insert photo' });
  await page.getByRole('button', { name: 'Insert photo' }).click();
  await expect(picker).toBeVisible();
  await expect(picker.getByRole('searchbox', { name: 'Search photos' })).toBeFocused();
  await expect(picker.getByRole('option')).toHaveCount(2);
  await page.keyboard.type('firefighter');
  await expect(picker.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();

  // Reopened: a fresh search; a photo imported from disk here arrives selected.
  await page.getByRole('button', { name: 'Insert photo' }).click();
  await expect(picker.getByRole('searchbox', { name: 'Search photos' })).toHaveValue('');
  app.pickFiles([harbour!]);
  await picker.getByRole('button', { name: 'Import from disk…' }).click();
  await expect(picker.getByTestId('import-summary')).toHaveText('Import finished: 1 photo imported');
  await expect(picker.getByRole('option', { selected: true })).toHaveAccessibleName(/^exifOnly\.jpg\./);
  await expectThumbnailsLoaded(picker, 3);
  await page.screenshot({ path: `${SCREENS}/photo-picker.png` });
  await picker.getByRole('button', { name: 'Cancel' }).click();
  await expect(picker).toBeHidden();

  await page.getByRole('button', { name: 'Insert photo' }).click();
  await page.keyboard.type('Montréal');
  await expect(picker.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
});
