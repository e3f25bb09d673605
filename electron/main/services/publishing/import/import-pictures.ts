import { messageOf } from '../../../../../shared/model/errors';
import type { Photo, PhotoMetadata } from '../../../../../shared/model/photo';
import { importRemoteImage, type RemoteImageOptions } from '../../media/remote-image-import';
import type { MediaLibrary } from '../../media/types';

/**
 * A picture of an imported post brought into the photo library: downloaded under the same rules as
 * a pasted picture (https, public addresses only, the import size limit; loopback only where the
 * tests allow it), imported with whatever IPTC/XMP the file carries, and given the site's caption
 * and credit where the file had none, so the library says what the site said.
 */

export interface PictureDeps {
  media: MediaLibrary;
  remoteImages: RemoteImageOptions;
  maxBytes: number;
}

export interface PictureWords {
  alt: string;
  caption: string;
  credit: string;
}

export type BroughtPicture = { ok: true; photo: Photo } | { ok: false; reason: string };

/** The address a post gives, made absolute against the site (WordPress may write /wp-content/…). */
export function pictureAddress(src: string, siteUrl: string): string | null {
  if (src.trim() === '') return null;
  try {
    return new URL(src.trim(), `${siteUrl.replace(/\/+$/u, '')}/`).href;
  } catch {
    return null;
  }
}

/** What the site says of the picture, written into the photo's own fields that are still empty. */
function missingWords(metadata: PhotoMetadata, words: PictureWords): Partial<PhotoMetadata> {
  const patch: Partial<PhotoMetadata> = {};
  if (metadata.description.trim() === '' && words.caption.trim() !== '') patch.description = words.caption.trim();
  // A file that names nobody takes the credit the site printed; one that names someone keeps its own.
  const namesNobody = [metadata.creator, metadata.creditLine, metadata.source].every((field) => field.trim() === '');
  if (namesNobody && words.credit.trim() !== '') patch.creditLine = words.credit.trim();
  return patch;
}

export async function bringPicture(deps: PictureDeps, address: string, words: PictureWords): Promise<BroughtPicture> {
  try {
    const imported = await importRemoteImage(deps.media, { url: address, altText: words.alt }, { ...deps.remoteImages, maxBytes: deps.maxBytes });
    if (!imported.ok) return { ok: false, reason: imported.reason };
    let photo = imported.photo;
    const patch = missingWords(photo.metadata, words);
    if (Object.keys(patch).length > 0) photo = await deps.media.update(photo.id, patch);
    return { ok: true, photo };
  } catch (error) {
    return { ok: false, reason: messageOf(error) };
  }
}
