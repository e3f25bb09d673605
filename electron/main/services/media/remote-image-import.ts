import type { RemoteImageImport } from '../../../../shared/model/remote-image';
import { downloadRemoteImage, type DownloadOptions } from './remote-image-download';
import type { MediaLibrary } from './types';

/** How main fetches pasted pictures: what compose gives (tests allow loopback for a local server). */
export type RemoteImageOptions = Omit<DownloadOptions, 'maxBytes'>;

// A photo use's alt text holds 2,000 characters (photo-use.ts); more would be cut there anyway.
const ALT_MAX = 2000;

/**
 * A picture named by pasted HTML, downloaded and imported like any file (with the IPTC/XMP it
 * carries). The page's alt text fills the photo's own alt text when the file brought none: the
 * agency's words win over a web page's, but a photo without any should not stay without.
 */
export async function importRemoteImage(
  media: MediaLibrary,
  request: { url: string; altText?: string },
  options: RemoteImageOptions & { maxBytes: number },
): Promise<RemoteImageImport> {
  const download = await downloadRemoteImage(request.url, options);
  if (!download.ok) return download;
  const job = media.beginImport([download.name]);
  await media.addFile(job.jobId, 0, download.bytes);
  const [item] = (await media.whenFinished(job.jobId)).items;
  if (!item || !item.photoId || (item.state !== 'imported' && item.state !== 'duplicate')) {
    return { ok: false, retry: false, reason: item?.message || 'the library could not import it' };
  }
  let photo = await media.get(item.photoId);
  const altText = request.altText?.trim().slice(0, ALT_MAX) ?? '';
  if (altText !== '' && photo.metadata.altText.trim() === '') photo = await media.update(photo.id, { altText });
  return { ok: true, photo };
}
