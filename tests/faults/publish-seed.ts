import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Article, LexicalDocument } from '../../shared/model/article';
import type { PublishJob } from '../../shared/model/publishing';
import type { OutboxTuning, Services } from '../../electron/main/services/compose';
import { mediaKeyOf } from '../../electron/main/services/publishing/remote/site-photos';
import { openTestServices } from '../support/test-services';
import type { WordPressSite } from '../wordpress/wordpress-server';

/**
 * What the fault run and the publishing benchmark share: the app's services on a data folder,
 * articles with a credited lead photo each, queued the way the publish panel queues them, and a
 * read-back of the site through its REST API that counts posts, media and duplicates.
 */

/** The real services on `dataDir`; opening the same folder again is a restart of the app. */
export function openServices(dataDir: string, outbox?: OutboxTuning): Promise<Services> {
  return openTestServices(dataDir, { outbox });
}

/** Distinct JPEGs (noise, so every file differs and none compresses to nothing). */
export async function makeJpegs(dir: string, count: number, size: { width: number; height: number }): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const path = join(dir, `photo-${String(i + 1).padStart(4, '0')}.jpg`);
    await sharp({ create: { ...size, channels: 3, background: { r: (i * 37) % 256, g: (i * 91) % 256, b: 120 }, noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .jpeg({ quality: 70 })
      .toFile(path);
    paths.push(path);
  }
  return paths;
}

export interface SeededArticle {
  id: string;
  headline: string;
  photoId: string;
}

const text = (value: string) => ({ type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' });
const paragraph = (value: string) => ({ type: 'paragraph', version: 1, format: '', indent: 0, direction: null, textFormat: 0, textStyle: '', children: [text(value)] });

function body(index: number): LexicalDocument {
  return {
    root: {
      type: 'root',
      version: 1,
      format: '',
      indent: 0,
      direction: null,
      children: [paragraph(`Story ${index} begins with the facts.`), paragraph('The harbour reopened at dawn after the storm, the port authority said.')],
    },
  } as LexicalDocument;
}

/** Imports the photos, then writes one complete article per photo (headline, dek, byline, section, credited lead). */
export async function seedArticles(services: Services, photoPaths: readonly string[], label: string): Promise<SeededArticle[]> {
  const job = services.media.importPaths(photoPaths);
  const done = await services.media.whenFinished(job.jobId);
  const photoIds = done.items.map((item) => item.photoId);
  if (photoIds.some((id) => typeof id !== 'string')) throw new Error(`Photo import failed: ${JSON.stringify(done.items.filter((item) => !item.photoId))}`);
  const seeded: SeededArticle[] = [];
  for (const [i, photoId] of (photoIds as string[]).entries()) {
    const created = await services.drafts.create({ section: 'News' });
    const n = String(i + 1).padStart(3, '0');
    const headline = `${label} ${n}: the harbour reopens`;
    const article: Article = {
      ...created,
      headline,
      slug: `${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${n}`,
      slugEdited: true,
      dek: `Ships are back in port, story ${n}.`,
      byline: [{ name: 'Ana Reporter', role: 'Staff', avatar: null }],
      section: 'News',
      tags: ['Harbour'],
      body: body(i + 1),
      leadPhoto: { photoId, caption: `The quay at dawn, picture ${n}.`, credit: 'A. Lens / Newsdesk', creditEdited: true, altText: `Boats along the quay, picture ${n}` },
    };
    await services.drafts.save(article, 'manual');
    seeded.push({ id: created.id, headline, photoId });
  }
  return seeded;
}

/** What the publish panel shows before the editor clicks: the check, whose warnings are then acknowledged. */
export async function acknowledgements(services: Services, articles: readonly SeededArticle[], targetId: string): Promise<Map<string, string[]>> {
  const codes = new Map<string, string[]>();
  for (const article of articles) {
    const check = await services.handlers['publish:check']({ articleId: article.id, targetId, mode: 'publish' });
    if (check.blocking.length > 0) throw new Error(`“${article.headline}” cannot be queued: ${check.blocking.map((issue) => issue.message).join(' ')}`);
    codes.set(article.id, check.warnings.map((issue) => issue.code));
  }
  return codes;
}

/** Queues every article through the publish panel's channel (which runs the check again). */
export async function queueAll(services: Services, articles: readonly SeededArticle[], targetId: string, acknowledged?: Map<string, string[]>): Promise<PublishJob[]> {
  const codes = acknowledged ?? (await acknowledgements(services, articles, targetId));
  const jobs: PublishJob[] = [];
  for (const article of articles) {
    jobs.push(await services.handlers['publish:queue']({ articleId: article.id, targetId, mode: 'publish', acknowledged: codes.get(article.id) ?? [] }));
  }
  return jobs;
}

// ---------------------------------------------------------------------------------------------
// Reading the site back

interface WpListedPost {
  id: number;
  title: { raw?: string };
  featured_media: number;
  status: string;
}
interface WpListedMedia {
  id: number;
  slug: string;
}

async function listAll<T>(site: WordPressSite, route: string, fields: string, status: string): Promise<T[]> {
  const authorization = `Basic ${Buffer.from(`${site.user}:${site.appPassword}`).toString('base64')}`;
  const all: T[] = [];
  for (let page = 1; ; page += 1) {
    // Ordered by id: the default order (date) ties for posts made in the same second, and MySQL may
    // then page them differently from one page to the next (one shows twice, another never).
    const query = new URLSearchParams({ per_page: '100', page: String(page), context: 'edit', _fields: fields, status, orderby: 'id', order: 'asc' });
    const response = await fetch(`${site.url}/wp-json/wp/v2/${route}?${query}`, { headers: { authorization } });
    if (!response.ok) throw new Error(`GET ${route} page ${page}: HTTP ${response.status} ${await response.text()}`);
    all.push(...((await response.json()) as T[]));
    if (page >= Number(response.headers.get('x-wp-totalpages') ?? 1)) return all;
  }
}

export interface ReadBack {
  /** Articles with exactly one post, whose featured image is their own photo. */
  publishedOnce: number;
  /** Articles with no post. */
  missing: string[];
  /** Extra posts beyond one per article. */
  duplicatePosts: number;
  /** The articles with more than one post or more than one copy of their photo. */
  duplicated: string[];
  /** Articles whose post has no featured image, or not the photo uploaded for it. */
  wrongFeatured: string[];
  /** Posts of these articles found on the site (one each when all is well). */
  posts: number;
  /** Every media item on the site. */
  media: number;
  /** Extra copies of a photo beyond one per article (WordPress suffixes a repeated slug with -2, -3 …). */
  duplicateMedia: number;
}

/** Everything on the site, through its REST API, matched to the articles (posts by headline, media by key). */
export async function readBack(site: WordPressSite, articles: readonly SeededArticle[], targetId: string): Promise<ReadBack> {
  const posts = await listAll<WpListedPost>(site, 'posts', 'id,title,featured_media,status', 'publish,future,draft,pending,private');
  const media = await listAll<WpListedMedia>(site, 'media', 'id,slug', 'inherit,private');
  const postsByTitle = new Map<string, WpListedPost[]>();
  for (const post of posts) postsByTitle.set(post.title.raw ?? '', [...(postsByTitle.get(post.title.raw ?? '') ?? []), post]);
  const mediaByKey = new Map<string, WpListedMedia[]>();
  for (const item of media) {
    const key = item.slug.replace(/-\d+$/, '');
    mediaByKey.set(key, [...(mediaByKey.get(key) ?? []), item]);
  }
  const result: ReadBack = { publishedOnce: 0, missing: [], duplicatePosts: 0, duplicated: [], wrongFeatured: [], posts: 0, media: media.length, duplicateMedia: 0 };
  for (const article of articles) {
    const found = postsByTitle.get(article.headline) ?? [];
    const copies = mediaByKey.get(mediaKeyOf(targetId, article.id, article.photoId)) ?? [];
    result.duplicateMedia += Math.max(0, copies.length - 1);
    if (found.length > 1 || copies.length > 1) result.duplicated.push(article.headline);
    if (found.length === 0) {
      result.missing.push(article.headline);
      continue;
    }
    result.posts += found.length;
    result.duplicatePosts += found.length - 1;
    const post = found[0]!;
    if (found.length === 1 && copies.length === 1 && post.featured_media === copies[0]!.id) result.publishedOnce += 1;
    else if (post.featured_media === 0 || !copies.some((copy) => copy.id === post.featured_media)) result.wrongFeatured.push(article.headline);
  }
  return result;
}
