import { readFile } from 'node:fs/promises';
import { altOf, bodyBlocks, captionOf, creditOf, photos } from './article-photos-helpers';
import { newArticle, paste, saved, SCREENS } from './drafting-helpers';
import { expect, test } from './harness/fixtures';
import { fixtureDir } from './photo-library-helpers';
import { serveBytes, startImageServer, type ImageServer } from '../support/image-server';
import { EXIFTOOL_MISSING_REASON, FIXTURE_EXPECTED, exiftoolAvailable, makePhotoFixture } from '../support/photo-fixtures';

// Pictures on the web in pasted HTML (a page, Word, Docs) are downloaded by main into the photo
// library, with the metadata their files carry, and inserted as photos with the page's alt text and
// caption. A local server on 127.0.0.1 plays the web site (the harness allows loopback for it).

test.skip(!exiftoolAvailable(), EXIFTOOL_MISSING_REASON);

let server: ImageServer | null = null;
test.afterEach(async () => {
  await server?.close();
  server = null;
});

/** An agency JPEG (The Canadian Press, no alt text of its own), as bytes a web server sends. */
async function agencyPicture(): Promise<Buffer> {
  return readFile(await makePhotoFixture(await fixtureDir(), 'iimUtf8', { name: 'montreal' }));
}

test('a pasted web picture is downloaded into the library and inserted with its credit, alt text and caption', async ({ app }) => {
  const { page } = app;
  server = await startImageServer();
  server.route('/news/montreal.jpg', serveBytes(await agencyPicture(), 'image/jpeg'));
  const body = await newArticle(page, 'Pasted from a web page');
  await paste(
    body,
    `<p>Protesters marched despite the rain.</p><figure><img src="${server.origin}/news/montreal.jpg" alt="Marchers under umbrellas" title="ignored">` +
      '<figcaption>Marchers on Sainte-Catherine Street.</figcaption></figure><p>The march ended at noon.</p>',
    'Protesters marched despite the rain. The march ended at noon.',
  );

  await expect(photos(page)).toHaveCount(1, { timeout: 20_000 });
  // Where the picture stood in the page: between the two paragraphs.
  expect(await bodyBlocks(body)).toEqual(['Protesters marched despite the rain.', 'photo', 'The march ended at noon.']);
  await expect(altOf(photos(page))).toHaveValue('Marchers under umbrellas');
  await expect(captionOf(photos(page))).toHaveText('Marchers on Sainte-Catherine Street.');
  await expect(creditOf(photos(page))).toHaveValue(/The Canadian Press/);
  await expect(body.locator(':scope > p', { hasText: 'Sainte-Catherine' })).toHaveCount(0);
  await expect
    .poll(() => photos(page).locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth), { message: 'the downloaded photo shows' })
    .toBeGreaterThan(0);
  await expect(page.getByTestId('pasted-images-notice')).toBeHidden();
  await saved(page);
  await page.screenshot({ path: `${SCREENS}/pasted-web-image.png` });

  const library = await app.services().media.list({});
  expect(library.items).toHaveLength(1);
  expect(library.items[0]).toMatchObject({
    fileName: 'montreal.jpg',
    metadata: { creditLine: FIXTURE_EXPECTED.iimUtf8.creditLine, creator: FIXTURE_EXPECTED.iimUtf8.creator, altText: 'Marchers under umbrellas' },
  });
  const [summary] = (await app.services().drafts.list({})).items;
  const stored = JSON.stringify((await app.services().drafts.get(summary!.id)).body);
  expect(stored).toContain(library.items[0]!.id);
  expect(stored).toContain('"altText":"Marchers under umbrellas"');
});

test('a web picture that cannot be reached is listed with Try again, which brings it in once the site answers', async ({ app }) => {
  const { page } = app;
  // A port nothing listens on yet: the site is down (or the desk offline) when the text is pasted.
  const probe = await startImageServer();
  const { port } = probe;
  await probe.close();
  const address = `http://127.0.0.1:${port}/news/montreal.jpg`;
  const body = await newArticle(page, 'Pasted while the site was down');
  // No alt text on this page, only a title: the title says what the picture shows.
  await paste(body, `<p>Protesters marched.</p><img src="${address}" title="Marchers under umbrellas">`, 'Protesters marched.');

  const notice = page.getByTestId('pasted-images-notice');
  await expect(notice).toContainText('1 pasted image was left out');
  await expect(notice).toContainText(`${address}: 127.0.0.1 could not be reached (ECONNREFUSED); check the connection`);
  await expect(photos(page)).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/pasted-web-image-left-out.png` });

  server = await startImageServer(port);
  server.route('/news/montreal.jpg', serveBytes(await agencyPicture(), 'image/jpeg'));
  await notice.getByRole('button', { name: 'Try again' }).click();
  await expect(photos(page)).toHaveCount(1, { timeout: 20_000 });
  await expect(altOf(photos(page))).toHaveValue('Marchers under umbrellas');
  await expect(notice).toBeHidden();
  expect(server.requests).toEqual(['/news/montreal.jpg']);
});

test('refused pictures are listed without Try again, and no private address is contacted', async ({ app }) => {
  const { page } = app;
  server = await startImageServer();
  server.route('/page.html', serveBytes('<html><body>Sign in</body></html>', 'text/html'));
  const body = await newArticle(page, 'Pasted with refused pictures');
  await paste(
    body,
    `<p>Words.</p><img src="${server.origin}/page.html"><img src="https://192.168.1.1/admin.png"><img src="http://cdn.example.invalid/plain.jpg">`,
    'Words.',
  );
  const notice = page.getByTestId('pasted-images-notice');
  await expect(notice).toContainText('3 pasted images were left out');
  await expect(notice).toContainText('“page.html” is not an image Newsdesk can read');
  await expect(notice).toContainText('https://192.168.1.1/admin.png: 192.168.1.1 is a private or local network address');
  await expect(notice).toContainText('http://cdn.example.invalid/plain.jpg: Newsdesk only fetches pictures over https (this one is http)');
  await expect(notice.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  expect(await app.services().media.list({})).toMatchObject({ items: [] });
});
