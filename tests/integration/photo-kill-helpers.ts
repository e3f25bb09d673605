import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCorrectionsStore } from '../../electron/main/services/corrections/corrections-log';
import { checkArticle } from '../../electron/main/services/publishing/publish-inputs';
import { openOutbox, type Outbox } from '../../electron/main/services/publishing/outbox/outbox';
import { createPhotoKillHandlers } from '../../electron/main/services/publishing/photo-kill-handlers';
import { createStoryLifeHandlers } from '../../electron/main/services/publishing/story-life-handlers';
import type { Article } from '../../shared/model/article';
import type { Photo } from '../../shared/model/photo';
import type { VideoItem } from '../../shared/model/video';
import { plainBody } from './story-life-helpers';
import { openVideoDesk, saveVideo, YOUTUBE_PLAYER, type VideoDesk } from './video-publish-helpers';
import { attempt, importAgencyPhotos, newJob, photoNode, saveArticle, useOf, type PublishingDesk } from './wordpress-publish-helpers';

/** What a photo kill test needs of one CMS: the desk publishing to it, and how the site shows a post. */
export interface PhotoKillSite {
  desk: () => PublishingDesk;
  /** The post's status, its featured image (an address or a media id), that image's alt text and the HTML readers get, as the site holds them. */
  read: (postId: string) => Promise<{ status: string; featured: string; alt: string; html: string }>;
  /** The status of a post that is live on this CMS ('publish', 'published'). */
  liveStatus: string;
}

const REASON = 'The agency killed the picture: wrong caption.';

/**
 * An agency kills a picture that is live on a real site: the photo and its copy (same transmission
 * reference) are killed, every story and video using them is found with its live posts, the photo is
 * replaced in one story and the update reaches the site, another story is retracted, and a story
 * still holding the killed copy cannot be published. The same on every CMS.
 */
