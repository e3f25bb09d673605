import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../shared/model/article';
import type { Photo } from '../../shared/model/photo';
import type { PhotoUse } from '../../shared/model/photo-use';
import { itemKey } from '../../shared/model/placement';
import type { PublishJob } from '../../shared/model/publishing';
import { placeItem, setPinned, setTiming } from '../../shared/rules/placement';
import { captionWithCredit } from '../../shared/rules/photo-use';
import { isPublishError } from '../../electron/main/services/publishing/http/publish-error';
import { startWordPress, wordPressSkipReason, type WordPressSite } from '../wordpress/wordpress-server';
import {
  attempt,
  bodyWithPhotos,
  importAgencyPhotos,
  newJob,
  openPublishingDesk,
  photoNode,
  restClient,
  saveArticle,
  startRecordingProxy,
  useOf,
  type PublishingDesk,
  type RecordingProxy,
  type RestMedia,
  type RestPost,
  type RestTerm,
} from './wordpress-publish-helpers';

const skipReason = wordPressSkipReason();
if (skipReason) console.warn(`[wordpress-publish] skipped: ${skipReason}`);

const DESK_CREDIT_LINE = 'Desk Check Pool/AFP';

describe.skipIf(skipReason !== null)('publishing an article to a real WordPress', () => {
  let site: WordPressSite;
  let proxy: RecordingProxy;
  let desk: PublishingDesk;
  let rest: ReturnType<typeof restClient>;
  let photos: Photo[];
  let uses: PhotoUse[];
  let article: Article;
  let scheduledAt: string;
  let postId: number;
  const requestsOf = (run: () => Promise<unknown>) => async () => {
    proxy.requests.splice(0);
    await run();
    return [...proxy.requests];
  };

  beforeAll(async () => {
    const started = performance.now();
    site = await startWordPress();
    console.info(`[wordpress-publish] WordPress started in ${Math.round(performance.now() - started)} ms at ${site.url}`);
    proxy = await startRecordingProxy(site.url);
    desk = await openPublishingDesk(site, proxy.url);
    rest = restClient(site);

    const imported = await importAgencyPhotos(desk, ['iimAndXmp', 'xmpOnly', 'iimUtf8']);
    // A credit line only the desk holds: if it is in the uploaded file, the copy carried the desk's XMP.
    photos = [await desk.media.update(imported[0]!.id, { creditLine: DESK_CREDIT_LINE }), imported[1]!, imported[2]!];
    uses = photos.map((photo, i) => ({ ...useOf(photo), altText: `Alt text of photo ${i + 1}` }));
    article = await saveArticle(desk.drafts, {
      headline: 'Budget passes first reading',
      dek: 'The finance minister kept taxes level.',
      slug: 'budget-passes-first-reading',
      slugEdited: true,
      section: 'Politics',
      tags: ['Budget', 'Parliament'],
      leadPhoto: uses[0]!,
      body: bodyWithPhotos(uses[1]!, uses[2]!),
      byline: [{ name: 'Jane Doe', role: 'Political editor', avatar: null }],
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
  }, 120_000);

  afterAll(async () => {
    await desk?.close();
    await proxy?.close();
    await site?.stop();
  });

  it('publishes the post with its photos, credits, category, tags, pin and schedule', async () => {
    const job = newJob(article.id, desk.target.id);
    let result!: Awaited<ReturnType<typeof attempt>>;
    const requests = await requestsOf(async () => {
      result = await attempt(desk.publisher, job);
    })();
    expect(result.error).toBeNull();
    console.info(`[wordpress-publish] first publish (3 photos, new terms) took ${Math.round(result.ms)} ms, ${requests.length} requests`);
    expect(result.outcome?.kind).toBe('done');
    postId = result.outcome?.kind === 'done' ? (result.outcome.remote.postId as number) : 0;

    // A clean run creates directly: no lookups of earlier attempts.
    expect(requests.filter((line) => line === 'POST /wp/v2/media')).toHaveLength(3);
    expect(requests.filter((line) => line === 'POST /wp/v2/posts')).toHaveLength(1);
    expect(requests).not.toContain('GET /wp/v2/media');
    expect(requests).not.toContain('GET /wp/v2/posts');

    const post = await rest.get<RestPost>(`/posts/${postId}?context=edit`);
    expect(post.title.raw).toBe('Budget passes first reading');
    expect(post.excerpt.raw).toBe('The finance minister kept taxes level.');
    expect(post.slug).toBe('budget-passes-first-reading');
    expect(post.status).toBe('future');
    expect(post.date_gmt).toBe(scheduledAt.slice(0, 19));
    expect(post.sticky).toBe(true);

    const categories = await rest.get<RestTerm[]>(`/categories?include=${post.categories.join(',')}`);
    expect(categories.map((term) => term.name).sort()).toEqual(['News Feed', 'Politics']);
    const tags = await rest.get<RestTerm[]>(`/tags?include=${post.tags.join(',')}`);
    expect(tags.map((term) => term.name).sort()).toEqual(['Budget', 'Parliament']);

    const featured = await rest.get<RestMedia>(`/media/${post.featured_media}?context=edit`);
    expect(featured.caption.raw).toBe(captionWithCredit(uses[0]!.caption, uses[0]!.credit));
    expect(featured.caption.raw).toContain(uses[0]!.credit);
    expect(uses[0]!.credit).toContain(DESK_CREDIT_LINE);
    expect(featured.alt_text).toBe('Alt text of photo 1');
    expect(featured.description.raw).toContain('© 2026 AFP');
    const file = Buffer.from(await (await fetch(featured.source_url)).arrayBuffer());
    expect(file.includes(Buffer.from(DESK_CREDIT_LINE))).toBe(true);

    const media = await rest.get<RestMedia[]>('/media?context=edit&per_page=100');
    expect(media).toHaveLength(3);
    const byAlt = Object.fromEntries(media.map((item) => [item.alt_text, item]));
    expect(Object.keys(byAlt).sort()).toEqual(['Alt text of photo 1', 'Alt text of photo 2', 'Alt text of photo 3']);

    const content = post.content.raw;
    for (const use of [uses[1]!, uses[2]!]) {
      expect(content).toContain(`<span class="credit">(${use.credit})</span></figcaption>`);
      expect(content).toContain(`alt="${use.altText}"`);
    }
    // The desk reached the site through the proxy, so its addresses carry the proxy's host and port.
    const asPublished = (item: RestMedia | undefined) => `${proxy.url}${new URL(item!.source_url).pathname}`;
    expect(content).toContain(`<figure><img src="${asPublished(byAlt['Alt text of photo 2'])}"`);
    expect(content).toContain(`<figure class="alignwide"><img src="${asPublished(byAlt['Alt text of photo 3'])}"`);
    expect(content).toContain('<blockquote class="pull-quote">We will not raise taxes this year.</blockquote>');
    expect(content).toContain('<li>Health: +4%</li>');
    expect(content).toContain('<a href="https://example.com/budget">full text</a>');
    expect(content).toContain(`<!-- newsdesk:${job.clientKey} -->`);

    const uploading = result.progress.filter((step) => step.step === 'uploading');
    expect(uploading.map((step) => step.label)).toContain(`Uploading photo 2 of 3 (“${photos[1]!.fileName}”)`);
    expect(uploading.some((step) => step.bytesTotal > 10_000 && step.bytesSent === step.bytesTotal)).toBe(true);

    const record = await desk.records.get(desk.target.id, article.id);
    expect(record).toMatchObject({ postId, pending: [], modifiedGmt: post.modified_gmt });
    expect(record?.media).toHaveLength(3);
  });

  it('publishing again updates the same post and uploads nothing', async () => {
    let result!: Awaited<ReturnType<typeof attempt>>;
    const requests = await requestsOf(async () => {
      result = await attempt(desk.publisher, newJob(article.id, desk.target.id));
    })();
    expect(result.error).toBeNull();
    console.info(`[wordpress-publish] republish took ${Math.round(result.ms)} ms, ${requests.length} requests`);
    expect(result.outcome).toMatchObject({ kind: 'done', remote: { postId } });
    expect(requests).toEqual([`GET /wp/v2/posts/${postId}`, `POST /wp/v2/posts/${postId}`]);
    expect(await rest.total('/media')).toBe(3);
    expect(await rest.total('/posts?status=publish,future,draft,pending,private')).toBe(2); // ours and "Hello world!"
  });

  it('a changed caption updates that media item only', async () => {
    const current = await desk.drafts.get(article.id);
    const changed = { ...uses[1]!, caption: 'Ministers arrive at the Elysee for the budget meeting.' };
    const root = current.body.root;
    const children = root.children.map((node) => (node.type === 'newsdesk-photo' && node.photoId === changed.photoId ? photoNode(changed) : node));
    await desk.drafts.save({ ...current, body: { root: { ...root, children } } }, 'manual');
    const record = await desk.records.get(desk.target.id, article.id);
    const mediaId = record!.media.find((item) => item.photoId === changed.photoId)!.mediaId;

    let result!: Awaited<ReturnType<typeof attempt>>;
    const requests = await requestsOf(async () => {
      result = await attempt(desk.publisher, newJob(article.id, desk.target.id));
    })();
    expect(result.error).toBeNull();
    expect(requests).toEqual([`GET /wp/v2/posts/${postId}`, `POST /wp/v2/media/${mediaId}`, `POST /wp/v2/posts/${postId}`]);
    expect(await rest.total('/media')).toBe(3);
    const media = await rest.get<RestMedia>(`/media/${mediaId}?context=edit`);
    expect(media.caption.raw).toBe(captionWithCredit(changed.caption, changed.credit));
    const post = await rest.get<RestPost>(`/posts/${postId}?context=edit`);
    expect(post.content.raw).toContain('Ministers arrive at the Elysee for the budget meeting.');
  });

  it('stops with both versions when the post was edited in WordPress, and overwrites when asked', async () => {
    const before = await desk.records.get(desk.target.id, article.id);
    // Another client edits the post, possibly within the same second as our last write.
    await rest.post(`/posts/${postId}`, { title: 'Budget passes (edited on the site)', excerpt: 'Edited dek.' });

    const conflicted = await attempt(desk.publisher, newJob(article.id, desk.target.id));
    expect(conflicted.error).toBeNull();
    expect(conflicted.outcome?.kind).toBe('conflict');
    const conflict = conflicted.outcome?.kind === 'conflict' ? conflicted.outcome.conflict : null;
    expect(conflict?.remote.title).toBe('Budget passes (edited on the site)');
    expect(conflict?.remote.excerpt).toBe('Edited dek.');
    expect(conflict?.remote.html).toContain('<blockquote class="pull-quote">');
    expect(conflict?.remote.html).not.toContain('newsdesk:');
    expect(conflict?.remote.link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(conflict?.local).toMatchObject({ title: 'Budget passes first reading', excerpt: 'The finance minister kept taxes level.' });
    expect(conflict?.local.html).toContain('<figcaption>');
    expect(conflict?.knownModifiedGmt).toBe(before?.modifiedGmt);
    expect((await rest.get<RestPost>(`/posts/${postId}?context=edit`)).title.raw).toBe('Budget passes (edited on the site)');

    const overwritten = await attempt(desk.publisher, newJob(article.id, desk.target.id, { overwrite: true }));
    expect(overwritten.error).toBeNull();
    expect(overwritten.outcome).toMatchObject({ kind: 'done', remote: { postId } });
    expect((await rest.get<RestPost>(`/posts/${postId}?context=edit`)).title.raw).toBe('Budget passes first reading');

    const again = await attempt(desk.publisher, newJob(article.id, desk.target.id));
    expect(again.outcome?.kind).toBe('done');
  });

  it('finds a post whose create answer was lost instead of creating it twice', async () => {
    const other = await saveArticle(desk.drafts, { headline: 'Lost answer story', dek: 'Dek', leadPhoto: uses[1]!, tags: [] });
    const job: PublishJob = newJob(other.id, desk.target.id);
    const postsBefore = await rest.total('/posts?status=publish,future,draft,pending,private');
    proxy.loseNextAnswer('POST', '/wp/v2/posts');

    const lost = await attempt(desk.publisher, job);
    expect(isPublishError(lost.error) && lost.error.retryable).toBe(true);
    expect(await rest.total('/posts?status=publish,future,draft,pending,private')).toBe(postsBefore + 1);
    expect((await desk.records.get(desk.target.id, other.id))?.pending).toEqual([{ kind: 'post', key: job.clientKey }]);

    const requests = await requestsOf(async () => {
      const retried = await attempt(desk.publisher, job);
      expect(retried.error).toBeNull();
      expect(retried.log.join('\n')).toContain('Found the post created by an earlier attempt');
    })();
    expect(requests).toContain('GET /wp/v2/posts');
    expect(requests).not.toContain('POST /wp/v2/posts');
    expect(requests).not.toContain('POST /wp/v2/media');
    expect(await rest.total('/posts?status=publish,future,draft,pending,private')).toBe(postsBefore + 1);
    expect((await desk.records.get(desk.target.id, other.id))?.pending).toEqual([]);
  });

  it('finds a photo whose upload answer was lost instead of uploading it twice', async () => {
    const other = await saveArticle(desk.drafts, { headline: 'Lost upload story', dek: 'Dek', leadPhoto: uses[2]!, tags: [] });
    const job = newJob(other.id, desk.target.id);
    const mediaBefore = await rest.total('/media');
    proxy.loseNextAnswer('POST', '/wp/v2/media');

    const lost = await attempt(desk.publisher, job);
    expect(isPublishError(lost.error) && lost.error.retryable).toBe(true);
    expect(await rest.total('/media')).toBe(mediaBefore + 1);
    expect((await desk.records.get(desk.target.id, other.id))?.pending.map((entry) => entry.kind)).toEqual(['media', 'post']);

    let retried!: Awaited<ReturnType<typeof attempt>>;
    const requests = await requestsOf(async () => {
      retried = await attempt(desk.publisher, job);
    })();
    expect(retried.error).toBeNull();
    expect(requests).toContain('GET /wp/v2/media');
    expect(requests).not.toContain('POST /wp/v2/media');
    expect(await rest.total('/media')).toBe(mediaBefore + 1);
    const newest = (await rest.get<RestMedia[]>('/media?context=edit&per_page=1'))[0]!;
    expect(newest.slug).toMatch(/^nd[0-9a-f]{24}$/);
    const post = await rest.get<RestPost>(`/posts/${retried.outcome?.kind === 'done' ? retried.outcome.remote.postId : 0}?context=edit`);
    expect(post.featured_media).toBe(newest.id);
  });

  it('reaches a site without pretty permalinks through ?rest_route= and reuses a category named with an entity', async () => {
    const plain = await startRecordingProxy(site.url, { plainPermalinks: true });
    try {
      const target = await desk.targets.save({ kind: 'wordpress', name: 'Plain permalinks', siteUrl: plain.url, user: site.user, secret: site.appPassword });
      // Created by someone else; WordPress stores the name as "Business &amp; Economy".
      const existing = await rest.post<RestTerm>('/categories', { name: 'Business & Economy' });
      const categoriesBefore = await rest.total('/categories');
      const story = await saveArticle(desk.drafts, { headline: 'Plain permalinks story', dek: 'Dek', section: 'business & economy', tags: ['Budget'] });

      const result = await attempt(desk.publisher, newJob(story.id, target.id, { mode: 'draft' }));
      expect(result.error).toBeNull();
      // One question to /wp-json/ (a 404 page), then every request through ?rest_route=.
      expect(plain.urls.filter((url) => url.startsWith('/wp-json/'))).toHaveLength(1);
      expect(plain.urls.slice(1).every((url) => url.startsWith('/?rest_route=%2Fwp%2Fv2%2F'))).toBe(true);
      expect(plain.requests.filter((line) => line === 'POST /wp/v2/posts')).toHaveLength(1);
      const post = await rest.get<RestPost>(`/posts/${result.outcome?.kind === 'done' ? result.outcome.remote.postId : 0}?context=edit`);
      expect(post.status).toBe('draft');
      expect(post.categories).toEqual([existing.id]);
      expect(await rest.total('/categories')).toBe(categoriesBefore);
    } finally {
      await plain.close();
    }
  });

  it('creates a category again when it was deleted on the site since it was last used', async () => {
    const [newsFeed] = await rest.get<RestTerm[]>(`/categories?search=${encodeURIComponent('News Feed')}`);
    await rest.delete(`/categories/${newsFeed!.id}?force=true`);

    const result = await attempt(desk.publisher, newJob(article.id, desk.target.id));
    expect(result.error).toBeNull();
    expect(result.log.join('\n')).toContain('created again');
    const post = await rest.get<RestPost>(`/posts/${postId}?context=edit`);
    const categories = await rest.get<RestTerm[]>(`/categories?include=${post.categories.join(',')}`);
    expect(categories.map((term) => term.name).sort()).toEqual(['News Feed', 'Politics']);
    expect(post.categories).not.toContain(newsFeed!.id);
  });

  it('stops before sending anything when the job is cancelled', async () => {
    const story = await saveArticle(desk.drafts, { headline: 'Cancelled story', dek: 'Dek', leadPhoto: uses[0]!, tags: [] });
    const controller = new AbortController();
    controller.abort();
    const requests = await requestsOf(async () => {
      const result = await attempt(desk.publisher, newJob(story.id, desk.target.id), controller.signal);
      expect(isPublishError(result.error) && result.error.kind).toBe('local');
    })();
    expect(requests.filter((line) => line.startsWith('POST'))).toEqual([]);
  });

  it('sends a headline and dek with markup characters as text: shown as typed, never run', async () => {
    const headline = 'Tom & Jerry <script>alert(1)</script> "quoted"';
    const story = await saveArticle(desk.drafts, { headline, dek: 'Less <b>than</b> 3% & rising', leadPhoto: uses[0]!, tags: [] });
    const result = await attempt(desk.publisher, newJob(story.id, desk.target.id));
    expect(result.error).toBeNull();
    const id = result.outcome?.kind === 'done' ? result.outcome.remote.postId! : 0;
    const post = await rest.get<RestPost & { title: { rendered: string }; excerpt: { rendered: string } }>(`/posts/${id}?context=edit`);
    expect(post.title.raw).toContain('Tom &amp; Jerry &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(post.title.raw).not.toMatch(/<script/i);
    expect(post.title.rendered).not.toMatch(/<script/i);
    expect(post.excerpt.rendered).not.toMatch(/<b>/);
    // What a reader's browser shows is the text as the editor typed it.
    const shown = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#8217;|&#8220;|&#8221;|&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#038;|&amp;/g, '&').trim();
    expect(shown(post.title.rendered)).toBe(headline);
  });

  it('an update whose answer was lost is known as Newsdesk\'s own on the next attempt, not as an edit on the site', async () => {
    const story = await saveArticle(desk.drafts, { headline: 'Update answer story', dek: 'First dek', leadPhoto: uses[1]!, tags: [] });
    const job = newJob(story.id, desk.target.id);
    const first = await attempt(desk.publisher, job);
    expect(first.error).toBeNull();
    const id = first.outcome?.kind === 'done' ? first.outcome.remote.postId! : 0;

    await desk.drafts.save({ ...(await desk.drafts.get(story.id)), dek: 'Second dek, with "quotes" & more' }, 'manual');
    proxy.loseNextAnswer('POST', `/wp/v2/posts/${id}`);
    const lost = await attempt(desk.publisher, newJob(story.id, desk.target.id));
    expect(isPublishError(lost.error) && lost.error.retryable).toBe(true);
    // The update reached WordPress: the post changed after the last answer Newsdesk recorded.
    expect((await rest.get<RestPost>(`/posts/${id}?context=edit`)).excerpt.raw).toContain('Second dek');

    const retried = await attempt(desk.publisher, newJob(story.id, desk.target.id));
    expect(retried.error).toBeNull();
    expect(retried.outcome?.kind).toBe('done');
    expect(retried.log.join('\n')).toContain('the change on the site is Newsdesk');
    expect((await desk.records.get(desk.target.id, story.id))?.sentTextHash).toBe('');
  });
});
