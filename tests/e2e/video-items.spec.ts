import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { EXIFTOOL_MISSING_REASON, FIXTURE_EXPECTED, exiftoolAvailable, makePhotoFixture } from '../support/photo-fixtures';
import { altOf, creditOf, expectImagesLoaded, pickFromDisk } from './article-photos-helpers';
import { SCREENS } from './drafting-helpers';
import { expect, test } from './harness/fixtures';

// Video items end to end: a poster from the photo library (an agency picture written by exiftool),
// the player pasted as embed code or typed as an address, and what is stored of it: the player's
// https address, size and title, never the pasted HTML.

test.skip(!exiftoolAvailable(), EXIFTOOL_MISSING_REASON);

const POOL = FIXTURE_EXPECTED.iimAndXmp;
const POOL_CREDIT = 'Gonzalo Fuentes/POOL/AFP via Getty Images';
const PLAYER = 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?si=abc&start=5';

/** Embed code as a hostile page could hand it over: handlers, srcdoc, a script and an image after the iframe. */
const HOSTILE_EMBED = [
  `<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?si=abc&amp;start=5" title="Harbour at dawn"`,
  ` frameborder="0" onload="window.__pwned = 'onload'" srcdoc="<script>parent.__pwned = 'srcdoc'</script>"`,
  ` allow="autoplay; encrypted-media" allowfullscreen></iframe>`,
  `<script>window.__pwned = 'script'</script><img src="x" onerror="window.__pwned = 'img'">`,
].join('');

const openDialog = (page: Page, testId: string): Locator => page.locator(`dialog[open][data-testid="${testId}"]`);
const column = (page: Page, feedId: string): Locator => page.locator(`[data-testid="feed-column"][data-feed-id="${feedId}"]`);

async function showFeeds(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Feeds' }).click();
  await expect(column(page, 'video')).toBeVisible();
}

async function newVideo(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'New video' }).click();
  const dialog = openDialog(page, 'video-dialog');
  await expect(dialog.getByLabel('Headline')).toBeFocused();
  return dialog;
}

