import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import sharp from 'sharp';
import type { Services } from '../../electron/main/services/compose';
import type { ItemRef, Placement } from '../../shared/model/placement';
import type { PhotoUse } from '../../shared/model/photo-use';
import { placeItem, setPinned } from '../../shared/rules/placement';
import { expect } from '@playwright/test';

// Steps shared by the placement board specs (and the board benchmark's seeding).

export const SCREENS = 'test-results/screens';

export const columnOf = (page: Page, feedId: string): Locator => page.locator(`[data-testid="feed-column"][data-feed-id="${feedId}"]`);
export const cardsOf = (page: Page, feedId: string): Locator => columnOf(page, feedId).getByTestId('placement-card');
export const cardOf = (page: Page, feedId: string, headline: string): Locator => cardsOf(page, feedId).filter({ has: page.getByRole('heading', { name: headline, exact: true }) });

/** The headlines of a column's cards in DOM order (the order the desk and a screen reader see). */
export async function headlinesOf(page: Page, feedId: string): Promise<string[]> {
  return cardsOf(page, feedId).locator('h3').allTextContents();
}

export async function expectOrder(page: Page, feedId: string, headlines: string[]): Promise<void> {
  await expect.poll(() => headlinesOf(page, feedId)).toEqual(headlines);
}

