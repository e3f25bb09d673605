import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIFTOOL_MISSING_REASON, FIXTURE_EXPECTED, exiftoolAvailable, makePhotoFixture } from '../support/photo-fixtures';
import {
  altOf,
  captionOf,
  checkSummary,
  creditOf,
  dropFilesOn,
  expectImagesLoaded,
  leadField,
  pasteImageFiles,
  pasteInto,
  photos,
  pickFromDisk,
  pickFromLibrary,
} from './article-photos-helpers';
import { SCREENS, draftItem, newArticle, saved } from './drafting-helpers';
import { expect, test } from './harness/fixtures';

// Photos in an article end to end: agency pictures (metadata written by exiftool) imported into the
// real library, placed in the text and as the lead, checked before publishing, previewed.

test.skip(!exiftoolAvailable(), EXIFTOOL_MISSING_REASON);

const POOL_CREDIT = 'Gonzalo Fuentes/POOL/AFP via Getty Images';
const POOL = FIXTURE_EXPECTED.iimAndXmp;

async function fixtures(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-article-photos-'));
  await mkdir(dir, { recursive: true });
  return dir;
}

test('a credited photo in the text and as the lead keeps caption, credit, alt text and width across a restart', async ({ app }) => {
  const { page } = app;
  const credited = await makePhotoFixture(await fixtures(), 'iimAndXmp');
  const body = await newArticle(page, 'Budget press conference');
  await body.pressSequentially('The president spoke for an hour.');
  await body.press('Enter');

  // Insert photo → the picker → import from disk → into the text, prefilled from its metadata.
  await page.getByRole('button', { name: 'Insert photo' }).click();
  await pickFromDisk(app, credited);
  const photo = photos(page).first();
  await expect(photo).toBeVisible();
  await expect(captionOf(photo)).toHaveText(POOL.description!);
  await expect(creditOf(photo)).toHaveValue(POOL_CREDIT);
  await expect(altOf(photo)).toHaveValue(POOL.altText!);
  await expect(photo.getByTestId('restrictions')).toContainText('POOL');
  await expect(photo.getByTestId('restrictions')).toContainText('MANDATORY CREDIT');
  await expect(photo.getByTestId('credit-explanation')).toContainText('Gonzalo Fuentes');

  // The same photo as the lead, from the library.
  await leadField(page).getByRole('button', { name: 'Choose…' }).click();
  await pickFromLibrary(page, 'iimAndXmp.jpg');
  const lead = leadField(page);
  await expect(creditOf(lead)).toHaveValue(POOL_CREDIT);
  await expect(lead.getByLabel('Caption')).toHaveValue(POOL.description!);
  await expect(lead.getByTestId('restrictions')).toContainText('POOL');
  await expect(lead.getByTestId('restrictions')).toContainText('MANDATORY CREDIT');
  await lead.getByLabel('Caption').fill('President Macron at the Elysee Palace.');

  // Caption with bold words, a hand-edited alt text, and the wide layout.
  const caption = captionOf(photo);
  await caption.click();
  await caption.press('End');
  await caption.pressSequentially(' Seen ');
  await caption.press('Control+B');
  await caption.pressSequentially('from the back');
  await caption.press('Control+B');
  await caption.pressSequentially('.');
  await expect(caption.locator('strong')).toHaveText('from the back');
  await altOf(photo).fill('The president at a lectern, seen from the back of the room.');
  await photo.getByRole('button', { name: 'Wide' }).click();
  await expect(photo).toHaveAttribute('data-width', 'wide');
  await expectImagesLoaded(photo);
  await saved(page);
  const id = (await draftItem(page, 'Budget press conference').getAttribute('data-id'))!;
  const savedAt = (await app.services().drafts.get(id)).updatedAt;

  await app.restart();
  await draftItem(page, 'Budget press conference').click();
  const after = photos(page).first();
  await expect(captionOf(after)).toHaveText(`${POOL.description} Seen from the back.`);
  await expect(captionOf(after).locator('strong')).toHaveText('from the back');
  await expect(creditOf(after)).toHaveValue(POOL_CREDIT);
  await expect(altOf(after)).toHaveValue('The president at a lectern, seen from the back of the room.');
  await expect(after).toHaveAttribute('data-width', 'wide');
  await expect(after.getByTestId('restrictions')).toContainText('MANDATORY CREDIT');
  await expect(leadField(page).getByLabel('Caption')).toHaveValue('President Macron at the Elysee Palace.');
  await expect(creditOf(leadField(page))).toHaveValue(POOL_CREDIT);
  await expect(leadField(page).getByTestId('restrictions')).toContainText('POOL');
  await expectImagesLoaded(after);
  await expectImagesLoaded(leadField(page));
  // Restrictions are warnings, not blocks.
  await expect(checkSummary(page)).toHaveText(/warnings? before publishing/);
  // Opening the article (and loading its captions) is not an edit: nothing to undo, nothing saved again.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  expect((await app.services().drafts.get(id)).updatedAt).toBe(savedAt);
  await page.screenshot({ path: `${SCREENS}/article-credited-photos.png` });

  // The reader preview: lead and body photo captioned "caption (credit)", and the author's card.
  await page.getByRole('button', { name: 'Add author' }).click();
  await page.getByLabel('Author name').fill('Camille Martin');
  await page.getByLabel('Role of Camille Martin').fill('Paris Correspondent');
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByTestId('article-preview');
  await expect(preview.getByTestId('preview-lead').locator('figcaption')).toHaveText(`President Macron at the Elysee Palace. (${POOL_CREDIT})`);
  await expect(preview.getByTestId('article-photo').locator('figcaption')).toHaveText(`${POOL.description} Seen from the back. (${POOL_CREDIT})`);
  await expect(preview.getByTestId('author-card')).toContainText('Camille Martin');
  await expect(preview.getByTestId('author-card')).toContainText('Paris Correspondent');
  await expectImagesLoaded(preview);
  await page.screenshot({ path: `${SCREENS}/article-preview-credited.png` });
});

