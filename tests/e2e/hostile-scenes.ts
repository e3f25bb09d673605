import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { makeBaseJpeg, writeWithExiftool } from '../support/photo-fixtures';
import { XSS_CORPUS, type XssFamily } from '../security/xss-corpus';
import { expect } from './harness/fixtures';
import type { HarnessApp } from './harness/launch';
import { piecesOf } from './hostile-helpers';

// The hostile material of hostile-paste.spec.ts: an agency photo whose IPTC/XMP carries the corpus,
// the pieces typed into each article field, and the export and placement steps.

/** Metadata text as an agency file can carry it: XML forbids control characters, so they become spaces. */
const asMetadata = (text: string): string => text.replace(/[\u0000-\u001f]+/g, ' ').replace(/ {2,}/g, ' ').trim();

const payloadsOf = (...families: XssFamily[]): string[] => XSS_CORPUS.filter((vector) => families.includes(vector.family)).map((vector) => vector.payload);
const metadataOf = (...families: XssFamily[]): string => asMetadata(payloadsOf(...families).join(' '));

export interface HostilePhoto {
  path: string;
  /** The file name as the library lists it (tiles are named by file first). */
  fileName: string;
  metadata: { description: string; headline: string; creditLine: string; title: string; altText: string; instructions: string; creator: string };
}

/** A JPEG whose XMP (and IIM, within its short limits) carries the corpus in every text field. */
export async function hostilePhotoFile(): Promise<HostilePhoto> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-hostile-photo-'));
  const fileName = `hostile "><img src=x onerror=__xss('file-name')>`;
  const path = join(dir, `${fileName}.jpg`);
  await makeBaseJpeg(path, { seed: 66, width: 480, height: 320 });
  const metadata = {
    description: metadataOf('script', 'handler', 'link'),
    headline: metadataOf('svg', 'frame', 'object'),
    creditLine: metadataOf('css'),
    title: metadataOf('meta', 'base', 'form'),
    altText: metadataOf('text'),
    instructions: metadataOf('mxss'),
    creator: `<img src=x onerror=__xss('creator')> Jane <b>Doe</b>`,
  };
  const keywords = XSS_CORPUS.map((vector) => asMetadata(vector.payload)).filter((keyword) => keyword.length <= 200).slice(0, 40);
  await writeWithExiftool(path, [
    '-IPTC:CodedCharacterSet=UTF8',
    `-IPTC:Caption-Abstract=<script>__xss('iim-caption')</script><img src=x onerror=__xss('iim-caption')>`,
    `-IPTC:Headline=<svg onload=__xss('iim-headline')>`,
    `-IPTC:Credit=<a href="javascript:__xss('iim-credit')">IIM credit</a>`,
    `-IPTC:Keywords=<img src=x onerror=__xss('iim-keyword')>`,
    `-XMP-dc:Description=${metadata.description}`,
    `-XMP-photoshop:Headline=${metadata.headline}`,
    `-XMP-photoshop:Credit=${metadata.creditLine}`,
    `-XMP-dc:Title=${metadata.title}`,
    `-XMP-iptcCore:AltTextAccessibility=${metadata.altText}`,
    `-XMP-photoshop:Instructions=${metadata.instructions}`,
    `-XMP-dc:Creator=${metadata.creator}`,
    `-XMP-dc:Rights=© <iframe srcdoc="<script>top.__xss('rights')</script>">`,
    ...keywords.map((keyword) => `-XMP-dc:Subject+=${keyword}`),
  ]);
  return { path, fileName: `${fileName}.jpg`.slice(0, -4), metadata };
}

/**
 * What each article field is filled with, piece by piece, within the field's length limit; the last
 * piece stays. One line each: single-line inputs drop line breaks, and the caption would split.
 */
export const HOSTILE_FIELDS = {
  headline: [...piecesOf(payloadsOf('script', 'handler', 'svg').map(asMetadata), 480), `Headline <script>__xss('final-headline')</script> & <b>words</b>`],
  dek: [...piecesOf(payloadsOf('link', 'frame', 'object', 'meta', 'base', 'form').map(asMetadata), 1900), `Dek <img src=x onerror="__xss('final-dek')"> & "quoted" words`],
  credit: [...piecesOf(payloadsOf('css', 'mxss').map(asMetadata), 480), `<a href="javascript:__xss('final-credit')">Staff</a>/Newsdesk`],
  alt: [...piecesOf(payloadsOf('handler', 'text').map(asMetadata), 1900), `Alt <svg onload=__xss('final-alt')> text`],
  caption: [...piecesOf(payloadsOf('script', 'link', 'mxss').map(asMetadata), 4500), `Caption <iframe srcdoc="<script>top.__xss('final-caption')</script>"> & <i>words</i>`],
};

/** Fills a field with every piece in turn (as an editor types over it), checking each one shows as typed. */
export async function fillEveryPiece(field: Locator, pieces: readonly string[]): Promise<void> {
  const editable = await field.evaluate((element) => (element as HTMLElement).isContentEditable);
  for (const piece of pieces) {
    await field.fill(piece);
    if (editable) await expect(field).toHaveText(piece.replace(/\s+/g, ' ').trim(), { useInnerText: true });
    else await expect(field).toHaveValue(piece);
  }
}

/** Export HTML, ninjs 2.2 and ninjs 3.1 through the Export menu, each into a fresh folder. */
export async function exportThroughMenu(app: HarnessApp): Promise<{ html: string; ninjs22: string; ninjs31: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-hostile-export-'));
  const paths = { html: join(dir, 'hostile.html'), ninjs22: join(dir, 'hostile-22.json'), ninjs31: join(dir, 'hostile-31.json') };
  const items: [string, string][] = [
    [paths.html, 'Export HTML…'],
    [paths.ninjs22, 'Export ninjs 2.2…'],
    [paths.ninjs31, 'Export ninjs 3.1…'],
  ];
  for (const [path, item] of items) {
    app.saveTo(path);
    await app.page.getByRole('button', { name: 'Export' }).click();
    await app.page.getByRole('menuitem', { name: item }).click();
    await expect(app.page.getByTestId('toast').filter({ hasText: path })).toBeVisible();
  }
  return paths;
}

/** Places the article in News Feed through the bridge, as the board's drag does. */
export async function placeInNewsFeed(page: Page, articleId: string): Promise<void> {
  const result = await page.evaluate(
    (id) => (window.newsdesk['board:place'] as unknown as (request: unknown) => Promise<{ ok: boolean }>)({ item: { kind: 'article', id }, feedId: 'news-feed' }),
    articleId,
  );
  expect(result.ok).toBe(true);
}
