import type { Article } from '../../../../shared/model/article';
import { UserFacingError } from '../../../../shared/model/errors';
import type { KilledPhotoArticle, KilledPhotoPost, KilledPhotoVideo, PhotoKillFindings } from '../../../../shared/model/photo-kill';
import type { Photo } from '../../../../shared/model/photo';
import type { PublishJob } from '../../../../shared/model/publishing';
import { killedPlacesIn, replaceKilledPhoto } from '../../../../shared/rules/photo-kill';
import { newPhotoUse } from '../../../../shared/rules/photo-use';
import type { DraftStore } from '../drafts/types';
import type { VideoStore } from '../feeds/video-store';
import type { MediaLibrary } from '../media/types';
import { pushUpdateWhereLive, sitesOf, type StoryLifeServices } from './story-life-handlers';

/**
 * A photo kill (an agency withdraws a picture): the photo, and every library copy of the same
 * picture by transmission reference, is marked killed so it is never placed or published again;
 * then every article and video using it is found, with each post where it is live, so the editor
 * can retract the story there (publish:retract) or replace the photo and push the update.
 */

export interface PhotoKillServices extends StoryLifeServices {
  media: Pick<MediaLibrary, 'getMany' | 'filePath' | 'exportCopy' | 'get' | 'killScope' | 'markKilled'>;
  drafts: Pick<DraftStore, 'get' | 'save' | 'list'>;
  videos: Pick<VideoStore, 'get' | 'find' | 'list' | 'save'>;
}

/** Drafts read per page while looking for uses. */
const PAGE = 200;

async function findingsFor(services: PhotoKillServices, photoId: string): Promise<PhotoKillFindings> {
  const ids = new Set(services.media.killScope(photoId));
  const articles: KilledPhotoArticle[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await services.drafts.list({ text: '', offset, limit: PAGE });
    for (const summary of page.items) {
      let article: Article;
      try {
        article = await services.drafts.get(summary.id);
      } catch {
        // Quarantined or over the size limit: it opens nowhere else either.
        continue;
      }
      const found = killedPlacesIn(article, ids);
      if (!found) continue;
      articles.push({ articleId: article.id, headline: article.headline.trim() || 'Untitled article', ...found, posts: await postsOf(services, article.id) });
    }
    if (offset + PAGE >= page.total) break;
  }
  const videos: KilledPhotoVideo[] = [];
  for (const video of services.videos.list()) {
    if (video.poster === null || !ids.has(video.poster.photoId)) continue;
    // A video's post is kept under the video's id, like a story's under the story's.
    videos.push({ videoId: video.id, headline: video.headline.trim() || 'Untitled video', photoId: video.poster.photoId, posts: await postsOf(services, video.id) });
  }
  return { photoIds: [...ids], articles, videos };
}

/** The CMS posts of a story or video (ninjs endpoints keep none), each saying whether it is still live. */
async function postsOf(services: PhotoKillServices, itemId: string): Promise<KilledPhotoPost[]> {
  const posts: KilledPhotoPost[] = [];
  for (const { target, record } of await sitesOf(services, itemId)) {
    if (target.kind === 'ninjs') continue;
    posts.push({ targetId: target.id, targetName: target.name, kind: target.kind, link: record.link, live: !record.retracted && !record.killed });
  }
  return posts;
}

/** Gives the video another poster in place of the killed one, saves it and pushes it where it is live. */
async function replacePoster(services: PhotoKillServices, videoId: string, ids: ReadonlySet<string>, replacement: Photo) {
  const video = services.videos.get(videoId);
  if (video.poster === null || !ids.has(video.poster.photoId)) throw new UserFacingError('conflict', 'This video no longer uses the killed photo as its poster; nothing was changed.');
  const saved = await services.videos.save({ ...video, poster: newPhotoUse(replacement, services.settings.get().photoDesk.credit) });
  return pushUpdateWhereLive(services, { id: saved.id, headline: saved.headline, itemKind: 'video' });
}

export function createPhotoKillHandlers(services: PhotoKillServices) {
  const { media, drafts } = services;
  return {
    'photoKill:kill': async ({ photoId, reason }: { photoId: string; reason: string }): Promise<{ photos: Photo[]; findings: PhotoKillFindings }> => {
      const photos = await media.markKilled(photoId, { at: services.now().toISOString(), reason });
      return { photos, findings: await findingsFor(services, photoId) };
    },
    'photoKill:find': ({ photoId }: { photoId: string }): Promise<PhotoKillFindings> => findingsFor(services, photoId),
    'photoKill:replace': async ({ articleId, itemKind, photoId, replacementId }: { articleId: string; itemKind?: 'video'; photoId: string; replacementId: string }): Promise<{ jobs: PublishJob[]; notPushed: string[] }> => {
      const replacement = await media.get(replacementId);
      if (replacement.kill) throw new UserFacingError('invalid-request', 'The photo chosen as the replacement was killed too; choose another one.');
      const ids = new Set(media.killScope(photoId));
      if (ids.has(replacement.id)) throw new UserFacingError('invalid-request', 'The replacement is a copy of the killed photo; choose another one.');
      if (itemKind === 'video') return replacePoster(services, articleId, ids, replacement);
      const article = await drafts.get(articleId);
      if (!killedPlacesIn(article, ids)) throw new UserFacingError('conflict', 'This story no longer uses the killed photo; nothing was changed.');
      const use = newPhotoUse(replacement, services.settings.get().photoDesk.credit);
      await drafts.save(replaceKilledPhoto(article, ids, use), 'manual');
      return pushUpdateWhereLive(services, await drafts.get(articleId));
    },
  };
}