test('an uncredited photo blocks publishing until it has a credit and alt text; the preview prints caption (credit)', async ({ app }) => {
  const { page } = app;
  const uncredited = await makePhotoFixture(await fixtures(), 'none');
  const body = await newArticle(page, 'Harbour at dawn');
  await body.pressSequentially('Fishing boats leave before sunrise.');

  await dropFilesOn(body.locator('p').first(), [uncredited]);
  const photo = photos(page).first();
  await expect(photo).toBeVisible({ timeout: 30_000 });
  // Dropped mid-word, the photo goes after the paragraph instead of splitting it.
  await expect(body.locator('p').first()).toHaveText('Fishing boats leave before sunrise.');
  await expect(creditOf(photo)).toHaveValue('');
  await expect(checkSummary(page)).toHaveText('2 problems block publishing');

  await page.getByRole('button', { name: 'Check before publishing' }).click();
  const panel = page.getByTestId('prepublish-panel');
  await expect(panel.locator('[data-code="photo-missing-credit"]')).toContainText('has no credit');
  await expect(panel.locator('[data-code="photo-missing-alt"]')).toContainText('has no alt text');
  await page.screenshot({ path: `${SCREENS}/prepublish-check.png` });

  // "Show" puts the caret in the field to fix.
  await panel.locator('[data-code="photo-missing-credit"]').getByRole('button', { name: 'Show' }).click();
  await expect(creditOf(photo)).toBeFocused();
  await page.keyboard.type('Jane Doe/Newsdesk');
  await expect(panel.locator('[data-code="photo-missing-credit"]')).toHaveCount(0);
  await expect(checkSummary(page)).toHaveText('1 problem blocks publishing');
  await altOf(photo).fill('Three fishing boats on a calm sea at dawn.');
  await expect(panel.getByTestId('check-issue')).toHaveCount(0);
  await expect(panel).toContainText('Nothing blocks publishing');
  await expect(checkSummary(page)).toHaveText('Nothing blocks publishing');

  await captionOf(photo).click();
  await captionOf(photo).pressSequentially('Boats leave the harbour');
  await saved(page);

  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByTestId('article-preview');
  await expect(preview.getByRole('heading', { name: 'Harbour at dawn' })).toBeVisible();
  await expect(preview.locator('figcaption')).toHaveText('Boats leave the harbour (Jane Doe/Newsdesk)');
  await expect(preview).toContainText('1 min read');
  await expectImagesLoaded(preview);
  await page.screenshot({ path: `${SCREENS}/article-preview.png` });
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(photos(page)).toHaveCount(1);
});

const HOSTILE_CAPTION = `<h1>Headline inside</h1><script>window.__pwned = 'script'</script>
<p onclick="window.__pwned='click'" style="color:red">Plain <b>bold</b> words<img src=x onerror="window.__pwned='img'"></p>
<ul><li>listed</li></ul><iframe srcdoc="<script>parent.__pwned='frame'</script>"></iframe>`;

