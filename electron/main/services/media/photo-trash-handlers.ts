import type { PhotoUsage, PhotoUsePlace } from '../../../../shared/model/media-library';
import { UserFacingError } from '../../../../shared/model/errors';
import type { Article } from '../../../../shared/model/article';
import { photoUsesOf } from '../../../../shared/rules/prepublish';
import type { Handlers } from '../../ipc/dispatcher';
import type { DraftStore } from '../drafts/types';
import type { VideoStore } from '../feeds/video-store';
import type { MediaLibrary } from './types';

export type PhotoTrashHandlers = Pick<Handlers, 'media:trash' | 'media:listTrash' | 'media:restoreFromTrash' | 'media:emptyTrash'>;

export interface PhotoTrashServices {
  media: MediaLibrary;
  drafts: DraftStore;
  videos: VideoStore;
}

/** Drafts read per page while looking for uses. */
const PAGE = 200;

/**
 * Where each of `ids` is used: live articles (lead photo or a photo in the text) and video posters.
 * Every draft is read, so a use in the body is found too; a draft that cannot be read is skipped
 * (it is quarantined or over the size limit, and opens nowhere else either).
 */
export async function findPhotoUses(ids: ReadonlySet<string>, services: Omit<PhotoTrashServices, 'media'>): Promise<Map<string, PhotoUsePlace[]>> {
  const found = new Map<string, PhotoUsePlace[]>();
  const note = (photoId: string, place: PhotoUsePlace) => {
    const places = found.get(photoId) ?? [];
    if (!places.some((known) => known.kind === place.kind && known.id === place.id)) places.push(place);
    found.set(photoId, places);
  };
  for (let offset = 0; ; offset += PAGE) {
    const page = await services.drafts.list({ text: '', offset, limit: PAGE });
    for (const summary of page.items) {
      let article: Article;
      try {
        article = await services.drafts.get(summary.id);
      } catch {
        continue;
      }
      const title = article.headline.trim() || 'Untitled article';
      for (const use of photoUsesOf(article)) if (ids.has(use.photoId)) note(use.photoId, { kind: 'article', id: article.id, title });
    }
    if (offset + PAGE >= page.total) break;
  }
  for (const video of services.videos.list()) {
    if (video.poster && ids.has(video.poster.photoId)) {
      note(video.poster.photoId, { kind: 'video', id: video.id, title: video.headline.trim() || 'Untitled video' });
    }
  }
  return found;
}

/** The media:trash, listTrash, restoreFromTrash and emptyTrash channels. */
export function createPhotoTrashHandlers(services: PhotoTrashServices): PhotoTrashHandlers {
  const { media } = services;
  return {
    'media:trash': async ({ ids, evenIfUsed }) => {
      const photos = await media.getMany(ids);
      if (photos.length < new Set(ids).size) throw new UserFacingError('not-found', 'A photo to delete is no longer in the library.');
      if (!evenIfUsed) {
        const uses = await findPhotoUses(new Set(ids), services);
        const inUse: PhotoUsage[] = photos.flatMap((photo) => {
          const places = uses.get(photo.id);
          return places ? [{ photoId: photo.id, fileName: photo.fileName, places }] : [];
        });
        // Nothing moves until the person has seen where these photos are used.
        if (inUse.length > 0) return { trashed: [], inUse };
      }
      return { trashed: await media.moveToTrash(ids), inUse: [] };
    },
    'media:listTrash': () => media.listTrash(),
    'media:restoreFromTrash': ({ ids }) => media.restoreFromTrash(ids),
    'media:emptyTrash': async () => ({ removed: await media.emptyTrash() }),
  };
}
