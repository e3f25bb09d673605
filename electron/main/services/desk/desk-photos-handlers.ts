import { readFile } from 'node:fs/promises';
import type { deskPhotosChannels } from '../../../../shared/ipc/desk-photos-contract';
import type { Handlers } from '../../ipc/dispatcher';
import type { DeskPhotos } from './desk-photos';
import type { DeskService } from './desk-service';

export type DeskPhotosHandlers = Pick<Handlers, keyof typeof deskPhotosChannels>;

/** The deskPhotos:* channels over the photo handoff service. */
export function createDeskPhotosHandlers(photos: DeskPhotos, desk: Pick<DeskService, 'session'>): DeskPhotosHandlers {
  return {
    'deskPhotos:list': () => ({ signedIn: desk.session() !== null, photos: photos.list() }),
    'deskPhotos:share': ({ photoId }) => photos.share(photoId),
    'deskPhotos:thumbnail': async ({ mediaId }) => {
      const path = await photos.thumbnailPath(mediaId);
      return { dataUrl: `data:image/jpeg;base64,${(await readFile(path)).toString('base64')}` };
    },
    'deskPhotos:fetch': ({ mediaId }) => photos.fetchOriginal(mediaId),
    'deskPhotos:progress': ({ mediaId }) => photos.progress(mediaId),
    'deskPhotos:placeAsLead': ({ articleId, mediaId }) => photos.placeAsLead(articleId, mediaId),
    'deskPhotos:photoRequest': ({ articleId }) => photos.photoRequest(articleId),
    'deskPhotos:requestPhoto': ({ articleId, wanted }) => photos.requestPhoto(articleId, wanted),
    'deskPhotos:fulfilRequest': ({ articleId, mediaId }) => photos.fulfilRequest(articleId, mediaId),
  };
}
