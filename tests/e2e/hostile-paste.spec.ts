import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { auditHtml, squeeze, visibleText } from '../security/hostile-html-audit';
import { asClipboardHtml, CANARY_INIT_SCRIPT, MARKUP_VECTORS, TEXT_VECTORS, XSS_CORPUS } from '../security/xss-corpus';
import { EXIFTOOL_MISSING_REASON, exiftoolAvailable } from '../support/photo-fixtures';
import { SCREENS, draftItem, newArticle, saved } from './drafting-helpers';
import { expect, test } from './harness/fixtures';
import { activeMarkupIn, compact, ninjsValidator, pasteData, storedArticleProblems, watchForXss } from './hostile-helpers';
import { fillEveryPiece, hostilePhotoFile, HOSTILE_FIELDS, placeInNewsFeed, exportThroughMenu } from './hostile-scenes';
import { altOf, captionOf, creditOf, leadField, photos, pickFromLibrary } from './article-photos-helpers';
import { editor, importWithPicker, openLibrary } from './photo-library-helpers';

// The whole XSS corpus (tests/security/xss-corpus.ts) thrown at the app the ways hostile text
// arrives: pasted into the body as HTML and as plain text, typed into the headline, dek and a
// photo's caption, credit and alt text, and carried in an agency photo's IPTC/XMP. Then shown in
// the library, the photo editor, the article figure, the reader and feed previews, and exported.
// Throughout: the canary never fires, no dialog opens, no request leaves the app, no CSP
// violation happens (a blocked handler would be a handler that reached the page), and the words
// stay words.

/** The editor's own clipboard format as a hostile page would craft it: styles, a script link, an h1. */
const CRAFTED_LEXICAL_CLIPBOARD = {
  namespace: 'newsdesk-article',
  nodes: [
    {
      type: 'heading', tag: 'h1', version: 1, format: '', indent: 0, direction: null,
      children: [{ type: 'text', version: 1, text: 'Crafted clipboard words', format: 0, mode: 'normal', detail: 0, style: 'background-image:url(https://evil.example/styled.png)' }],
    },
    {
      type: 'paragraph', version: 1, format: '', indent: 0, direction: null, textFormat: 0, textStyle: 'background:url(https://evil.example/p.png)',
      children: [{ type: 'link', version: 1, url: "javascript:__xss('lexical-link')", rel: null, target: null, title: null, format: '', indent: 0, direction: null, children: [{ type: 'text', version: 1, text: 'crafted link', format: 0, mode: 'normal', detail: 0, style: '' }] }],
    },
  ],
};

test('every vector pasted into the body, as HTML and as plain text, runs nothing and stays text', async ({ launch, page, baseUrl }) => {
  const { alarms } = await watchForXss(page, () => [baseUrl]);
  const app = await launch();
  const body = await newArticle(page, 'Hostile paste');

  // Plain text first, so the top of the editor shows the markup as the words a reader would see.
  for (const vector of XSS_CORPUS) await pasteData(body, { 'text/plain': `[${vector.id}] ${vector.payload}\n` });
  for (const vector of XSS_CORPUS) await pasteData(body, { 'text/html': `<p>kept [${vector.id}]</p>${asClipboardHtml(vector)}` });
  // A page can put the editor's own clipboard format on the clipboard too, bypassing the HTML path.
  await pasteData(body, { 'application/x-lexical-editor': JSON.stringify(CRAFTED_LEXICAL_CLIPBOARD), 'text/plain': 'fallback' });
  await saved(page);

  expect(await alarms()).toEqual([]);
  expect(await activeMarkupIn(body)).toEqual([]);
  const shown = compact(await body.innerText());
  // Every plain-text paste is there word for word, markup characters included.
  const missingPlain = XSS_CORPUS.filter((vector) => !shown.includes(compact(`[${vector.id}] ${vector.payload}`))).map((vector) => vector.id);
  expect(missingPlain).toEqual([]);
  // Every HTML paste kept its harmless words: the marker, the vector's own words, look-alike text.
  const missingHtml = XSS_CORPUS.filter((vector) => {
    const words = [`kept [${vector.id}]`, ...(vector.keeps ? [vector.keeps] : [])];
    return words.some((text) => !shown.includes(compact(text)));
  }).map((vector) => vector.id);
  expect(missingHtml).toEqual([]);
  expect(shown).toContain(compact('Crafted clipboard words'));

  const id = (await draftItem(page, 'Hostile paste').getAttribute('data-id'))!;
  const stored = await storedArticleProblems(app.dataDir, id);
  expect(stored.problems).toEqual([]);
  for (const vector of TEXT_VECTORS) expect(compact(stored.text)).toContain(compact(vector.payload));

  await body.evaluate((element) => {
    for (let node: Element | null = element; node; node = node.parentElement) node.scrollTop = 0;
  });
  await page.screenshot({ path: `${SCREENS}/hostile-paste-editor.png` });
  expect(await alarms()).toEqual([]);
});

