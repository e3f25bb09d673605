import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../shared/model/article';
import type { Photo } from '../../shared/model/photo';
import type { PhotoUse } from '../../shared/model/photo-use';
import { itemKey } from '../../shared/model/placement';
import { placeItem, setPinned, setTiming } from '../../shared/rules/placement';
import { captionWithCredit } from '../../shared/rules/photo-use';
import { createGhostApi, GhostCollision } from '../../electron/main/services/publishing/ghost/ghost-api';
import { ghostSkipReason, startGhost, type GhostSite } from '../ghost/ghost-server';
import { ghostAdmin, openGhostDesk } from './ghost-publish-helpers';
import {
  attempt,
  bodyWithPhotos,
  importAgencyPhotos,
  newJob,
  saveArticle,
  startRecordingProxy,
  useOf,
  type PublishingDesk,
  type RecordingProxy,
} from './wordpress-publish-helpers';

const skipReason = ghostSkipReason();
if (skipReason) console.warn(`[ghost-publish] skipped: ${skipReason}`);

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe.skipIf(skipReason !== null)('publishing an article to a real Ghost', () => {
  let site: GhostSite;
  let proxy: RecordingProxy;
  let desk: PublishingDesk;
  let admin: ReturnType<typeof ghostAdmin>;
  let photos: Photo[];
  let uses: PhotoUse[];
  let article: Article;
  let scheduledAt: string;
  let postId: string;

  beforeAll(async () => {
    const started = performance.now();
    site = await startGhost();
    console.info(`[ghost-publish] Ghost started in ${Math.round(performance.now() - started)} ms at ${site.url}`);
    proxy = await startRecordingProxy(site.url);
    desk = await openGhostDesk(site, proxy.url);
    admin = ghostAdmin(site);
    photos = await importAgencyPhotos(desk, ['iimAndXmp', 'xmpOnly', 'iimUtf8']);
    uses = photos.map((photo, i) => ({ ...useOf(photo), altText: `Alt text of photo ${i + 1}` }));
    article = await saveArticle(desk.drafts, {
      headline: 'Budget passes <first> reading',
      dek: 'The finance minister kept taxes level.',
      slug: 'budget-passes-first-reading',
      slugEdited: true,
      section: 'Politics',
      tags: ['Budget', 'Parliament'],
      leadPhoto: uses[0]!,
      body: bodyWithPhotos(uses[1]!, uses[2]!),
    });
    scheduledAt = new Date(Math.floor((Date.now() + 2 * 86_400_000) / 1000) * 1000).toISOString();
    const feed = desk.settings.get().feeds.find((candidate) => candidate.id === 'news-feed')!;
    const ref = { kind: 'article' as const, id: article.id };
    await desk.board.update((board) =>
      setTiming(setPinned(placeItem(board, ref, feed), itemKey(ref), feed.id, true), itemKey(ref), {
        publish: { mode: 'scheduled', at: scheduledAt },
        embargoUntil: null,
        expiresAt: null,
      }),
    );
  }, 240_000);

  afterAll(async () => {
    await desk?.close();
    await proxy?.close();
    await site?.stop();
  });

  it('publishes the post as Ghost Lexical with its photos, captions with credits, alt text, tags, feature and schedule', async () => {
    proxy.requests.splice(0);
    const result = await attempt(desk.publisher, newJob(article.id, desk.target.id));
    expect(result.error).toBeNull();
    expect(result.outcome?.kind).toBe('done');
    postId = result.outcome?.kind === 'done' ? String(result.outcome.remote.postId) : '';
    expect(postId).toMatch(/^[a-f0-9]{24}$/);
    expect(proxy.requests.filter((line) => line === 'POST /ghost/api/admin/images/upload/')).toHaveLength(3);
    expect(proxy.requests.filter((line) => line === 'POST /ghost/api/admin/posts/')).toHaveLength(1);

    const post = await admin.post(postId);
    expect(post).toMatchObject({
      title: 'Budget passes <first> reading',
      slug: 'budget-passes-first-reading',
      custom_excerpt: 'The finance minister kept taxes level.',
      status: 'scheduled',
      featured: true,
      feature_image_alt: 'Alt text of photo 1',
      feature_image_caption: escape(captionWithCredit(uses[0]!.caption, uses[0]!.credit)),
    });
    expect(new Date(post.published_at!).toISOString()).toBe(scheduledAt);
    expect(post.feature_image).toMatch(/\/content\/images\/\d{4}\/\d{2}\/nd[a-f0-9]{24}\.jpg$/);
    expect(post.tags.map((tag) => tag.name)).toEqual(['Politics', 'News Feed', 'Budget', 'Parliament']);

    // Ghost's own rendering of the Lexical we sent.
    const html = post.html ?? '';
    const figures = html.match(/<figure class="kg-card kg-image-card[^"]*">[\s\S]*?<\/figure>/g) ?? [];
    expect(figures).toHaveLength(2);
    for (const [index, use] of [uses[1]!, uses[2]!].entries()) {
      expect(figures[index]).toContain(`alt="${use.altText}"`);
      expect(figures[index]).toContain(`<figcaption>${escape(captionWithCredit(use.caption, use.credit))}</figcaption>`);
    }
    expect(figures[1]).toContain('kg-width-wide');
    expect(html).toContain('<strong>Tuesday</strong>');
    expect(html).toContain('<a href="https://example.com/budget">full text</a>');
    expect(html).toMatch(/<blockquote class="kg-blockquote-alt">We will not raise taxes this year\.<\/blockquote>/);
    expect(html).toMatch(/<ul>\s*<li>Health: \+4%<\/li>\s*<li>Defence: \+2%<\/li>\s*<\/ul>/);
    // The marker that finds the post after a lost answer is a comment, invisible on the page.
    expect(html).toMatch(/<!-- newsdesk:[a-z0-9]+ -->/);
    const record = await desk.records.get(desk.target.id, article.id);
    expect(record).toMatchObject({ postId, pending: [], modifiedGmt: post.updated_at });
    expect(record?.media).toHaveLength(3);
  }, 120_000);

  it('updates the same post on the next push without uploading the photos again', async () => {
    await desk.drafts.save({ ...(await desk.drafts.get(article.id)), dek: 'Taxes stay level, the minister said.' }, 'manual');
    proxy.requests.splice(0);
    const result = await attempt(desk.publisher, newJob(article.id, desk.target.id));
    expect(result.error).toBeNull();
    expect(result.outcome).toMatchObject({ kind: 'done', remote: { postId } });
    expect(proxy.requests.some((line) => line.includes('/images/upload/'))).toBe(false);
    expect(proxy.requests.filter((line) => line.startsWith('PUT /ghost/api/admin/posts/'))).toHaveLength(1);
    expect((await admin.post(postId)).custom_excerpt).toBe('Taxes stay level, the minister said.');
  }, 60_000);

  it('stops with a conflict when the post was edited on the site, and overwrites only when asked', async () => {
    const before = await admin.post(postId);
    const edited = await admin.call('PUT', `/posts/${postId}/`, { posts: [{ title: 'Edited on the site', updated_at: before.updated_at }] });
    expect(edited.status).toBe(200);
    const result = await attempt(desk.publisher, newJob(article.id, desk.target.id));
    expect(result.error).toBeNull();
    expect(result.outcome?.kind).toBe('conflict');
    if (result.outcome?.kind !== 'conflict') return;
    expect(result.outcome.conflict.remote.title).toBe('Edited on the site');
    expect(result.outcome.conflict.local.title).toBe(escape('Budget passes <first> reading'));
    expect((await admin.post(postId)).title).toBe('Edited on the site');

    const overwrite = await attempt(desk.publisher, newJob(article.id, desk.target.id, { overwrite: true }));
    expect(overwrite.outcome?.kind).toBe('done');
    expect((await admin.post(postId)).title).toBe('Budget passes <first> reading');
  }, 60_000);

  it('reads a stale updated_at refused by Ghost (409 UPDATE_COLLISION) as a collision', async () => {
    const api = createGhostApi({ siteUrl: site.url, adminApiKey: site.adminApiKey, http: desk.http });
    const error = await api.updatePost(postId, { title: 'Stale', updated_at: '2000-01-01T00:00:00.000Z' }, new AbortController().signal).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GhostCollision);
  });

  it('finds a post whose create answer was lost instead of creating it twice, and an upload likewise', async () => {
    const fresh = await saveArticle(desk.drafts, { headline: 'Lost answer story', slug: '', leadPhoto: uses[1]!, body: bodyWithPhotos(uses[1]!, uses[2]!) });
    const job = newJob(fresh.id, desk.target.id);
    proxy.loseNextAnswer('POST', '/ghost/api/admin/images/upload/');
    const first = await attempt(desk.publisher, job);
    expect(first.error).not.toBeNull();
    proxy.loseNextAnswer('POST', '/ghost/api/admin/posts/');
    const second = await attempt(desk.publisher, job);
    expect(second.error).not.toBeNull();
    proxy.requests.splice(0);
    const third = await attempt(desk.publisher, job);
    expect(third.error).toBeNull();
    expect(third.outcome?.kind).toBe('done');
    expect(third.log.join('\n')).toContain('Found the post created by an earlier attempt');
    expect(proxy.requests.filter((line) => line === 'POST /ghost/api/admin/posts/')).toHaveLength(0);
    expect(await admin.postsTitled('Lost answer story')).toHaveLength(1);
    const record = await desk.records.get(desk.target.id, fresh.id);
    expect(record?.media).toHaveLength(2);
    expect(record?.pending).toEqual([]);
  }, 120_000);
});
