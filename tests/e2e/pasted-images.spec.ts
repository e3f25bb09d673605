import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeBaseImage } from '../support/photo-fixtures';
import { altOf, bodyBlocks, captionOf, photos } from './article-photos-helpers';
import { newArticle, paste, saved, SCREENS } from './drafting-helpers';
import { expect, test } from './harness/fixtures';
import { fixtureDir } from './photo-library-helpers';

// Pictures in pasted content are never silently dropped: those the photo library can take (image
// files, data: URLs, web addresses main can download) are imported and inserted as photos; the
// editor names the ones left out, and why. Web pictures from a server: pasted-web-images.spec.ts.

test('pasted images that cannot be imported are listed', async ({ app }) => {
  const { page } = app;
  const body = await newArticle(page, 'Pasted with pictures');
  // .invalid never resolves (RFC 2606): a web picture that cannot be reached, as offline.
  await paste(
    body,
    '<p>Before</p><img src="https://cdn.example.invalid/riot.jpg"><p>After</p><img src="data:image/svg+xml;base64,PHN2Zz4=">' +
      '<figure><img src="file:///C:/Users/ana/riot.png"><figcaption>Police lines at dusk.</figcaption></figure>',
    'Before After',
  );
  await expect(body).toContainText('Before');
  await expect(body.locator('img')).toHaveCount(0);
  const notice = page.getByTestId('pasted-images-notice');
  await expect(notice).toContainText('3 pasted images were left out');
  await expect(notice).toContainText('https://cdn.example.invalid/riot.jpg: cdn.example.invalid could not be found');
  await expect(notice).toContainText('an embedded image/svg+xml that is not a picture Newsdesk imports');
  // A picture the desk cannot fetch keeps its caption in the list, since it was not pasted as text.
  await expect(notice).toContainText('file:///C:/Users/ana/riot.png: not a web address Newsdesk can fetch (caption: “Police lines at dusk.”)');
  await expect(notice.getByRole('button', { name: 'Try again' })).toBeVisible();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
  // A paste without images says nothing.
  await paste(body, '<p>Just words</p>', 'Just words');
  await expect(notice).toBeHidden();
  // Nor does a copy from a Newsdesk editor: its photos are the desk's own nodes, pasted whole by Lexical.
  await body.evaluate((element) => {
    const transfer = new DataTransfer();
    transfer.setData('application/x-lexical-editor', JSON.stringify({ namespace: 'newsdesk', nodes: [] }));
    transfer.setData('text/html', '<figure><img src="app://newsdesk/photo/ab.jpg" alt="Quay"><figcaption>The quay.</figcaption></figure>');
    transfer.setData('text/plain', 'The quay.');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  });
  await expect(body).toContainText('Just words');
  await expect(notice).toBeHidden();
});

test('a picture pasted as a data: URL with text is imported into the library and inserted where it stood', async ({ app }) => {
  const { page } = app;
  const dir = await fixtureDir();
  const file = join(dir, 'scan.jpg');
  await makeBaseImage(file, 'jpeg', { width: 320, height: 200, seed: 21 });
  const url = `data:image/jpeg;base64,${(await readFile(file)).toString('base64')}`;
  const body = await newArticle(page, 'Pasted from Docs');
  await paste(
    body,
    `<p>Flood waters rose overnight.</p><figure><img src="${url}" alt="Flooded street"><figcaption>Water on Quay Street.</figcaption></figure>` +
      '<p>Roads were closed.</p><img src="https://cdn.example.invalid/remote.jpg"><p>Schools stay shut.</p>',
    'Flood waters rose overnight. Roads were closed. Schools stay shut.',
  );

  await expect(body).toContainText('Flood waters rose overnight.');
  await expect(photos(page)).toHaveCount(1, { timeout: 20_000 });
  await expect
    .poll(() => photos(page).locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth), { message: 'the pasted photo shows' })
    .toBeGreaterThan(0);
  const notice = page.getByTestId('pasted-images-notice');
  await expect(notice).toContainText('1 pasted image was left out');
  await expect(notice).toContainText('https://cdn.example.invalid/remote.jpg');
  // The page's alt text and figure caption go with the picture; the caption is not pasted as text too.
  // The photo stands where the picture stood in the pasted text.
  expect(await bodyBlocks(body)).toEqual(['Flood waters rose overnight.', 'photo', 'Roads were closed.', 'Schools stay shut.']);
  await expect(altOf(photos(page))).toHaveValue('Flooded street');
  await expect(captionOf(photos(page))).toHaveText('Water on Quay Street.');
  await expect(body.locator(':scope > p', { hasText: 'Water on Quay Street.' })).toHaveCount(0);
  await saved(page);
  await page.screenshot({ path: `${SCREENS}/pasted-data-url-image.png` });

  const library = await app.services().media.list({});
  expect(library.items.map((photo) => [photo.fileName, photo.width, photo.height])).toEqual([['pasted-image-1.jpg', 320, 200]]);
  const [summary] = (await app.services().drafts.list({})).items;
  const stored = JSON.stringify((await app.services().drafts.get(summary!.id)).body);
  expect(stored).toContain(library.items[0]!.id);
});