type NinjsShape = {
  bodies: { value: string }[];
  headlines: { value: string }[];
  associations: { name: string; descriptions: { role: string; value: string }[] }[];
};

test.describe('hostile fields and photo metadata', () => {
  test.skip(!exiftoolAvailable(), EXIFTOOL_MISSING_REASON);

  test('vectors in fields and IPTC/XMP stay inert in the library, the article, the previews and every export', async ({ launch, page, baseUrl }) => {
    test.setTimeout(240_000);
    const { alarms } = await watchForXss(page, () => [baseUrl]);
    const app = await launch();
    const photo = await hostilePhotoFile();

    // The library: tile, then the photo editor, show the metadata as words.
    await openLibrary(page);
    await importWithPicker(app, [photo.path]);
    const tile = page.getByTestId('photo-tile').first();
    await expect(tile).toBeVisible();
    await tile.click();
    await expect(editor(page).getByLabel('Credit line', { exact: true })).toHaveValue(photo.metadata.creditLine);
    await expect(editor(page).getByLabel('Headline', { exact: true })).toHaveValue(photo.metadata.headline);
    expect(await activeMarkupIn(page.locator('body'))).toEqual([]);
    expect(await alarms()).toEqual([]);

    // The article: the photo as lead (caption and credit from its metadata) and inline (typed over).
    // The library stays mounted behind the article desk (its Headline field too); start afresh.
    await app.restart();
    const body = await newArticle(page, 'Hostile fields');
    await body.pressSequentially('Opening words.');
    await body.press('Enter');
    await page.getByRole('button', { name: 'Insert photo' }).click();
    await pickFromLibrary(page, photo.fileName);
    const figure = photos(page).first();
    await expect(figure).toBeVisible();
    await leadField(page).getByRole('button', { name: 'Choose…' }).click();
    await pickFromLibrary(page, photo.fileName);
    await expect(leadField(page).getByLabel('Caption')).toHaveValue(photo.metadata.description);
    expect(await activeMarkupIn(page.locator('body'))).toEqual([]);

    // The caption editor has its own paste path (text and links only): every vector, as HTML and as text.
    await captionOf(figure).click();
    for (const vector of XSS_CORPUS) {
      await pasteData(captionOf(figure), { 'text/html': asClipboardHtml(vector), 'text/plain': vector.payload });
      await pasteData(captionOf(figure), { 'text/plain': ` ${vector.id} ` });
    }
    const captionShown = compact(await captionOf(figure).innerText());
    expect(XSS_CORPUS.filter((vector) => !captionShown.includes(compact(vector.id))).map((vector) => vector.id)).toEqual([]);
    expect(await activeMarkupIn(page.locator('body'))).toEqual([]);
    expect(await alarms()).toEqual([]);

    expect(HOSTILE_FIELDS.headline.length).toBeGreaterThan(3); // the corpus goes in over several fills
    await fillEveryPiece(page.getByLabel('Headline'), HOSTILE_FIELDS.headline);
    await fillEveryPiece(page.getByLabel('Dek'), HOSTILE_FIELDS.dek);
    await fillEveryPiece(creditOf(figure), HOSTILE_FIELDS.credit);
    await fillEveryPiece(altOf(figure), HOSTILE_FIELDS.alt);
    await fillEveryPiece(captionOf(figure), HOSTILE_FIELDS.caption);
    await saved(page);
    expect(await activeMarkupIn(page.locator('body'))).toEqual([]);
    expect(await alarms()).toEqual([]);
    const finalHeadline = HOSTILE_FIELDS.headline.at(-1)!;
    const id = (await draftItem(page, finalHeadline.slice(0, 40)).getAttribute('data-id'))!;
    expect((await storedArticleProblems(app.dataDir, id)).problems).toEqual([]);

    // The reader preview prints every field as text.
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByTestId('article-preview');
    await expect(preview.getByRole('heading', { level: 1 })).toHaveText(squeeze(finalHeadline));
    await expect(preview).toContainText(squeeze(HOSTILE_FIELDS.dek.at(-1)!));
    await expect(preview.getByTestId('article-photo').locator('figcaption')).toContainText(squeeze(HOSTILE_FIELDS.caption.at(-1)!));
    expect(await activeMarkupIn(page.locator('body'))).toEqual([]);
    await page.screenshot({ path: `${SCREENS}/hostile-paste-preview.png` });
    await page.getByRole('button', { name: 'Preview' }).click();

    // Exports through the Export menu: HTML and both ninjs versions.
    const exported = await exportThroughMenu(app);
    const pageHtml = await readFile(exported.html, 'utf8');
    expect(auditHtml(pageHtml, { page: true })).toEqual([]);
    expect(visibleText(pageHtml)).toContain(squeeze(finalHeadline));
    for (const [version, path] of [['2.2', exported.ninjs22], ['3.1', exported.ninjs31]] as const) {
      const document = JSON.parse(await readFile(path, 'utf8')) as NinjsShape;
      const validate = ninjsValidator(version);
      validate(document);
      expect(validate.errors ?? []).toEqual([]);
      expect(auditHtml(document.bodies[0]!.value)).toEqual([]);
      expect(document.headlines[0]!.value).toBe(finalHeadline.trim());
      // The lead photo's caption came from the file's XMP, vectors and all: exported as the same text.
      const lead = document.associations.find((association) => association.name === 'lead-photo');
      expect(lead?.descriptions.find((entry) => entry.role === 'caption')?.value).toBe(photo.metadata.description);
    }

    // The exported page opened on its own in Chromium (no CSP there): nothing runs or loads.
    const reader = await page.context().newPage();
    await reader.addInitScript(CANARY_INIT_SCRIPT);
    const readerAlarms: string[] = [];
    reader.on('dialog', (dialog) => {
      readerAlarms.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    reader.on('request', (request) => {
      if (!request.url().startsWith('file://')) readerAlarms.push(`request: ${request.url()}`);
    });
    await reader.goto(pathToFileURL(exported.html).href);
    await expect(reader.locator('h1')).toHaveText(squeeze(finalHeadline));
    readerAlarms.push(...(await reader.evaluate(() => [...((window as unknown as { __xssFired: string[] }).__xssFired ?? [])])));
    expect(readerAlarms).toEqual([]);
    await reader.close();

    // The feed preview, with the article placed in News Feed.
    await placeInNewsFeed(page, id);
    await page.keyboard.press('Control+3');
    await page.getByRole('button', { name: 'Preview feed' }).click();
    const feed = page.getByTestId('feed-preview').getByTestId('preview-desktop');
    await expect(feed.getByTestId('feed-item-headline')).toHaveText(squeeze(finalHeadline));
    expect(await activeMarkupIn(page.locator('body'))).toEqual([]);
    expect(await alarms()).toEqual([]);
    expect(MARKUP_VECTORS.length).toBeGreaterThan(60);
  });
});
