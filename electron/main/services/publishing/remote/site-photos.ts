import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Photo } from '../../../../../shared/model/photo';
import type { RemoteMedia } from '../../../../../shared/model/publishing';
import { photoDisplayName } from '../../../../../shared/rules/photo-use';
import type { PhotoUseRef } from '../../../../../shared/rules/prepublish';
import { messageOf } from '../../../../../shared/model/errors';
import { embedXmp } from '../../media/metadata/write-xmp';
import type { MediaLibrary } from '../../media/types';
import { PublishError, publishCancelled } from '../http/publish-error';
import type { RecordKeeper } from './remote-records';
import { checkCancelled as checkCancelledWith } from '../../cancellation';

/**
 * What every CMS does the same with an article's photos: name each upload by a key that a retry
 * can find again, send each photo once, build the bytes the site receives, and record what the
 * site holds. How a CMS finds a lost upload and keeps captions is its own (wordpress/, ghost/).
 */

/**
 * The media item's key, also its slug and file name: the same for the same photo of the same
 * article on the same target, so a retry after a lost answer finds the upload again.
 */
export function mediaKeyOf(targetId: string, articleId: string, photoId: string): string {
  return `nd${createHash('sha256').update(`${targetId}/${articleId}/${photoId}`).digest('hex').slice(0, 24)}`;
}

/** Every used photo once, in the order of the article (the lead first). */
export function uniquePhotoUses(uses: readonly PhotoUseRef[]): PhotoUseRef[] {
  const seen = new Set<string>();
  return uses.filter((use) => !seen.has(use.photoId) && seen.add(use.photoId));
}

export function checkCancelled(signal: AbortSignal): void {
  checkCancelledWith(signal, publishCancelled);
}

/** The library's record of a photo the article uses, or a sentence saying it is gone. */
export function usedPhoto(photos: ReadonlyMap<string, Photo>, photoId: string): Photo {
  const photo = photos.get(photoId);
  if (!photo) throw new PublishError('local', `A photo used in the article is no longer in the photo library (${photoId.slice(0, 12)}…). Replace it or remove it, then publish again.`);
  return photo;
}

/** The record now says `media` for this photo (none when null); settles the announced upload `settledKey`. */
export function recordMedia(keeper: RecordKeeper, media: RemoteMedia | null, photoId: string, settledKey?: string): void {
  const others = keeper.current.media.filter((item) => item.photoId !== photoId);
  const patch = { media: media ? [...others, media] : others };
  if (settledKey) keeper.settle('media', settledKey, patch);
  else keeper.change(patch);
}

/**
 * The bytes a site receives: the original with the desk's credit, creator and copyright in its
 * XMP when the setting says so, exactly as an exported copy. Built in memory (the request needs the
 * bytes anyway), so publishing leaves no temp file behind and costs no extra disk write.
 */
export async function publishedCopy(media: Pick<MediaLibrary, 'filePath'>, writeXmp: boolean, photo: Photo): Promise<Uint8Array> {
  const name = photoDisplayName(photo);
  const path = await media.filePath(photo.id, 'original');
  if (!path) throw new PublishError('local', `The picture file of “${name}” is missing from the photo library. Import it again, then publish again.`);
  try {
    const original = new Uint8Array(await readFile(path));
    return writeXmp ? await embedXmp(original, photo.format, photo.metadata) : original;
  } catch (error) {
    const detail = messageOf(error);
    throw new PublishError('local', `The photo “${name}” could not be prepared for upload: ${detail}`, { cause: error });
  }
}