export function photoKillTests(site: PhotoKillSite): void {
  let desk: PublishingDesk;
  let videoDesk: VideoDesk;
  let outbox: Outbox;
  let photos: Photo[];
  let leadStory: Article;
  let inlineStory: Article;
  let draftStory: Article;
  let video: VideoItem;
  const postIds = new Map<string, string>();
  let handlers: ReturnType<typeof createPhotoKillHandlers> & ReturnType<typeof createStoryLifeHandlers>;

  beforeAll(async () => {
    desk = site.desk();
    videoDesk = await openVideoDesk(desk);
    // The app's publisher knows both stories and video items.
    outbox = await openOutbox({ dir: join(desk.dir, 'library', 'publishing', 'outbox'), publisher: videoDesk.publisher, retry: { baseMs: 50, capMs: 200 } });
    const services = {
      drafts: desk.drafts,
      media: desk.media,
      board: desk.board,
      settings: desk.settings,
      targets: desk.targets,
      records: desk.records,
      clocks: desk.http.clocks,
      outbox,
      corrections: openCorrectionsStore(join(desk.dir, 'library')),
      videos: videoDesk.videos,
      now: () => new Date(),
    };
    handlers = { ...createStoryLifeHandlers(services), ...createPhotoKillHandlers(services) };

    // The killed picture, a copy of it (same transmission reference, other bytes), and the replacement.
    photos = await importAgencyPhotos(desk, ['iimAndXmp', 'xmpOnly', 'iimUtf8']);
    await desk.media.update(photos[0]!.id, { transmissionReference: 'AFP-KILL-1' });
    await desk.media.update(photos[1]!.id, { transmissionReference: 'afp-kill-1' });
    // The replacement needs what every published photo needs: its alt text (its credit comes from the file).
    photos[2] = await desk.media.update(photos[2]!.id, { altText: 'Boats in the harbour' });
    const byline = [{ name: 'Sam Reporter', role: '', avatar: null }];
    const killedUse = { ...useOf(photos[0]!), altText: 'The picture the agency killed' };
    leadStory = await saveArticle(desk.drafts, { headline: 'Lead story with the killed photo', byline, leadPhoto: killedUse, body: plainBody('Text.') });
    inlineStory = await saveArticle(desk.drafts, {
      headline: 'Inline story with the killed photo',
      byline,
      body: { root: { ...plainBody('Before.').root, children: [...plainBody('Before.').root.children, photoNode(killedUse)] } },
    });
    draftStory = await saveArticle(desk.drafts, { headline: 'Unpublished story with the copy', byline, leadPhoto: { ...useOf(photos[1]!), altText: 'The copy' } });
    for (const story of [leadStory, inlineStory]) {
      const sent = await attempt(desk.publisher, newJob(story.id, desk.target.id));
      expect(sent.error).toBeNull();
      postIds.set(story.id, sent.outcome?.kind === 'done' ? String(sent.outcome.remote.postId) : '');
    }
    video = await saveVideo(videoDesk.videos, { headline: 'Video with the killed poster', blurb: 'The harbour at dawn.', poster: killedUse, source: YOUTUBE_PLAYER });
    const sent = await attempt(videoDesk.publisher, newJob(video.id, desk.target.id, { itemKind: 'video', headline: video.headline }));
    expect(sent.error).toBeNull();
    postIds.set(video.id, sent.outcome?.kind === 'done' ? String(sent.outcome.remote.postId) : '');
  }, 300_000);

  afterAll(async () => {
    await outbox?.close();
    await videoDesk?.close();
  });

  it('kills the photo and its copy, and finds every story, live post and video that uses them', async () => {
    const { photos: killed, findings } = await handlers['photoKill:kill']({ photoId: photos[0]!.id, reason: REASON });
    expect(killed.map((photo) => photo.id).sort()).toEqual([photos[0]!.id, photos[1]!.id].sort());
    expect((await desk.media.get(photos[1]!.id)).kill?.reason).toBe(REASON);
    const byId = new Map(findings.articles.map((article) => [article.articleId, article]));
    expect(byId.get(leadStory.id)).toMatchObject({ places: ['lead'], posts: [{ targetId: desk.target.id, kind: desk.target.kind, live: true }] });
    expect(byId.get(leadStory.id)!.posts[0]!.link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(byId.get(inlineStory.id)).toMatchObject({ places: ['body'], posts: [{ live: true }] });
    expect(byId.get(draftStory.id)).toMatchObject({ photoId: photos[1]!.id, places: ['lead'], posts: [] });
    expect(findings.videos).toMatchObject([{ videoId: video.id, headline: 'Video with the killed poster', photoId: photos[0]!.id, posts: [{ targetId: desk.target.id, kind: desk.target.kind, live: true }] }]);
    expect(findings.videos[0]!.posts[0]!.link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  }, 60_000);

  it('refuses to publish a story that still holds the killed copy', async () => {
    const { check } = await checkArticle({ ...desk, clocks: desk.http.clocks }, { articleId: draftStory.id, targetId: desk.target.id, mode: 'publish' }, new Date());
    const killed = check.blocking.filter((issue) => issue.code.startsWith('photo-killed'));
    expect(killed).toHaveLength(1);
    expect(killed[0]!.message).toContain(REASON);
  });

  it('replaces the photo in a story and pushes the update: the site shows the replacement', async () => {
    const before = await site.read(postIds.get(leadStory.id)!);
    const result = await handlers['photoKill:replace']({ articleId: leadStory.id, photoId: photos[0]!.id, replacementId: photos[2]!.id });
    expect(result.notPushed).toEqual([]);
    expect(result.jobs).toHaveLength(1);
    await outbox.whenIdle();
    expect(outbox.get(result.jobs[0]!.id)?.state).toBe('done');
    const after = await site.read(postIds.get(leadStory.id)!);
    expect(after.status).toBe(site.liveStatus);
    expect(after.featured).not.toBe(before.featured);
    expect(after.alt).toBe('Boats in the harbour');
    expect((await desk.drafts.get(leadStory.id)).leadPhoto?.photoId).toBe(photos[2]!.id);
    const again = await handlers['photoKill:find']({ photoId: photos[0]!.id });
    expect(again.articles.map((article) => article.articleId)).not.toContain(leadStory.id);
  }, 120_000);

  it('refuses a killed photo as the replacement', async () => {
    await expect(handlers['photoKill:replace']({ articleId: inlineStory.id, photoId: photos[0]!.id, replacementId: photos[1]!.id })).rejects.toThrow(/killed too/);
  });

  it('a correction on the video is not pushed while its poster is killed, and says why', async () => {
    const result = await handlers['corrections:add']({ articleId: video.id, itemKind: 'video', kind: 'correction', text: 'The harbour is in Brest, not Lorient.' });
    expect(result.jobs).toEqual([]);
    expect(result.notPushed).toHaveLength(1);
    expect(result.notPushed[0]).toContain(REASON);
    expect(videoDesk.videos.get(video.id).notes).toMatchObject([{ kind: 'correction', text: 'The harbour is in Brest, not Lorient.' }]);
  });

  it('replaces the poster of the video and pushes the update with the note: the site shows the new poster and the correction', async () => {
    const before = await site.read(postIds.get(video.id)!);
    const result = await handlers['photoKill:replace']({ articleId: video.id, itemKind: 'video', photoId: photos[0]!.id, replacementId: photos[2]!.id });
    expect(result.notPushed).toEqual([]);
    expect(result.jobs).toMatchObject([{ articleId: video.id, itemKind: 'video', mode: 'publish' }]);
    await outbox.whenIdle();
    expect(outbox.get(result.jobs[0]!.id)?.state).toBe('done');
    const after = await site.read(postIds.get(video.id)!);
    expect(after.status).toBe(site.liveStatus);
    expect(after.featured).not.toBe(before.featured);
    expect(after.alt).toBe('Boats in the harbour');
    expect(after.html).toMatch(/<strong>Correction, \d{1,2} [A-Z][a-z]{2} \d{4}:<\/strong> The harbour is in Brest, not Lorient\./);
    expect(videoDesk.videos.get(video.id).poster?.photoId).toBe(photos[2]!.id);
    expect((await handlers['photoKill:find']({ photoId: photos[0]!.id })).videos).toEqual([]);
  }, 120_000);

  it('an update note on the live video is pushed at once, after the correction', async () => {
    const result = await handlers['corrections:add']({ articleId: video.id, itemKind: 'video', kind: 'update', text: 'The ferries run again.' });
    expect(result.notPushed).toEqual([]);
    expect(result.jobs).toHaveLength(1);
    await outbox.whenIdle();
    expect(outbox.get(result.jobs[0]!.id)?.state).toBe('done');
    const { html } = await site.read(postIds.get(video.id)!);
    expect(html.indexOf('The ferries run again.')).toBeGreaterThan(html.indexOf('Brest, not Lorient'));
    expect((await handlers['corrections:list']({ articleId: video.id })).map((entry) => entry.kind)).toEqual(['correction', 'update']);
  }, 120_000);

  it('retracts the other story from the site, after which its post is no longer live', async () => {
    const job = await handlers['publish:retract']({ articleId: inlineStory.id, targetId: desk.target.id, as: 'draft' });
    await outbox.whenIdle();
    expect(outbox.get(job.id)?.state).toBe('done');
    expect((await site.read(postIds.get(inlineStory.id)!)).status).toBe('draft');
    const findings = await handlers['photoKill:find']({ photoId: photos[0]!.id });
    expect(findings.articles.find((article) => article.articleId === inlineStory.id)?.posts).toMatchObject([{ live: false }]);
  }, 120_000);
}