/** Ctrl+3, the way an editor reaches the board. */
export async function openFeedsDesk(page: Page): Promise<void> {
  // The rail is there once the window's shortcuts are.
  await expect(page.getByRole('tab', { name: 'Feeds' })).toBeVisible();
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('tab', { name: 'Feeds' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('feed-board')).toBeVisible();
}

/**
 * A mouse drag the way a person makes one: press on the card's headline, move in small steps (the
 * board starts a drag only after a few pixels), hover, release.
 */
export async function dragTo(page: Page, card: Locator, target: Locator, where: 'top' | 'middle' | 'bottom' = 'middle', release = true): Promise<void> {
  const from = await card.locator('h3').boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('Card or target is not on screen');
  await page.mouse.move(from.x + 20, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 30, from.y + from.height / 2 + 10, { steps: 4 });
  const y = where === 'top' ? to.y + 10 : where === 'bottom' ? to.y + to.height - 10 : to.y + to.height / 2;
  await page.mouse.move(to.x + to.width / 2, y, { steps: 14 });
  await page.mouse.move(to.x + to.width / 2, y + 1, { steps: 2 });
  if (release) await page.mouse.up();
}

/** Where the item sits on disk, read from the live services (what a restart would show). */
export function storedKeys(services: Services, feedId: string): string[] {
  return (services.feeds.get().feeds[feedId] ?? []).map((entry) => entry.key);
}

const SCENES = [
  { sky: ['#8fb8de', '#e8eef4'], ground: '#5b6b4e', accent: '#c9b48a' },
  { sky: ['#f2a65a', '#fbe3c4'], ground: '#3d4a5c', accent: '#1f2a38' },
  { sky: ['#5d7fa3', '#c5d3e0'], ground: '#2f3d4c', accent: '#7d8fa3' },
  { sky: ['#b8c4cc', '#eef1f3'], ground: '#6e7d5a', accent: '#a44d3a' },
  { sky: ['#27385a', '#6b7fa8'], ground: '#141c2b', accent: '#f2c14e' },
  { sky: ['#9ad0c2', '#eaf6f2'], ground: '#3e6b5c', accent: '#e8e2cf' },
];

/** A small JPEG that reads as a news photo at thumbnail size: sky, skyline or hills, a light. */
export async function scenePhoto(dir: string, name: string, seed: number): Promise<string> {
  const scene = SCENES[seed % SCENES.length]!;
  const buildings = Array.from({ length: 9 }, (_, i) => {
    const width = 50 + ((seed * 7 + i * 13) % 40);
    const height = 80 + ((seed * 11 + i * 29) % 150);
    return `<rect x="${i * 72 - 10}" y="${420 - height}" width="${width}" height="${height}" fill="${scene.accent}" opacity="${0.55 + (i % 3) * 0.15}"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
    <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${scene.sky[0]}"/><stop offset="1" stop-color="${scene.sky[1]}"/></linearGradient></defs>
    <rect width="640" height="480" fill="url(#s)"/>
    <circle cx="${120 + (seed * 53) % 400}" cy="${90 + (seed * 17) % 60}" r="34" fill="#fff6d8" opacity="0.85"/>
    ${seed % 2 === 0 ? buildings : `<path d="M0 330 Q160 ${230 + (seed % 5) * 12} 320 320 T640 300 V480 H0Z" fill="${scene.accent}" opacity="0.8"/>`}
    <rect y="410" width="640" height="70" fill="${scene.ground}"/>
  </svg>`;
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name}.jpg`);
  await sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toFile(path);
  return path;
}

/** Imports pictures into the library (as the photo desk would) and returns their photo ids, in order. */
export async function importPhotos(services: Services, paths: string[]): Promise<string[]> {
  const job = services.media.importPaths(paths);
  const done = await services.media.whenFinished(job.jobId);
  return done.items.map((item) => {
    if (!item.photoId) throw new Error(`Import failed for ${item.name}: ${item.state}`);
    return item.photoId;
  });
}

export interface SeedArticle {
  headline: string;
  status?: 'draft' | 'ready' | 'approved';
  photoId?: string | null;
}

/** An article written through the real draft store, as the drafting desk saves it. */
export async function seedArticle(services: Services, { headline, status = 'ready', photoId = null }: SeedArticle): Promise<ItemRef> {
  const article = await services.drafts.create({ section: 'News' });
  const leadPhoto: PhotoUse | null = photoId ? { photoId, caption: '', credit: 'Staff', creditEdited: true, altText: headline } : null;
  await services.drafts.save({ ...article, headline, status, leadPhoto }, 'manual');
  return { kind: 'article', id: article.id };
}

/** A video item written through the real video store, with a player and (optionally) a poster. */
export async function seedVideo(services: Services, headline: string, posterId: string | null = null): Promise<ItemRef> {
  const video = await services.videos.create();
  const poster: PhotoUse | null = posterId ? { photoId: posterId, caption: '', credit: 'Staff', creditEdited: true, altText: headline } : null;
  await services.videos.save({ ...video, headline, blurb: `${headline}: the short version.`, poster, source: { kind: 'url', url: 'https://video.example.org/watch/1' }, durationSeconds: 95 });
  return { kind: 'video', id: video.id };
}

export interface SeedPlacement {
  item: ItemRef;
  feedId: string;
  pinned?: boolean;
  /** Timing and delivery as the publishing desk would have left them. */
  placement?: Partial<Placement>;
}

/** Places items through the real board store with the shared rules, in order (each at the end). */
export async function seedBoard(services: Services, placements: SeedPlacement[]): Promise<void> {
  const feeds = services.settings.get().feeds;
  await services.feeds.update((start) => {
    let board = start;
    for (const { item, feedId, pinned, placement } of placements) {
      const feed = feeds.find((f) => f.id === feedId);
      if (!feed) throw new Error(`No feed ${feedId}`);
      board = placeItem(board, item, feed);
      const key = `${item.kind}:${item.id}`;
      if (pinned) board = setPinned(board, key, feedId, true);
      if (placement) board = { ...board, placements: { ...board.placements, [key]: { ...board.placements[key]!, ...placement } } };
    }
    return board;
  });
}

const HOUR = 3_600_000;

/** A desk's morning board: photos, videos, a pinned top story, a scheduled piece, published ones. */
export async function seedRealisticBoard(services: Services): Promise<void> {
  const dir = join(tmpdir(), `newsdesk-board-photos-${process.pid}`);
  const paths = await Promise.all(Array.from({ length: 9 }, (_, i) => scenePhoto(dir, `scene-${i}`, i)));
  const photos = await importPhotos(services, paths);
  const a = (headline: string, photo: number | null, status: 'draft' | 'ready' | 'approved' = 'approved') =>
    seedArticle(services, { headline, status, photoId: photo === null ? null : photos[photo]! });
  const now = Date.now();
  const published = { delivery: 'published' as const, publishedAt: new Date(now - 2 * HOUR).toISOString() };
  const bridge = await a('Harbour bridge reopens after six months of repairs', 0);
  const budget = await a('Council approves budget with new money for buses', 1);
  const storm = await a('Storm warning for the coast as winds reach 110 km/h', 2);
  const schools = await a('Schools to stay open through the heat wave', 3, 'ready');
  const rail = await a('Night trains return to the northern line', null, 'draft');
  const column = await a('Why the city should keep its trams', 4);
  const letters = await a('Letters: the bridge was worth the wait', null, 'ready');
  const essay = await a('The quiet end of the corner shop', 5, 'draft');
  const briefing = await seedVideo(services, 'Evening briefing: the storm in two minutes', photos[6]!);
  const drone = await seedVideo(services, 'Drone footage of the reopened bridge', photos[7]!);
  const interview = await seedVideo(services, 'Interview with the harbour master', photos[8]!);
  await seedBoard(services, [
    { item: bridge, feedId: 'news-feed', pinned: true, placement: published },
    { item: storm, feedId: 'news-feed', placement: published },
    { item: briefing, feedId: 'news-feed', placement: { delivery: 'queued', publishedAt: null } },
    { item: budget, feedId: 'news-feed', placement: { publish: { mode: 'scheduled', at: new Date(now + 3 * HOUR).toISOString() } } },
    { item: schools, feedId: 'news-feed' },
    { item: rail, feedId: 'news-feed' },
    { item: drone, feedId: 'video', pinned: true, placement: published },
    { item: briefing, feedId: 'video' },
    { item: interview, feedId: 'video', placement: { publish: { mode: 'scheduled', at: new Date(now + 26 * HOUR).toISOString() } } },
    { item: column, feedId: 'opinion', placement: published },
    { item: letters, feedId: 'opinion' },
    { item: essay, feedId: 'opinion', placement: { expiresAt: new Date(now + 50 * HOUR).toISOString() } },
  ]);
}