test('a caption keeps only text from a hostile paste, and a selected photo deletes and comes back with undo', async ({ app }) => {
  const { page } = app;
  const picture = await makePhotoFixture(await fixtures(), 'xmpOnly');
  const body = await newArticle(page, 'Warehouse fire');
  await body.pressSequentially('Firefighters worked through the night.');
  await dropFilesOn(body.locator('p').first(), [picture]);
  const photo = photos(page).first();
  await expect(photo).toBeVisible({ timeout: 30_000 });

  const caption = captionOf(photo);
  await caption.click();
  await caption.press('Control+A');
  await pasteInto(caption, HOSTILE_CAPTION, 'Headline inside Plain bold words listed');
  await expect(caption).toHaveText('Headline inside Plain bold words listed');
  await expect(caption.locator('strong')).toHaveText('bold');
  expect(await caption.locator('h1, h2, h3, img, script, iframe, ul, li, [style], [onclick]').count()).toBe(0);
  await expect(caption.locator('p')).toHaveCount(1);
  await caption.press('Enter'); // a caption is one paragraph
  await expect(caption.locator('p')).toHaveCount(1);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  // The paste is one undo step, and redo brings it back.
  await caption.press('Control+Z');
  await expect(caption).toHaveText(FIXTURE_EXPECTED.xmpOnly.description!);
  await caption.press('Control+Y');
  await expect(caption).toHaveText('Headline inside Plain bold words listed');

  // Click the picture to select the photo; Backspace removes it, undo brings it back with its caption.
  await photo.locator('img').click();
  await expect(photo).toHaveClass(/is-selected/);
  await page.keyboard.press('Backspace');
  await expect(photos(page)).toHaveCount(0);
  await body.press('Control+Z');
  await expect(photos(page)).toHaveCount(1);
  await expect(captionOf(photos(page).first())).toHaveText('Headline inside Plain bold words listed');

  // The caption edit alone was saved (captions are nested editors with their own changes).
  await saved(page);
  const id = (await draftItem(page, 'Warehouse fire').getAttribute('data-id'))!;
  const stored = JSON.stringify((await app.services().drafts.get(id)).body);
  expect(stored).toContain('"captionText":"Headline inside Plain bold words listed"');
  expect(stored).not.toMatch(/__pwned|<h1|"heading"/);

  // A picture pasted into the text is imported and placed like a dropped one.
  const pasted = await makePhotoFixture(await fixtures(), 'exifOnly');
  await body.locator('p').first().click();
  await pasteImageFiles(body, [pasted]);
  await expect(photos(page)).toHaveCount(2, { timeout: 30_000 });

  // A picture dropped on the lead photo field becomes the lead, captioned from its metadata.
  await dropFilesOn(leadField(page), [picture]);
  await expect(leadField(page).getByLabel('Caption')).toHaveValue(FIXTURE_EXPECTED.xmpOnly.description!);
  await expect(altOf(leadField(page))).toHaveValue(FIXTURE_EXPECTED.xmpOnly.altText!);
  await expectImagesLoaded(leadField(page));

  // Ctrl/Cmd+Shift+P opens the photo picker from the text.
  await body.locator('p').first().click();
  await body.press('Control+Shift+P');
  await expect(page.getByRole('dialog', { name: 'Insert photo' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Insert photo' })).toBeHidden();

  // A file that is not a picture says so, and the text is left as it was.
  const notes = join(await fixtures(), 'notes.jpg');
  await writeFile(notes, 'Meeting notes, not a picture.\n');
  await dropFilesOn(body.locator('p').first(), [notes]);
  await expect(page.getByTestId('toast').filter({ hasText: 'notes.jpg' })).toContainText('not imported');
  await expect(photos(page)).toHaveCount(2);
});

test('a photo no longer in the library shows a placeholder and blocks publishing', async ({ app }) => {
  const { page } = app;
  await newArticle(page, 'Old story');
  await saved(page);
  const id = (await draftItem(page, 'Old story').getAttribute('data-id'))!;
  const article = await app.services().drafts.get(id);
  const gone = {
    type: 'newsdesk-photo',
    version: 1,
    photoId: 'f'.repeat(64),
    altText: 'A photo that was deleted',
    credit: 'Jane Doe/Agency',
    creditEdited: true,
    width: 'regular',
    caption: { root: { type: 'root', version: 1, children: [], direction: null, format: '', indent: 0 } },
    captionText: '',
  };
  await app.services().drafts.save({ ...article, body: { root: { ...article.body.root, children: [...article.body.root.children, gone] } } }, 'manual');
  await page.reload();
  await draftItem(page, 'Old story').click();

  const photo = photos(page).first();
  await expect(photo.getByRole('img', { name: 'Missing photo' })).toContainText('no longer in the library');
  await expect(creditOf(photo)).toHaveValue('Jane Doe/Agency');
  await expect(checkSummary(page)).toHaveText('1 problem blocks publishing');
  await page.getByRole('button', { name: 'Check before publishing' }).click();
  await expect(page.getByTestId('prepublish-panel').locator('[data-code="photo-not-in-library"]')).toContainText('not in the photo library');
  await photo.getByRole('button', { name: 'Remove' }).click();
  await expect(photos(page)).toHaveCount(0);
  await expect(checkSummary(page)).toHaveText('Nothing blocks publishing');
});