test('a video with a credited poster and pasted embed code keeps only the player, and survives a restart', async ({ app }) => {
  const { page } = app;
  const poster = await makePhotoFixture(await mkdtemp(join(tmpdir(), 'newsdesk-video-')), 'iimAndXmp');
  await showFeeds(page);
  const dialog = await newVideo(page);
  await expect(dialog.getByRole('button', { name: 'Save video' })).toBeDisabled();
  await page.keyboard.type('Harbour at dawn');
  await dialog.getByLabel('Blurb').fill('The fishing fleet leaves before the strike.');

  // The poster comes from the library, credited in house style from the picture's metadata.
  await dialog.getByRole('button', { name: 'Choose poster…' }).click();
  await pickFromDisk(app, poster);
  const posterField = dialog.getByTestId('video-poster');
  await expect(creditOf(posterField)).toHaveValue(POOL_CREDIT);
  await expect(altOf(posterField)).toHaveValue(POOL.altText!);
  await expect(posterField.getByLabel('Caption')).toHaveValue(POOL.description!);
  await expect(posterField.getByTestId('restrictions')).toContainText('POOL');
  await expect(posterField.getByText('No credit')).toHaveCount(0);
  await expectImagesLoaded(posterField);
  await posterField.getByLabel('Caption').fill('Boats in the harbour at dawn.');

  // Hostile embed code: only the player's address, size and title are understood; nothing runs.
  await dialog.getByLabel('Video URL or embed code').fill(HOSTILE_EMBED);
  const understood = dialog.getByTestId('video-source-understood');
  await expect(understood).toContainText('YouTube player, 560×315');
  await expect(understood).toContainText('“Harbour at dawn”');
  await expect(understood).toContainText(PLAYER);
  await expect(page.locator('iframe')).toHaveCount(0);
  await expect(dialog.locator('script, img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();

  // Duration as m:ss; anything else is refused with the format.
  const duration = dialog.getByLabel('Duration');
  await duration.fill('two minutes');
  await expect(dialog.getByText('Write the duration as m:ss')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Save video' })).toBeDisabled();
  await duration.fill('2:45');
  await expect(dialog.getByTestId('video-readiness')).toContainText('Ready to place');
  await page.screenshot({ path: `${SCREENS}/video-dialog.png` });
  await dialog.getByRole('button', { name: 'Save video' }).click();
  await expect(dialog).toBeHidden();

  // Stored: the rebuilt player's facts, no HTML anywhere (in memory and in the file on disk).
  const [video, ...others] = app.services().videos.list();
  expect(others).toHaveLength(0);
  expect(video).toMatchObject({
    headline: 'Harbour at dawn',
    blurb: 'The fishing fleet leaves before the strike.',
    durationSeconds: 165,
    source: { kind: 'embed', src: PLAYER, title: 'Harbour at dawn', width: 560, height: 315 },
    poster: { caption: 'Boats in the harbour at dawn.', credit: POOL_CREDIT, creditEdited: false, altText: POOL.altText },
  });
  const onDisk = await readFile(join(app.dataDir, 'library', 'videos', `${video!.id}.json`), 'utf8');
  for (const text of [JSON.stringify(video), onDisk]) {
    expect(text).not.toMatch(/<|script|onload|onerror|srcdoc|__pwned/i);
  }

  // Into the video feed, then a restart: the dialog opens on what was stored.
  const placed = column(page, 'video').locator(`[data-testid="placement-card"][data-item-key="video:${video!.id}"]`);
  await column(page, 'video').getByRole('button', { name: 'Add to Video' }).click();
  const add = openDialog(page, 'add-items');
  await expect(add.getByTestId('add-item-row').filter({ hasText: 'Harbour at dawn' })).toContainText('Video');
  await add.getByRole('button', { name: 'Add “Harbour at dawn”' }).click();
  await expect(add.getByTestId('add-item-row').filter({ hasText: 'Harbour at dawn' })).toContainText('Added');
  await add.getByRole('button', { name: 'Done' }).click();
  await expect(placed).toContainText('Harbour at dawn');

  await app.restart();
  await showFeeds(page);
  await placed.getByRole('button', { name: 'Edit video…' }).click();
  await expect(dialog.getByLabel('Headline')).toHaveValue('Harbour at dawn');
  await expect(dialog.getByLabel('Video URL or embed code')).toHaveValue(PLAYER);
  await expect(understood).toContainText('YouTube player, 560×315');
  await expect(duration).toHaveValue('2:45');
  await expect(creditOf(posterField)).toHaveValue(POOL_CREDIT);
  await expect(dialog.getByRole('button', { name: 'Save video' })).toBeDisabled();
  await dialog.getByLabel('Headline').fill('The harbour at dawn');
  await dialog.getByRole('button', { name: 'Save video' }).click();
  await expect(dialog).toBeHidden();
  await expect(placed).toContainText('The harbour at dawn');
  // Editing other fields kept the embedded player as it was stored.
  expect(app.services().videos.get(video!.id).source).toEqual(video!.source);
});

test('http: and javascript: players are refused with the reason; closing with changes asks first', async ({ app }) => {
  const { page } = app;
  await showFeeds(page);
  const dialog = await newVideo(page);
  await page.keyboard.type('Storm over the bay');
  const field = dialog.getByLabel('Video URL or embed code');
  const save = dialog.getByRole('button', { name: 'Save video' });

  const refusals: [string, string][] = [
    ['http://example.com/storm.mp4', 'Use the video’s https address'],
    ['javascript:alert(document.cookie)', 'Only https video addresses are accepted, not “javascript:” addresses.'],
    ['<iframe src="javascript:alert(1)"></iframe>', 'not “javascript:” addresses'],
    ['<iframe src="player.example.com/storm"></iframe>', 'Only https video players can be embedded'],
    ['<iframe src="http://player.example.com/storm"></iframe>', 'Use the video’s https address'],
    ['<div onclick="alert(1)">storm</div>', 'The embed code has no <iframe> player'],
  ];
  for (const [pasted, reason] of refusals) {
    await field.fill(pasted);
    await expect(dialog.getByRole('alert').filter({ hasText: reason })).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(save).toBeDisabled();
  }
  await expect(page.locator('iframe')).toHaveCount(0);

  await field.fill('https://vimeo.com/76979871');
  await expect(dialog.getByTestId('video-source-understood')).toContainText('Video address on Vimeo');
  await expect(save).toBeEnabled();

  // Esc with unsaved changes asks; "Keep editing" keeps everything; Cancel → Discard closes.
  await page.keyboard.press('Escape');
  await expect(dialog.getByText('Discard the changes to this video?')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(dialog.getByLabel('Headline')).toHaveValue('Storm over the bay');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();
  expect(app.services().videos.list()).toHaveLength(0);
});

test('a poster without a credit is flagged like on the photo desk until one is typed', async ({ app }) => {
  const { page } = app;
  const uncredited = await makePhotoFixture(await mkdtemp(join(tmpdir(), 'newsdesk-video-')), 'none');
  await showFeeds(page);
  const dialog = await newVideo(page);
  await page.keyboard.type('Night ferry');
  await dialog.getByRole('button', { name: 'Choose poster…' }).click();
  await pickFromDisk(app, uncredited);
  const posterField = dialog.getByTestId('video-poster');
  await expect(posterField.locator('.nd-badge--danger')).toHaveText('No credit');
  await expect(posterField.getByText('No credit: the photo cannot be published without one.')).toBeVisible();
  await expect(creditOf(posterField)).toHaveAttribute('aria-invalid', 'true');
  await creditOf(posterField).fill('Jane Doe/Newsdesk');
  await expect(posterField.locator('.nd-badge--danger')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Save video' }).click();
  await expect(dialog).toBeHidden();
  expect(app.services().videos.list()[0]?.poster).toMatchObject({ credit: 'Jane Doe/Newsdesk', creditEdited: true });
});
