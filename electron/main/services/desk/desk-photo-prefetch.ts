import { messageOf } from '../../../../shared/model/errors';
import { photoUsesOf } from '../../../../shared/rules/prepublish';
import type { DraftStore } from '../drafts/types';
import type { MediaLibrary } from '../media/types';
import type { DeskPhotos } from './desk-photos';
import type { DeskService } from './desk-service';

/**
 * Before a desk story is checked for publishing, the desk photos it uses that this machine has no
 * copy of are fetched into the library. A photo desk attaches a photo to a story on its own
 * machine; the publisher's machine gets the story with the photo in it but not the file, and
 * without this its pre-publish check would block with "not in the photo library (it may have been
 * deleted)", which is not what happened. A fetch that fails leaves the check to say what is missing.
 */
export interface DeskPhotoPrefetchOptions {
  desk: Pick<DeskService, 'sharedOf'>;
  deskPhotos: Pick<DeskPhotos, 'list' | 'fetchOriginal'>;
  drafts: Pick<DraftStore, 'get'>;
  media: Pick<MediaLibrary, 'getMany'>;
  warn?: (message: string) => void;
}

export function createDeskPhotoPrefetch(options: DeskPhotoPrefetchOptions): (articleId: string) => Promise<void> {
  const warn = options.warn ?? ((message: string) => console.warn(message));
  return async (articleId) => {
    if (!options.desk.sharedOf(articleId)) return;
    const article = await options.drafts.get(articleId);
    const used = [...new Set(photoUsesOf(article).map((use) => use.photoId))];
    if (used.length === 0) return;
    const here = new Set((await options.media.getMany(used)).map((photo) => photo.id));
    const onDesk = new Set(options.deskPhotos.list().map((photo) => photo.mediaId));
    for (const photoId of used.filter((id) => !here.has(id) && onDesk.has(id))) {
      await options.deskPhotos.fetchOriginal(photoId).catch((error: unknown) => {
        warn(`The desk photo ${photoId.slice(0, 12)}… of story ${articleId} could not be fetched before the publish check: ${messageOf(error)}`);
      });
    }
  };
}
