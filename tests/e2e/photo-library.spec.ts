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
} from '../support/photo-fixtures';
import { SCREENS } from './drafting-helpers';
import { expect, test } from './harness/fixtures';
import {
  dropFiles,
  droppedFile,
  editor,
  embeddedValues,
  expectThumbnailsLoaded,
  field,
  fixtureDir,
  importSummary,
  importWithPicker,
  openLibrary,
  pasteFiles,
  tile,
  tiles,
} from './photo-library-helpers';

// The photo library end to end: pictures with agency metadata written by exiftool, imported into
// the real media library through the built renderer. Import, metadata and search are here; editing,
// selection, batch edit, cancelled imports and the photo picker are in photo-library-editing.spec.ts.

test.skip(!exiftoolAvailable(), EXIFTOOL_MISSING_REASON);

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
  await page.screenshot({ path: `${SCREENS}/credit-style.png` });
  await styleDialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Saved the credit style.' })).toBeVisible();
  await expect(styleDialog).toBeHidden();
  await expect(tile(page, 'xmpOnly.jpg')).toContainText('Gleb Garanich / Reuters');
  expect(app.services().settings.get().photoDesk.credit.pattern).toBe('{creator} / {agency}');
});
