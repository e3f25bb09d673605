import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhotoUse } from '../../shared/model/photo-use';
import type { VideoItem } from '../../shared/model/video';
import { captionWithCredit } from '../../shared/rules/photo-use';
import { isPublishError } from '../../electron/main/services/publishing/http/publish-error';
import { ghostSkipReason, startGhost, type GhostSite } from '../ghost/ghost-server';
import { ghostAdmin, openGhostDesk } from './ghost-publish-helpers';
import { openVideoDesk, saveVideo, YOUTUBE_PAGE, YOUTUBE_PLAYER, type VideoDesk } from './video-publish-helpers';
import { attempt, importAgencyPhotos, newJob, startRecordingProxy, useOf, type PublishingDesk, type RecordingProxy } from './wordpress-publish-helpers';

const skipReason = ghostSkipReason();
if (skipReason) console.warn(`[ghost-video] skipped: ${skipReason}`);

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface LexicalCard {
  type: string;
  url?: string;
  embedType?: string;
  html?: string;
  children?: LexicalCard[];
}

describe.skipIf(skipReason !== null)('publishing a video item to a real Ghost', () => {
  let site: GhostSite;
  let proxy: RecordingProxy;
  let desk: PublishingDesk;
  let videoDesk: VideoDesk;
  let admin: ReturnType<typeof ghostAdmin>;
  let poster: PhotoUse;
  let video: VideoItem;
  let postId: string;
  const videoJob = (fields = {}) => newJob(video.id, desk.target.id, { itemKind: 'video', headline: video.headline, ...fields });

  beforeAll(async () => {
    site = await startGhost();
    proxy = await startRecordingProxy(site.url);
    desk = await openGhostDesk(site, proxy.url);
    videoDesk = await openVideoDesk(desk);
    admin = ghostAdmin(site);
    const [photo] = await importAgencyPhotos(desk, ['iimAndXmp']);
    poster = { ...useOf(photo!), altText: 'Water up to the doors of the town hall' };
    video = await saveVideo(videoDesk.videos, {
      headline: 'Flood waters reach the old town',
      blurb: 'The river rose two metres overnight.',
      poster,
      source: YOUTUBE_PLAYER,
      durationSeconds: 95,
    });
  }, 240_000);

  afterAll(async () => {
    await videoDesk?.close();
    await desk?.close();
    await proxy?.close();
    await site?.stop();
  });

  it('publishes a post with an embed card for the player, the blurb as excerpt, and the credited poster as feature image, once after a lost answer', async () => {
    proxy.requests.splice(0);
    const job = videoJob();
    proxy.loseNextAnswer('POST', '/ghost/api/admin/posts/');
    const lost = await attempt(videoDesk.publisher, job);
    expect(isPublishError(lost.error) && lost.error.retryable).toBe(true);
    const result = await attempt(videoDesk.publisher, job);
    expect(result.error).toBeNull();
    expect(result.outcome?.kind).toBe('done');
    postId = result.outcome?.kind === 'done' ? String(result.outcome.remote.postId) : '';
    expect(proxy.requests.filter((line) => line === 'POST /ghost/api/admin/posts/')).toHaveLength(1);
    expect(proxy.requests.filter((line) => line === 'POST /ghost/api/admin/images/upload/')).toHaveLength(1);
    expect(await admin.postsTitled('Flood waters reach the old town')).toHaveLength(1);

    const post = await admin.post(postId);
    expect(post).toMatchObject({
      title: 'Flood waters reach the old town',
      custom_excerpt: 'The river rose two metres overnight.',
      status: 'published',
      feature_image_alt: 'Water up to the doors of the town hall',
      feature_image_caption: escape(captionWithCredit(poster.caption, poster.credit)),
    });
    expect(post.feature_image_caption).toContain(escape(poster.credit));
    expect(post.feature_image).toMatch(/\/content\/images\/\d{4}\/\d{2}\/nd[a-f0-9]{24}\.jpg$/);

    // Ghost's Koenig embed card in the Lexical body, after the blurb.
    const root = JSON.parse(post.lexical ?? '{}') as { root: LexicalCard };
    const cards = root.root.children ?? [];
    const embed = cards.find((node) => node.type === 'embed');
    expect(embed).toMatchObject({ type: 'embed', url: YOUTUBE_PAGE, embedType: 'video' });
    expect(cards.findIndex((node) => node.type === 'paragraph')).toBeLessThan(cards.indexOf(embed!));
    // And Ghost's own rendering of it.
    const html = post.html ?? '';
    expect(html).toContain('<p>The river rose two metres overnight.</p>');
    expect(html).toMatch(/<figure class="kg-card kg-embed-card[^"]*">[\s\S]*https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ[\s\S]*<\/figure>/);
  }, 120_000);

  it('updates the same post on the next push without uploading the poster again', async () => {
    video = await videoDesk.videos.save({ ...video, blurb: 'The river rose two metres overnight; the old town is closed.' });
    proxy.requests.splice(0);
    const result = await attempt(videoDesk.publisher, videoJob());
    expect(result.error).toBeNull();
    expect(result.outcome).toMatchObject({ kind: 'done', remote: { postId } });
    expect(proxy.requests.some((line) => line.includes('/images/upload/'))).toBe(false);
    expect(proxy.requests.filter((line) => line.startsWith('PUT /ghost/api/admin/posts/'))).toHaveLength(1);
    expect((await admin.post(postId)).custom_excerpt).toBe('The river rose two metres overnight; the old town is closed.');
  }, 60_000);

  it('retracts the video post back to a draft', async () => {
    const retracted = await attempt(videoDesk.publisher, videoJob({ mode: 'draft', retract: { as: 'draft' } }));
    expect(retracted.error).toBeNull();
    expect((await admin.post(postId)).status).toBe('draft');
    const record = await desk.records.get(desk.target.id, video.id);
    expect(record?.history?.map((event) => event.action)).toEqual(['published', 'updated', 'retracted']);
  }, 60_000);
});
