import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../shared/model/article';
import type { Photo } from '../../shared/model/photo';
import { killNotice } from '../../shared/rules/kill-notice';
import { ghostSkipReason, startGhost, type GhostSite } from '../ghost/ghost-server';
import { ghostAdmin, openGhostDesk } from './ghost-publish-helpers';
import { attempt, importAgencyPhotos, newJob, saveArticle, startRecordingProxy, useOf, type PublishingDesk, type RecordingProxy } from './wordpress-publish-helpers';

const skipReason = ghostSkipReason();
if (skipReason) console.warn(`[ghost-seo] skipped: ${skipReason}`);

/** The search and social fields as the Admin API returns them on a post. */
interface SeoPost {
  id: string;
  url: string;
  meta_title: string | null;
  meta_description: string | null;
  og_title: string | null;
  og_description: string | null;
  og_image: string | null;
  twitter_title: string | null;
  twitter_description: string | null;
  twitter_image: string | null;
  feature_image: string | null;
}

describe.skipIf(skipReason !== null)('search and social fields on a real Ghost', () => {
  let site: GhostSite;
  let proxy: RecordingProxy;
  let desk: PublishingDesk;
  let admin: ReturnType<typeof ghostAdmin>;
  let photos: Photo[];
  let article: Article;
  let postId: string;

  const readBack = async (): Promise<SeoPost> => {
    const { json } = await admin.call<{ posts: SeoPost[] }>('GET', `/posts/${postId}/`);
    return json.posts[0]!;
  };

  beforeAll(async () => {
    site = await startGhost();
    proxy = await startRecordingProxy(site.url);
    desk = await openGhostDesk(site, proxy.url);
    admin = ghostAdmin(site);
    photos = await importAgencyPhotos(desk, ['iimAndXmp', 'xmpOnly']);
    article = await saveArticle(desk.drafts, {
      headline: 'Harbour reopens after the storm',
      dek: 'Ferries run again from Monday.',
      leadPhoto: { ...useOf(photos[0]!), altText: 'The harbour at dawn' },
      seoTitle: 'Harbour reopens: ferry times from Monday',
      seoDescription: 'The harbour reopens on Monday after storm repairs; the first ferry leaves at 6:10.',
      socialTitle: 'The harbour is open again',
      socialDescription: 'Six weeks of repairs, and the first ferry leaves on Monday.',
      socialImage: photos[1]!.id,
    });
  }, 240_000);

  afterAll(async () => {
    await desk?.close();
    await proxy?.close();
    await site?.stop();
  });

  it('sends every field, and the social image uploaded once like the other photos', async () => {
    proxy.requests.splice(0);
    const result = await attempt(desk.publisher, newJob(article.id, desk.target.id));
    expect(result.error).toBeNull();
    postId = result.outcome?.kind === 'done' ? String(result.outcome.remote.postId) : '';
    expect(proxy.requests.filter((line) => line === 'POST /ghost/api/admin/images/upload/')).toHaveLength(2);

    const post = await readBack();
    expect(post).toMatchObject({
      meta_title: 'Harbour reopens: ferry times from Monday',
      meta_description: 'The harbour reopens on Monday after storm repairs; the first ferry leaves at 6:10.',
      og_title: 'The harbour is open again',
      og_description: 'Six weeks of repairs, and the first ferry leaves on Monday.',
      twitter_title: 'The harbour is open again',
      twitter_description: 'Six weeks of repairs, and the first ferry leaves on Monday.',
    });
    expect(post.og_image).toMatch(/\/content\/images\/\d{4}\/\d{2}\/nd[a-f0-9]{24}\.jpg$/);
    expect(post.twitter_image).toBe(post.og_image);
    expect(post.og_image).not.toBe(post.feature_image);

    // Ghost's own page carries them in its head.
    const page = await (await fetch(post.url)).text();
    expect(page).toContain('<title>Harbour reopens: ferry times from Monday</title>');
    expect(page).toContain('<meta name="description" content="The harbour reopens on Monday after storm repairs; the first ferry leaves at 6:10.">');
    expect(page).toContain('<meta property="og:title" content="The harbour is open again">');
    expect(page).toContain(`<meta property="og:image" content="${post.og_image}">`);
  }, 120_000);

  it('falls back to the headline and dek once the fields are emptied, and drops the social image, with no new upload', async () => {
    await desk.drafts.save({ ...(await desk.drafts.get(article.id)), seoTitle: '', seoDescription: '', socialTitle: '', socialDescription: '', socialImage: null }, 'manual');
    proxy.requests.splice(0);
    const result = await attempt(desk.publisher, newJob(article.id, desk.target.id));
    expect(result.error).toBeNull();
    expect(proxy.requests.filter((line) => line === 'POST /ghost/api/admin/images/upload/')).toHaveLength(0);
    const post = await readBack();
    expect(post).toMatchObject({
      meta_title: 'Harbour reopens after the storm',
      meta_description: 'Ferries run again from Monday.',
      og_title: 'Harbour reopens after the storm',
      og_description: 'Ferries run again from Monday.',
      og_image: null,
      twitter_image: null,
    });
  }, 120_000);

  it('clears the search and social text and images when the story is killed', async () => {
    await desk.drafts.save({ ...(await desk.drafts.get(article.id)), socialImage: photos[1]!.id, socialDescription: 'To be withdrawn' }, 'manual');
    expect((await attempt(desk.publisher, newJob(article.id, desk.target.id))).error).toBeNull();
    expect((await readBack()).og_image).not.toBeNull();
    const result = await attempt(desk.publisher, newJob(article.id, desk.target.id, { mode: 'draft', kill: killNotice('The agency withdrew the picture.', new Date()) }));
    expect(result.error).toBeNull();
    const post = await readBack();
    expect(post).toMatchObject({ og_image: null, twitter_image: null, og_description: null, twitter_description: null, meta_description: null, feature_image: null });
  }, 120_000);
});
