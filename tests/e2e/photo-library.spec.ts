import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  EXIFTOOL_MISSING_REASON,
  FIXTURE_EXPECTED,
  POOL_IIM_CAPTION,
  exiftoolAvailable,
  makeBaseImage,
  makeBaseJpeg,
  makePhotoFixture,
  makePhotoFixtures,
  readWithExiftool,
} from '../support/photo-fixtures';
import { SCREENS, newArticle } from './drafting-helpers';
import { expect, test } from './harness/fixtures';
import {
  dropFiles,
  droppedFile,
  editor,
  embeddedValues,
  expectThumbnailsLoaded,
  fixtureDir,
  importSummary,
  importWithPicker,
  openLibrary,
  pasteFiles,
  tile,
  tiles,
} from './photo-library-helpers';

// The photo library end to end: pictures with agency metadata written by exiftool, imported into
// the real media library through the built renderer.

test.skip(!exiftoolAvailable(), EXIFTOOL_MISSING_REASON);

const field = (page: import('@playwright/test').Page, name: string) => editor(page).locator(`[data-field="${name}"]`);

test('imported photos show thumbnails, their metadata and where each value came from', async ({ app }) => {
  const { page } = app;
  const dir = await fixtureDir();
  const files = await makePhotoFixtures(dir);
  await openLibrary(page);
  await expect(page.getByText('No photos yet')).toBeVisible();

  await importWithPicker(app, Object.values(files));
  await expect(importSummary(page)).toHaveText('Import finished: 6 photos imported');
  await expect(page.getByTestId('import-row')).toHaveCount(0); // nothing needs a look
  await page.getByRole('button', { name: 'Show all 6 files' }).click();
  await expect(page.getByTestId('import-row').filter({ hasText: 'Imported' })).toHaveCount(6);
  await expectThumbnailsLoaded(page, 6);
  await page.getByRole('button', { name: 'Dismiss import report' }).click();

  // The pool picture: XMP wins over IIM, and the panel shows what each block said.
  await tile(page, 'iimAndXmp.jpg').click();
  const panel = editor(page);
  await expect(panel.getByLabel('Description', { exact: true })).toHaveValue(FIXTURE_EXPECTED.iimAndXmp.description!);
  await expect(field(page, 'description').getByTestId('field-source')).toHaveText('XMP');
  await expect(panel.getByLabel('Creator', { exact: true })).toHaveValue('Gonzalo Fuentes');
  await expect(panel.getByLabel('Credit line', { exact: true })).toHaveValue('POOL/AFP via Getty Images');
  const blocks = await embeddedValues(panel, 'Description');
  await expect(blocks).toContainText(`IPTC IIM${POOL_IIM_CAPTION}`);
  await expect(blocks).toContainText(`XMP${FIXTURE_EXPECTED.iimAndXmp.description}`);
  await expect(blocks).toContainText('EXIFNot in this block');
  await expect(panel.getByTestId('house-credit')).toContainText('Gonzalo Fuentes');
  await expect(panel.getByTestId('photo-restrictions')).toContainText('POOL');
  await expect(panel.getByText('iimAndXmp.jpg', { exact: true })).toBeVisible(); // file facts
  await expect(panel.getByText('640 × 427 px')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/photo-editor.png` });

  // IIM with the UTF-8 marker: accents survive.
  await tile(page, 'iimUtf8.jpg').click();
  await expect(panel.getByLabel('City', { exact: true })).toHaveValue('MONTRÉAL');
  await expect(field(page, 'city').getByTestId('field-source')).toHaveText('IPTC IIM');
  await expect(panel.getByLabel('Description', { exact: true })).toHaveValue(FIXTURE_EXPECTED.iimUtf8.description!);

  // EXIF only: creator from Artist; a field nothing filled says so.
  await tile(page, 'exifOnly.jpg').click();
  await expect(panel.getByLabel('Creator', { exact: true })).toHaveValue('Jane Doe');
  await expect(field(page, 'creator').getByTestId('field-source')).toHaveText('EXIF');
  await expect(field(page, 'city').getByTestId('field-source')).toHaveText('Not in file');

  // A picture without metadata is flagged in the grid; restricted ones carry their labels.
  await expect(tile(page, 'none.jpg')).toContainText('No credit');
  await expect(tile(page, 'iimAndXmp.jpg')).toContainText('POOL');
  await expect(tile(page, 'xmpOnly.jpg')).not.toContainText('No credit');
  await page.screenshot({ path: `${SCREENS}/library-grid.png` });
});

test('dropped files are imported; a fake and a truncated JPEG fail with their own message', async ({ app }) => {
  const { page } = app;
  const dir = await fixtureDir();
  const good = await makePhotoFixture(dir, 'xmpOnly');
  const png = join(dir, 'chart.png');
  await makeBaseImage(png, 'png', { seed: 5, width: 300, height: 200 });
  const whole = join(dir, 'whole.jpg');
  await makeBaseJpeg(whole, { seed: 9 });
  const truncated = await droppedFile(whole, 'image/jpeg', 'truncated.jpg');
  truncated.bytes = truncated.bytes.subarray(0, Math.floor(truncated.bytes.length * 0.4));
  const fake = join(dir, 'notes.jpg');
  await writeFile(fake, 'Meeting notes: call the agency about the pool credit.\n');

  // Dropped on the drafting desk (outside the editor): they still go to the library.
  await dropFiles(page, [await droppedFile(good), await droppedFile(png, 'image/png'), await droppedFile(fake), truncated]);
  await expect(importSummary(page)).toContainText('Import finished: 2 photos imported, 2 failed', { timeout: 30_000 });
  const rows = page.getByTestId('import-row');
  await expect(rows.filter({ hasText: 'notes.jpg' })).toHaveAttribute('data-state', 'failed');
  await expect(rows.filter({ hasText: 'truncated.jpg' })).toHaveAttribute('data-state', 'failed');
  for (const name of ['notes.jpg', 'truncated.jpg']) {
    await expect(rows.filter({ hasText: name }).locator('.nd-import__message')).not.toBeEmpty();
  }
  await expect(rows).toHaveCount(2); // only the files that need a look
  await page.getByRole('button', { name: 'Show all 4 files' }).click();
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toHaveAttribute('data-state', 'failed'); // problems are listed first
  await page.getByTestId('import-panel').screenshot({ path: `${SCREENS}/import-errors.png` });

  await openLibrary(page);
  await expect(tiles(page)).toHaveCount(2);
  await expect(tile(page, 'xmpOnly.jpg')).toBeVisible();
  await expect(tile(page, 'chart.png')).toBeVisible();
  await expectThumbnailsLoaded(page, 2);

  // A picture pasted while the library shows is imported as well.
  const pasted = join(dir, 'pasted.jpg');
  await makeBaseJpeg(pasted, { seed: 12, width: 200, height: 150 });
  await pasteFiles(page, [await droppedFile(pasted)]);
  await expect(tiles(page)).toHaveCount(3);
  await expect(tile(page, 'pasted.jpg')).toBeVisible();
});

test('search and the two filters narrow the grid', async ({ app }) => {
  const { page } = app;
  const files = await makePhotoFixtures(await fixtureDir());
  await openLibrary(page);
  await importWithPicker(app, Object.values(files));
  await expect(tiles(page)).toHaveCount(6);

  const search = page.getByRole('searchbox', { name: 'Search photos' });
  await search.fill('Fuentes');
  await expect(tiles(page)).toHaveCount(1);
  await expect(tile(page, 'iimAndXmp.jpg')).toBeVisible();
  await search.fill('firefighter');
  await expect(tiles(page)).toHaveCount(1);
  await expect(tile(page, 'xmpOnly.jpg')).toBeVisible();
  await search.fill('');
  await expect(tiles(page)).toHaveCount(6);

  await page.getByRole('button', { name: /^Missing credit/ }).click();
  await expect(tiles(page)).toHaveCount(1);
  await expect(tile(page, 'none.jpg')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Missing credit/ })).toHaveText('Missing credit1');

  await page.getByRole('button', { name: /^Has usage restrictions/ }).click();
  await expect(tile(page, 'iimAndXmp.jpg')).toBeVisible();
  await expect(tile(page, 'none.jpg')).toBeHidden();
  await page.getByRole('button', { name: /^All/ }).click();
  await expect(tiles(page)).toHaveCount(6);

  // Ctrl/Cmd+Shift+F and "/" reach the library's search box while it shows.
  await page.getByRole('listbox', { name: 'Photos' }).focus();
  await page.keyboard.press('ControlOrMeta+Shift+F');
  await expect(search).toBeFocused();
  await page.getByRole('listbox', { name: 'Photos' }).focus();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();

  // Ctrl/Cmd+1 and Ctrl/Cmd+2 switch desks; the library keeps its search.
  await page.keyboard.press('ControlOrMeta+1');
  await expect(page.getByRole('tab', { name: 'Articles' })).toHaveAttribute('aria-selected', 'true');
  await expect(search).toBeHidden();
  await page.keyboard.press('ControlOrMeta+2');
  await expect(page.getByRole('tab', { name: 'Photos' })).toHaveAttribute('aria-selected', 'true');
  await expect(tiles(page)).toHaveCount(6);

  // The desk's credit style, saved in settings, is what the grid shows.
  await expect(tile(page, 'xmpOnly.jpg')).toContainText('Gleb Garanich/Reuters');
  await page.getByRole('button', { name: 'Credit style…' }).click();
  const styleDialog = page.getByTestId('credit-style-dialog');
  await styleDialog.getByLabel('Default pattern').fill('{creator} / {agency}');
  await styleDialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Saved the credit style.' })).toBeVisible();
  await expect(styleDialog).toBeHidden();
  await expect(tile(page, 'xmpOnly.jpg')).toContainText('Gleb Garanich / Reuters');
  expect(app.services().settings.get().photoDesk.credit.pattern).toBe('{creator} / {agency}');
});

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
