import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXIFTOOL_MISSING_REASON, exiftoolAvailable, makeBaseJpeg, makePhotoFixture, writeWithExiftool } from '../support/photo-fixtures';
import { SCREENS } from './drafting-helpers';
import { expect, test } from './harness/fixtures';
import { editor, field, fixtureDir, importWithPicker, openLibrary, tile, tiles } from './photo-library-helpers';

// Agency files as a photo desk receives them: a handout marked "HO" with restrictions and location
// fields, and a pool picture whose IPTC IIM caption differs from its XMP one.

test.skip(!exiftoolAvailable(), EXIFTOOL_MISSING_REASON);

test('a handout gets the house handout credit, its restrictions and its agency fields', async ({ app }) => {
  const { page } = app;
  const dir = await fixtureDir();
  const handout = await makePhotoFixture(dir, 'handout');
  await openLibrary(page);
  await importWithPicker(app, [handout]);
  await tile(page, 'handout.jpg').click();

  // Source "HO": the private person who took it is not presented as a Reuters photographer.
  await expect(editor(page).getByTestId('house-credit')).toContainText('Handout/Reuters');
  await expect(tile(page, 'handout.jpg')).toContainText('Handout/Reuters');
  const restrictions = editor(page).getByTestId('photo-restrictions');
  for (const label of ['ONE-TIME USE', 'NOT FOR RESALE', 'NO ARCHIVE', 'USE WITHIN 14 DAYS (until 28 Mar 2026)']) {
    await expect(restrictions.getByText(label, { exact: true })).toBeVisible();
  }
  await expect(editor(page).getByRole('textbox', { name: 'Transmission reference', exact: true })).toHaveValue('RC2X4A9ZQ1B8');
  await expect(editor(page).getByRole('textbox', { name: 'Province/State', exact: true })).toHaveValue('Odesa Oblast');
  await expect(editor(page).getByRole('textbox', { name: 'Country code', exact: true })).toHaveValue('UKR');
  await expect(editor(page).getByRole('textbox', { name: 'Sub-location', exact: true })).toHaveValue('Port of Odesa');
  await expect(editor(page).getByRole('textbox', { name: 'Extended description', exact: true })).toHaveValue(/Dark smoke rises/);
  await expect(field(page, 'transmissionReference').getByTestId('field-source')).toHaveText('XMP');
  await editor(page).getByTestId('house-credit').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/handout-credit.png` });

  // The transmission reference is editable and searchable (kill notices cite it).
  const reference = editor(page).getByRole('textbox', { name: 'Transmission reference', exact: true });
  await reference.fill('RC2X4A9ZQ1B9');
  await reference.blur();
  await expect(page.getByTestId('photo-save-state')).toHaveText('Saved');
  const search = page.getByRole('searchbox', { name: 'Search photos' });
  await search.fill('RC2X4A9ZQ1B9');
  await expect(tiles(page)).toHaveCount(1);
  await search.fill('Odesa Oblast');
  await expect(tiles(page)).toHaveCount(1);
  await search.fill('');

  // The house style's handout rule, chosen from the examples in the credit style dialog.
  await page.getByRole('button', { name: 'Credit style…' }).click();
  const styleDialog = page.getByTestId('credit-style-dialog');
  await styleDialog.getByRole('button', { name: '{creator}/Handout via {agency}' }).click();
  await expect(styleDialog.getByLabel('Handout pattern')).toHaveValue('{creator}/Handout via {agency}');
  const examples = styleDialog.getByTestId('credit-example-result');
  await expect(examples).toContainText(['Maria Kovalenko/Handout via Reuters']);
  await page.screenshot({ path: `${SCREENS}/handout-credit-style.png` });
  await styleDialog.getByRole('button', { name: 'Save' }).click();
  await expect(styleDialog).toBeHidden();
  await expect(editor(page).getByTestId('house-credit')).toContainText('Maria Kovalenko/Handout via Reuters');
  expect(app.services().settings.get().photoDesk.credit.handoutPattern).toBe('{creator}/Handout via {agency}');
});

test('a field whose IIM and XMP blocks disagree is marked, and the library lists such photos', async ({ app }) => {
  const { page } = app;
  const dir = await fixtureDir();
  const pool = await makePhotoFixture(dir, 'iimAndXmp', { seed: 1 });
  const plain = await makePhotoFixture(dir, 'exifOnly', { seed: 2 });
  await openLibrary(page);
  await importWithPicker(app, [pool, plain]);
  await tile(page, 'iimAndXmp.jpg').click();

  const caption = field(page, 'description');
  await expect(caption.getByTestId('field-disagrees')).toBeVisible();
  await expect(field(page, 'creditLine').getByTestId('field-disagrees')).toHaveCount(0);
  await caption.getByTestId('field-disagrees').click();
  await expect(caption.getByRole('definition').nth(1)).toContainText('Elysee Palace in Paris…');
  await caption.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/metadata-disagrees.png` });

  await page.getByRole('button', { name: /^Metadata disagrees/ }).click();
  await expect(tiles(page)).toHaveCount(1);
  await expect(tile(page, 'iimAndXmp.jpg')).toBeVisible();
  await page.getByRole('button', { name: /^All/ }).click();
  await expect(tiles(page)).toHaveCount(2);
});

test('a photo whose IIM block is cut short imports with a warning naming what could not be read', async ({ app }) => {
  const { page } = app;
  const dir = await fixtureDir();
  const path = await makePhotoFixture(dir, 'handout', { name: 'cut-caption' });
  const bytes = await readFile(path);
  // The caption dataset (2:120) claims more bytes than its block holds, as in a file cut short by a tool.
  const caption = bytes.indexOf(Buffer.from([0x1c, 0x02, 0x78]));
  bytes[caption + 3] = 0x7f;
  await writeFile(path, bytes);
  await openLibrary(page);
  await importWithPicker(app, [path]);
  await tile(page, 'cut-caption.jpg').click();
  await expect(editor(page).getByTestId('metadata-warnings')).toContainText('cut short in its caption (dataset 2:120)');
  // The XMP block was whole: its values are all there.
  await expect(editor(page).getByRole('textbox', { name: 'Transmission reference', exact: true })).toHaveValue('RC2X4A9ZQ1B8');
});

test('a stock photo with only a copyright gets a credit suggestion that is used once confirmed', async ({ app }) => {
  const { page } = app;
  const path = join(await fixtureDir(), 'stock.jpg');
  await makeBaseJpeg(path, { seed: 9 });
  await writeWithExiftool(path, ['-XMP-dc:Rights=(c) Jane Doe | Shutterstock', '-IPTC:CopyrightNotice=(c) Jane Doe | Shutterstock']);
  await openLibrary(page);
  await importWithPicker(app, [path]);
  await tile(page, 'stock.jpg').click();
  const house = editor(page).getByTestId('house-credit');
  await expect(house).toContainText('No credit');
  await expect(house.getByTestId('credit-suggestion')).toContainText('Suggestion from the copyright notice, not used until confirmed: Jane Doe/Shutterstock');
  await house.getByRole('button', { name: 'Use this credit' }).click();
  await expect(page.getByTestId('photo-save-state')).toHaveText('Saved');
  await expect(house.locator('.nd-house-credit__text')).toHaveText('Jane Doe/Shutterstock');
  await expect(house.getByTestId('credit-suggestion')).toHaveCount(0);
  await expect(editor(page).getByRole('textbox', { name: 'Credit line', exact: true })).toHaveValue('Shutterstock');
});
