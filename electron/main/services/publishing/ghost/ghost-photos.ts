import { PHOTO_MIME_TYPES, type Photo } from '../../../../../shared/model/photo';
import type { PendingCreate, RemoteMedia } from '../../../../../shared/model/publishing';
import { photoDisplayName } from '../../../../../shared/rules/photo-use';
import type { PhotoUseRef } from '../../../../../shared/rules/prepublish';
import { FORMAT_EXTENSIONS } from '../../media/paths';
import type { MediaLibrary } from '../../media/types';
import type { PublishContext } from '../outbox/publisher';
import type { RecordKeeper } from '../remote/remote-records';
import { checkCancelled, mediaKeyOf, publishedCopy, recordMedia, usedPhoto } from '../remote/site-photos';
import type { GhostApi } from './ghost-api';

/**
 * The photos of one article on a Ghost site: each uploaded once through /images/upload/ and
 * recorded, then re-used by every later push. Ghost keeps the caption and alt text in the post (the
 * image card, the feature image fields), not with the picture, so nothing is updated on the picture
 * itself. The file is named by a key that is the same for the same photo of the same article on the
 * same target: an upload whose answer was lost is found at its predictable address.
 */

export interface GhostPhotoInput {
  context: PublishContext;
  api: GhostApi;
  keeper: RecordKeeper;
  siteUrl: string;
  targetId: string;
  articleId: string;
  media: Pick<MediaLibrary, 'filePath'>;
  writeXmp: boolean;
  uses: readonly PhotoUseRef[];
  photos: ReadonlyMap<string, Photo>;
  now: Date;
}

function fileNameOf(input: GhostPhotoInput, photo: Photo): string {
  return `${mediaKeyOf(input.targetId, input.articleId, photo.id)}.${FORMAT_EXTENSIONS[photo.format]}`;
}

/** Where Ghost puts an upload of this name in the month of `date` (content/images/YYYY/MM/). */
function addressIn(siteUrl: string, fileName: string, date: Date): string {
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${siteUrl.replace(/\/+$/, '')}/content/images/${date.getUTCFullYear()}/${month}/${fileName}`;
}

/** The creates this attempt will make, to be announced before the first is sent. */
export function photosToUpload(input: GhostPhotoInput): PendingCreate[] {
  const known = new Set(input.keeper.current.media.map((item) => item.photoId));
  return input.uses
    .filter((use) => !known.has(use.photoId))
    .map((use) => ({ kind: 'media' as const, key: mediaKeyOf(input.targetId, input.articleId, use.photoId) }));
}

/** Every used photo's address on the site, uploading the ones not there yet. */
export async function syncGhostPhotos(input: GhostPhotoInput): Promise<Map<string, RemoteMedia>> {
  const { context, api, keeper } = input;
  const result = new Map<string, RemoteMedia>();
  const missing = input.uses.filter((use) => {
    const known = keeper.current.media.find((item) => item.photoId === use.photoId);
    if (known) result.set(use.photoId, known);
    return !known;
  });
  for (const [index, use] of missing.entries()) {
    checkCancelled(context.signal);
    const photo = usedPhoto(input.photos, use.photoId);
    const name = photoDisplayName(photo);
    const key = mediaKeyOf(input.targetId, input.articleId, photo.id);
    const fileName = fileNameOf(input, photo);
    let url: string | null = null;
    if (keeper.isPending('media', key)) {
      // An earlier attempt sent this upload and never heard back: look where Ghost would have put it.
      const previousMonth = new Date(Date.UTC(input.now.getUTCFullYear(), input.now.getUTCMonth() - 1, 15));
      for (const candidate of [addressIn(input.siteUrl, fileName, input.now), addressIn(input.siteUrl, fileName, previousMonth)]) {
        if (await api.imageExists(candidate, context.signal)) {
          url = candidate;
          context.log('info', `Found “${name}” uploaded by an earlier attempt; it is not uploaded again.`);
          break;
        }
      }
    }
    if (url === null) {
      const bytes = await publishedCopy(input.media, input.writeXmp, photo);
      const label = `Uploading photo ${index + 1} of ${missing.length} (“${name}”)`;
      context.progress({ step: 'uploading', label, photoIndex: index + 1, photoCount: missing.length, bytesSent: 0, bytesTotal: bytes.byteLength });
      url = await api.uploadImage(bytes, fileName, PHOTO_MIME_TYPES[photo.format], context.signal, (sent, total) =>
        context.progress({ step: 'uploading', label, bytesSent: sent, bytesTotal: total }),
      );
      context.log('info', `Uploaded “${name}”.`);
    }
    const media: RemoteMedia = { photoId: photo.id, mediaId: 0, sourceUrl: url, fieldsHash: '' };
    recordMedia(keeper, media, photo.id, key);
    result.set(photo.id, media);
  }
  return result;
}
