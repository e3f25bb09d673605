import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhotoUse } from '../../shared/model/photo-use';
import type { VideoItem } from '../../shared/model/video';
import { captionWithCredit } from '../../shared/rules/photo-use';
import { isPublishError } from '../../electron/main/services/publishing/http/publish-error';
import { startWordPress, wordPressSkipReason, type WordPressSite } from '../wordpress/wordpress-server';
import { openVideoDesk, saveVideo, YOUTUBE_PAGE, YOUTUBE_PLAYER, type VideoDesk } from './video-publish-helpers';
import {
  attempt,
  importAgencyPhotos,
  newJob,
  openPublishingDesk,
  restClient,
  startRecordingProxy,
  useOf,
  type PublishingDesk,
  type RecordingProxy,
  type RestMedia,
  type RestPost,
} from './wordpress-publish-helpers';

const skipReason = wordPressSkipReason();
if (skipReason) console.warn(`[wordpress-video] skipped: ${skipReason}`);

const DESK_CREDIT_LINE = 'Desk Video Pool/AFP';

describe.skipIf(skipReason !== null)('publishing a video item to a real WordPress', () => {
  let site: WordPressSite;
  let proxy: RecordingProxy;
  let desk: PublishingDesk;
  let videoDesk: VideoDesk;
  let rest: ReturnType<typeof restClient>;
  let poster: PhotoUse;
  let video: VideoItem;
  let postId: number;
  const videoJob = (fields = {}) => newJob(video.id, desk.target.id, { itemKind: 'video', headline: video.headline, ...fields });

  beforeAll(async () => {
    site = await startWordPress();
    proxy = await startRecordingProxy(site.url);
    desk = await openPublishingDesk(site, proxy.url);
    videoDesk = await openVideoDesk(desk);
    rest = restClient(site);
    const [imported] = await importAgencyPhotos(desk, ['iimAndXmp']);
    // A credit line only the desk holds: if it is in the uploaded file, the copy carried the desk's XMP.
    const photo = await desk.media.update(imported!.id, { creditLine: DESK_CREDIT_LINE });
    poster = { ...useOf(photo), altText: 'Water up to the doors of the town hall' };
    video = await saveVideo(videoDesk.videos, {
      headline: 'Flood waters reach the old town',
      blurb: 'The river rose two metres overnight.',
      poster,
      source: YOUTUBE_PLAYER,
      durationSeconds: 95,
    });
  }, 120_000);

  afterAll(async () => {
    await videoDesk?.close();
    await desk?.close();
    await proxy?.close();
    await site?.stop();
  });

  it('publishes a post with the embed block, the blurb as excerpt and first paragraph, and the credited poster as featured image, once after a lost answer', async () => {
    proxy.requests.splice(0);
    const job = videoJob();
    // WordPress creates the post, the desk never hears of it: the retry must find it, not make a second.
    proxy.loseNextAnswer('POST', '/wp/v2/posts');
    const lost = await attempt(videoDesk.publisher, job);
    expect(isPublishError(lost.error) && lost.error.retryable).toBe(true);
    const result = await attempt(videoDesk.publisher, job);
    expect(result.error).toBeNull();
    expect(result.outcome?.kind).toBe('done');
    postId = result.outcome?.kind === 'done' ? (result.outcome.remote.postId as number) : 0;
    expect(proxy.requests.filter((line) => line === 'POST /wp/v2/posts')).toHaveLength(1);
    expect(proxy.requests.filter((line) => line === 'POST /wp/v2/media')).toHaveLength(1);
    expect(await rest.total('/posts?search=Flood%20waters&status=any')).toBe(1);

    const post = await rest.get<RestPost>(`/posts/${postId}?context=edit`);
    expect(post.status).toBe('publish');
    expect(post.title.raw).toBe('Flood waters reach the old town');
    expect(post.excerpt.raw).toBe('The river rose two metres overnight.');
    const content = post.content.raw;
    expect(content.indexOf('<p>The river rose two metres overnight.</p>')).toBeGreaterThanOrEqual(0);
    // The core embed block as WordPress's own editor writes it for a YouTube player.
    expect(content).toContain(`<!-- wp:embed {"url":"${YOUTUBE_PAGE}","type":"video","providerNameSlug":"youtube"} -->`);
    expect(content).toContain(`<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">\n${YOUTUBE_PAGE}\n</div></figure>`);
    expect(content.indexOf('The river rose')).toBeLessThan(content.indexOf('wp:embed'));

    const featured = await rest.get<RestMedia>(`/media/${post.featured_media}?context=edit`);
    expect(featured.caption.raw).toBe(captionWithCredit(poster.caption, poster.credit));
    expect(featured.caption.raw).toContain(poster.credit);
    expect(featured.alt_text).toBe('Water up to the doors of the town hall');
    // The poster's XMP carries the desk's credit, as an article photo's does.
    expect(poster.credit).toContain(DESK_CREDIT_LINE);
    const file = Buffer.from(await (await fetch(featured.source_url)).arrayBuffer());
    expect(file.includes(Buffer.from(DESK_CREDIT_LINE))).toBe(true);
    const record = await desk.records.get(desk.target.id, video.id);
    expect(record).toMatchObject({ postId, pending: [] });
    expect(record?.media).toHaveLength(1);
  }, 120_000);

  it('updates the same post on the next push without uploading the poster again', async () => {
    video = await videoDesk.videos.save({ ...video, headline: 'Flood waters reach the old town square' });
    proxy.requests.splice(0);
    const result = await attempt(videoDesk.publisher, videoJob());
    expect(result.error).toBeNull();
    expect(result.outcome).toMatchObject({ kind: 'done', remote: { postId } });
    expect(proxy.requests).not.toContain('POST /wp/v2/media');
    expect(proxy.requests).not.toContain('POST /wp/v2/posts');
    expect((await rest.get<RestPost>(`/posts/${postId}?context=edit`)).title.raw).toBe('Flood waters reach the old town square');
  }, 60_000);

  it('retracts the video post back to a draft', async () => {
    const retracted = await attempt(videoDesk.publisher, videoJob({ mode: 'draft', retract: { as: 'draft' } }));
    expect(retracted.error).toBeNull();
    expect(retracted.outcome).toMatchObject({ kind: 'done', remote: { postId } });
    expect((await rest.get<RestPost>(`/posts/${postId}?context=edit`)).status).toBe('draft');
    const record = await desk.records.get(desk.target.id, video.id);
    expect(record?.history?.map((event) => event.action)).toEqual(['published', 'updated', 'retracted']);
  }, 60_000);

  it('a video gone from the library fails with a sentence, sending nothing', async () => {
    proxy.requests.splice(0);
    const result = await attempt(videoDesk.publisher, newJob('0a1b2c3d-0000-4000-8000-000000000000', desk.target.id, { itemKind: 'video' }));
    expect(isPublishError(result.error) && result.error.message).toMatch(/video item no longer exists/);
    expect(proxy.requests).toEqual([]);
  });
});
