import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import sharp from 'sharp';
import type { Channel, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import type { Author, LexicalDocument } from '../../shared/model/article';
import { DEFAULT_FEEDS } from '../../shared/model/feed';
import { bodyStats } from '../../shared/rules/text';
import { EXIFTOOL_MISSING_REASON, exiftoolAvailable, makePhotoFixture } from '../support/photo-fixtures';
import { expectImagesLoaded } from './article-photos-helpers';
import { SCREENS } from './drafting-helpers';
import { expect, test } from './harness/fixtures';
import type { HarnessApp } from './harness/launch';

// The feed preview end to end: articles with a credited lead photo, quotes and an author card, and
// a video with a credited poster, placed in "News Feed" through the real services; the preview must
// print them as the site does, in order, a page at a time, at desktop and phone widths.

test.skip(!exiftoolAvailable(), EXIFTOOL_MISSING_REASON);

const POOL_CREDIT = 'Gonzalo Fuentes/POOL/AFP via Getty Images';
const LEAD_CAPTION = 'President Macron at the Elysee Palace.';
const INLINE_CAPTION = 'Ministers leave the cabinet meeting.';
const QUOTE = 'We will not raise taxes on working families this year.';
const HOUR = 3_600_000;

/** A channel called the way the renderer calls it: through window.newsdesk, the bridge the preload builds. */
async function bridge<C extends Channel>(page: Page, channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = (await page.evaluate(
    ({ name, request }) => (window.newsdesk[name] as unknown as (request: unknown) => Promise<unknown>)(request),
    { name: channel, request: payload as unknown },
  )) as Result<ResponseOf<C>>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

const text = (value: string) => ({ type: 'text', version: 1, text: value, format: 0, style: '', mode: 'normal', detail: 0 });
const block = (type: 'paragraph' | 'quote', value: string) => ({
  type,
  version: 1,
  format: '',
  indent: 0,
  direction: null,
  ...(type === 'paragraph' ? { textFormat: 0, textStyle: '' } : {}),
  children: [text(value)],
});
const inlinePhoto = (photoId: string) => ({
  type: 'newsdesk-photo',
  version: 1,
  photoId,
  altText: 'Ministers on the steps',
  credit: POOL_CREDIT,
  creditEdited: false,
  width: 'regular',
  caption: { root: { type: 'root', version: 1, format: '', indent: 0, direction: null, children: [block('paragraph', INLINE_CAPTION)] } },
  captionText: INLINE_CAPTION,
});

/** About 300 words: two paragraphs, a quotation, an inline photo and a closing paragraph. */
function longBody(photoId: string): LexicalDocument {
  const sentence = 'The finance minister set out the spending plans for the coming year in front of a packed chamber. ';
  return {
    root: {
      type: 'root',
      version: 1,
      format: '',
      indent: 0,
      direction: null,
      children: [
        block('paragraph', sentence.repeat(8).trim()),
        block('paragraph', 'Opposition members said the figures did not add up. '.repeat(6).trim()),
        block('quote', QUOTE),
        inlinePhoto(photoId),
        block('paragraph', 'The vote on the budget is expected next week, after two days of debate. '.repeat(5).trim()),
      ],
    },
  };
}
const shortBody = (line: string): LexicalDocument => ({
  root: { type: 'root', version: 1, format: '', indent: 0, direction: null, children: [block('paragraph', line)] },
});

async function importPhoto(app: HarnessApp, dir: string, name: string, seed: number): Promise<string> {
  const media = app.services().media;
  const job = media.importPaths([await makePhotoFixture(dir, 'iimAndXmp', { name, seed })]);
  const done = await media.whenFinished(job.jobId);
  const photoId = done.items[0]?.photoId;
  if (!photoId) throw new Error(`The fixture ${name} was not imported`);
  return photoId;
}

async function newArticle(app: HarnessApp, fields: { headline: string; body: LexicalDocument; byline?: Author[]; leadPhotoId?: string }): Promise<string> {
  const drafts = app.services().drafts;
  const article = await drafts.create({ section: 'News' });
  const leadPhoto = fields.leadPhotoId ? { photoId: fields.leadPhotoId, caption: LEAD_CAPTION, credit: POOL_CREDIT, creditEdited: false, altText: 'The president at a lectern' } : null;
  await drafts.save({ ...article, headline: fields.headline, body: fields.body, byline: fields.byline ?? [], leadPhoto, status: 'ready' }, 'manual');
  return article.id;
}

interface Seeded {
  budgetBody: LexicalDocument;
}

/**
 * Three articles and a video in News Feed (page size 3), plus one article scheduled two days ahead
 * and one that expired an hour ago. Seeded through the real services and the bridge.
 */
async function seed(app: HarnessApp): Promise<Seeded> {
  const { page } = app;
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-feed-preview-'));
  const leadId = await importPhoto(app, dir, 'macron', 11);
  const posterId = await importPhoto(app, dir, 'harbour-poster', 12);
  const avatarPng = await sharp({ create: { width: 96, height: 96, channels: 3, background: '#3c6e9f' } }).png().toBuffer();
  const avatar = `data:image/png;base64,${avatarPng.toString('base64')}`;

  const budgetBody = longBody(leadId);
  const budget = await newArticle(app, {
    headline: 'Budget sets out spending for the year ahead',
    body: budgetBody,
    byline: [{ name: 'Camille Martin', role: 'News Editor', avatar }],
    leadPhotoId: leadId,
  });
  const strike = await newArticle(app, { headline: 'Rail strike called off after late talks', body: shortBody('Unions and operators reached a deal shortly before midnight.'), byline: [{ name: 'Sam Okafor', role: 'Transport Correspondent', avatar: null }] });
  const floods = await newArticle(app, { headline: 'Flood defences hold along the river', body: shortBody('Water levels fell overnight as the barriers held.') });
  const tomorrow = await newArticle(app, { headline: 'Budget vote result', body: shortBody('The chamber voted on the budget.') });
  const expired = await newArticle(app, { headline: 'Road closed for the weekend market', body: shortBody('The high street is closed to traffic.') });

  const video = await bridge(page, 'videos:create', {});
  await bridge(page, 'videos:save', {
    video: {
      ...video,
      headline: 'Inside the harbour at dawn',
      blurb: 'Fishing crews land the first catch of the season.',
      poster: { photoId: posterId, caption: '', credit: POOL_CREDIT, creditEdited: false, altText: 'Boats in the harbour' },
      source: { kind: 'url', url: 'https://video.example.com/watch/harbour-at-dawn' },
      durationSeconds: 125,
    },
  });

  await bridge(page, 'settings:update', { feeds: DEFAULT_FEEDS.map((feed) => (feed.id === 'news-feed' ? { ...feed, pageSize: 3 } : feed)) });
  const order = [
    { kind: 'article' as const, id: budget },
    { kind: 'video' as const, id: video.id },
    { kind: 'article' as const, id: strike },
    { kind: 'article' as const, id: floods },
    { kind: 'article' as const, id: tomorrow },
    { kind: 'article' as const, id: expired },
  ];
  for (const item of order) await bridge(page, 'board:place', { item, feedId: 'news-feed' });
  const now = Date.now();
  await bridge(page, 'board:setTiming', { key: `article:${tomorrow}`, publish: { mode: 'scheduled', at: new Date(now + 48 * HOUR).toISOString() }, embargoUntil: null, expiresAt: null });
  await bridge(page, 'board:setTiming', { key: `article:${expired}`, publish: { mode: 'now' }, embargoUntil: null, expiresAt: new Date(now - HOUR).toISOString() });
  return { budgetBody };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A datetime-local value (local time) for `ms`. */
function localInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The anatomy parts of an item, in document order. */
const PARTS = ['feed-item-label', 'feed-item-headline', 'feed-item-readtime', 'feed-item-photo', 'feed-item-body', 'author-card', 'feed-item-poster', 'feed-item-blurb'];
async function partsInOrder(item: Locator): Promise<string[]> {
  return item.locator('[data-testid]').evaluateAll((nodes, parts) => nodes.map((node) => node.getAttribute('data-testid')!).filter((id) => parts.includes(id)), PARTS);
}
/** The Feeds desk by its shortcut (once the window is up), then its "Preview feed". */
async function openFeedPreview(page: Page): Promise<void> {
  await expect(page.getByRole('tab', { name: 'Feeds' })).toBeVisible();
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('tab', { name: 'Feeds' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Preview feed' }).click();
}
const headlines = (frame: Locator) => frame.getByTestId('feed-item-headline').allTextContents();

test('the feed preview prints each item as the site does, a page at a time, at desktop and phone widths', async ({ app }) => {
  const { page } = app;
  const { budgetBody } = await seed(app);
  const readTime = bodyStats(budgetBody).label;
  expect(readTime).toBe('2 min read'); // the fixture is the anatomy's two-minute story

  await app.restart();
  await openFeedPreview(page);
  const preview = page.getByTestId('feed-preview');
  await expect(preview).toBeVisible();
  const desktop = preview.getByTestId('preview-desktop');
  const phone = preview.getByTestId('preview-phone');
  const items = desktop.getByTestId('feed-item');
  await expect(items).toHaveCount(3);

  // The first item, top to bottom: label, headline, read time, photo (caption and credit), body, author.
  const first = items.nth(0);
  await expect(first).toHaveAttribute('data-kind', 'article');
  expect(await partsInOrder(first)).toEqual(['feed-item-label', 'feed-item-headline', 'feed-item-readtime', 'feed-item-photo', 'feed-item-body', 'author-card']);
  await expect(first.getByTestId('feed-item-label')).toHaveText('News Feed');
  await expect(first.getByTestId('feed-item-headline')).toHaveText('Budget sets out spending for the year ahead');
  await expect(first.getByTestId('feed-item-readtime')).toHaveText(readTime);
  const figure = first.getByTestId('feed-item-photo');
  await expect(figure).toHaveJSProperty('tagName', 'FIGURE');
  await expect(figure.locator('img')).toHaveAttribute('alt', 'The president at a lectern');
  await expect(figure.locator('figcaption')).toHaveText(`${LEAD_CAPTION} (${POOL_CREDIT})`);
  const body = first.getByTestId('feed-item-body');
  const blocks = await body.locator('p.nd-p, blockquote, figure').evaluateAll((nodes) => nodes.filter((node) => !node.closest('figcaption')).map((node) => node.tagName));
  expect(blocks).toEqual(['P', 'P', 'BLOCKQUOTE', 'FIGURE', 'P']);
  await expect(body.locator('blockquote')).toHaveText(QUOTE);
  await expect(body.getByTestId('article-photo').locator('figcaption')).toHaveText(`${INLINE_CAPTION} (${POOL_CREDIT})`);
  const author = first.getByTestId('author-card');
  await expect(author).toContainText('Camille Martin');
  await expect(author).toContainText('News Editor');
  await expect(author.locator('img')).toHaveAttribute('src', /^data:image\/png;base64,/);
  await expectImagesLoaded(first);

  // The next item is the video: its own label, a credited poster, the blurb; nothing is loaded from its host.
  const video = items.nth(1);
  await expect(video).toHaveAttribute('data-kind', 'video');
  expect(await partsInOrder(video)).toEqual(['feed-item-label', 'feed-item-headline', 'feed-item-poster', 'feed-item-blurb']);
  await expect(video.getByTestId('feed-item-label')).toHaveText('Video');
  await expect(video.getByTestId('feed-item-headline')).toHaveText('Inside the harbour at dawn');
  await expect(video.getByTestId('feed-item-poster').locator('figcaption')).toHaveText(`(${POOL_CREDIT})`);
  await expect(video.getByTestId('feed-item-blurb')).toHaveText('Fishing crews land the first catch of the season.');
  await expect(video).toContainText('2:05');
  await expect(video).toContainText('Plays on the site');
  await expect(preview.locator('iframe')).toHaveCount(0);
  await expectImagesLoaded(video);

  // A page of three, then "Show More"; the scheduled and the expired items are not live now.
  const showMore = desktop.getByRole('button', { name: 'Show More' });
  await expect(showMore).toBeVisible();
  expect(await showMore.evaluate((button) => {
    const items = button.closest('[data-testid="preview-desktop"]')!.querySelectorAll('[data-testid="feed-item"]');
    return Boolean(items[items.length - 1]!.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING);
  })).toBe(true);
  expect(await headlines(desktop)).toEqual(['Budget sets out spending for the year ahead', 'Inside the harbour at dawn', 'Rail strike called off after late talks']);
  expect(await headlines(phone)).toEqual(await headlines(desktop));
  await expect(phone.getByTestId('feed-item').nth(1)).toHaveAttribute('data-kind', 'video');
  await expect(phone.getByTestId('feed-item-photo').first().locator('figcaption')).toHaveText(`${LEAD_CAPTION} (${POOL_CREDIT})`);
  await expectImagesLoaded(phone.getByTestId('feed-item').first());
  await page.screenshot({ path: `${SCREENS}/feed-preview.png` });

  // The phone frame really reflows: a smaller headline and the photo edge to edge.
  const size = (frame: Locator) => frame.getByTestId('feed-item-headline').first().evaluate((node) => parseFloat(getComputedStyle(node).fontSize));
  expect(await size(phone)).toBeLessThan(await size(desktop));
  const phoneWidths = await phone.getByTestId('feed-item').first().evaluate((item) => ({
    page: item.closest('.nd-reader-page')!.getBoundingClientRect().width,
    photo: item.querySelector('[data-testid="feed-item-photo"] img')!.getBoundingClientRect().width,
  }));
  expect(phoneWidths.photo).toBeCloseTo(phoneWidths.page, 0);

  await video.scrollIntoViewIfNeeded();
  await phone.getByTestId('feed-item').nth(1).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/feed-preview-video-item.png` });

  await showMore.scrollIntoViewIfNeeded();
  await phone.getByRole('button', { name: 'Show More' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/feed-preview-show-more.png` });

  // Show More reveals the rest, in both frames; with nothing more, no button.
  await showMore.click();
  await expect(items).toHaveCount(4);
  await expect(items.nth(3).getByTestId('feed-item-headline')).toHaveText('Flood defences hold along the river');
  await expect(phone.getByTestId('feed-item')).toHaveCount(4);
  expect(await headlines(phone)).toEqual(await headlines(desktop));
  await expect(preview.getByRole('button', { name: 'Show More' })).toHaveCount(0);
  await expect(preview.getByText('Budget vote result')).toHaveCount(0);
  await expect(preview.getByText('Road closed for the weekend market')).toHaveCount(0);

  // Three days on, the scheduled item is live (on the second page); the expired one stays out.
  await preview.getByLabel('As of').fill(localInput(Date.now() + 72 * HOUR));
  await expect(items).toHaveCount(3);
  await desktop.getByRole('button', { name: 'Show More' }).click();
  await expect(items).toHaveCount(5);
  expect(await headlines(desktop)).toEqual([
    'Budget sets out spending for the year ahead',
    'Inside the harbour at dawn',
    'Rail strike called off after late talks',
    'Flood defences hold along the river',
    'Budget vote result',
  ]);
  expect(await headlines(phone)).toEqual(await headlines(desktop));
  await expect(preview.getByText('Road closed for the weekend market')).toHaveCount(0);
  // Two hours ago the expired item was still live.
  await preview.getByLabel('As of').fill(localInput(Date.now() - 2 * HOUR));
  await desktop.getByRole('button', { name: 'Show More' }).click();
  await expect(desktop.getByTestId('feed-item-headline').last()).toHaveText('Road closed for the weekend market');
  await expect(preview.getByText('Budget vote result')).toHaveCount(0);

  // Esc goes back to the board; a card's Preview shows the full article as readers see it.
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  const card = page.getByTestId('placement-card').filter({ hasText: 'Budget sets out spending for the year ahead' }).first();
  await card.getByRole('button', { name: 'Preview' }).click();
  const dialog = page.getByTestId('item-preview');
  await expect(dialog).toBeVisible();
  const article = dialog.getByTestId('article-preview');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText('Budget sets out spending for the year ahead');
  await expect(article).toContainText(readTime);
  await expect(article.getByTestId('preview-lead').locator('figcaption')).toHaveText(`${LEAD_CAPTION} (${POOL_CREDIT})`);
  await expect(article.getByTestId('article-photo').locator('figcaption')).toHaveText(`${INLINE_CAPTION} (${POOL_CREDIT})`);
  await expect(article.locator('blockquote')).toHaveText(QUOTE);
  await expect(article.getByTestId('author-card')).toContainText('News Editor');
  await expectImagesLoaded(article);
  await page.screenshot({ path: `${SCREENS}/article-preview-from-board.png` });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a feed with nothing live says so, and "Back to board" leaves the preview', async ({ app }) => {
  const { page } = app;
  const id = await newArticle(app, { headline: 'Embargoed results', body: shortBody('Results are out on Friday.') });
  await bridge(page, 'board:place', { item: { kind: 'article', id }, feedId: 'news-feed' });
  const lifts = new Date(Date.now() + 24 * HOUR).toISOString();
  await bridge(page, 'board:setTiming', { key: `article:${id}`, publish: { mode: 'now' }, embargoUntil: lifts, expiresAt: null });
  await app.restart();
  await openFeedPreview(page);
  const preview = page.getByTestId('feed-preview');
  for (const frame of [preview.getByTestId('preview-desktop'), preview.getByTestId('preview-phone')]) {
    await expect(frame.getByTestId('feed-preview-empty')).toContainText('Nothing in “News Feed” is live');
    await expect(frame.getByTestId('feed-item')).toHaveCount(0);
    await expect(frame.getByRole('button', { name: 'Show More' })).toHaveCount(0);
  }
  await page.screenshot({ path: `${SCREENS}/feed-preview-empty.png` });
  // Once the embargo lifts, it is there.
  await preview.getByLabel('As of').fill(localInput(Date.now() + 25 * HOUR));
  await expect(preview.getByTestId('preview-desktop').getByTestId('feed-item-headline')).toHaveText(['Embargoed results']);
  await expect(preview.getByTestId('preview-desktop').getByTestId('feed-preview-empty')).toHaveCount(0);
  await preview.getByRole('button', { name: 'Now', exact: true }).click();
  await expect(preview.getByTestId('preview-desktop').getByTestId('feed-preview-empty')).toBeVisible();
  await preview.getByRole('button', { name: 'Back to board' }).click();
  await expect(preview).toBeHidden();
  await expect(page.getByTestId('feed-column').first()).toBeVisible();
});
