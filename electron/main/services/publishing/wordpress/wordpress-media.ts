import { createHash } from 'node:crypto';
import { PHOTO_MIME_TYPES, type Photo } from '../../../../../shared/model/photo';
import type { RemoteMedia } from '../../../../../shared/model/publishing';
import { captionWithCredit, photoDisplayName } from '../../../../../shared/rules/photo-use';
import type { PhotoUseRef } from '../../../../../shared/rules/prepublish';
import { FORMAT_EXTENSIONS } from '../../media/paths';
import type { MediaLibrary } from '../../media/types';
import type { PublishContext } from '../outbox/publisher';
import { PublishError } from '../http/publish-error';
import type { RecordKeeper } from '../remote/remote-records';
import { checkCancelled, mediaKeyOf, publishedCopy, recordMedia, usedPhoto } from '../remote/site-photos';
import type { MediaFields, WordPressApi, WpMedia } from './wordpress-api';

/**
 * The photos of one article on a WordPress site: each used photo uploaded once, its caption (with
 * the credit), alt text, description and title kept up to date, and re-used by every later push.
 */

function withCopyrightSign(copyright: string): string {
  const text = copyright.trim();
  if (!text || /^(©|\(c\)|copyright\b)/i.test(text)) return text;
  return `© ${text}`;
}

/** What WordPress shows with the picture: the caption ends with the credit, as in the article. */
export function mediaFieldsOf(use: PhotoUseRef, photo: Photo): MediaFields {
  const caption = captionWithCredit(use.caption, use.credit);
  const title = photo.metadata.headline.trim() || use.caption.trim().slice(0, 200) || photoDisplayName(photo);
  return {
    title,
    caption,
    altText: use.altText.trim(),
    description: [caption, withCopyrightSign(photo.metadata.copyright)].filter(Boolean).join('\n'),
  };
}

export function fieldsHashOf(fields: MediaFields): string {
  return createHash('sha256').update(JSON.stringify([fields.title, fields.caption, fields.altText, fields.description])).digest('hex').slice(0, 32);
}

/** The same fields as WordPress holds them (it trims alt text on upload). */
function holds(media: WpMedia, fields: MediaFields): boolean {
  return (
    (media.title?.raw ?? '') === fields.title &&
    (media.caption?.raw ?? '') === fields.caption &&
    (media.description?.raw ?? '') === fields.description &&
    (media.alt_text ?? '').trim() === fields.altText
  );
}

export interface PhotoSyncInput {
  context: PublishContext;
  api: WordPressApi;
  keeper: RecordKeeper;
  media: Pick<MediaLibrary, 'filePath'>;
  writeXmp: boolean;
  uses: readonly PhotoUseRef[];
  photos: ReadonlyMap<string, Photo>;
}

/** A photo the site does not have yet. */
export interface PendingUpload {
  photo: Photo;
  /** Its media key: slug and file name on the site. */
  key: string;
  fields: MediaFields;
  fieldsHash: string;
  position: number;
}

export interface PreparedPhotos {
  /** Photo id → its media item, for photos already on the site (captions brought up to date). */
  ready: Map<string, RemoteMedia>;
  uploads: PendingUpload[];
}

/**
 * Sorts the article's photos into those the site has (re-used; caption, alt text and description
 * updated only when they changed) and those to upload. An upload announced by an earlier attempt
 * that never heard back is looked up by its slug first: WordPress may hold it already.
 */
export async function preparePhotos(input: PhotoSyncInput): Promise<PreparedPhotos> {
  const { context, api, keeper, uses, photos } = input;
  const { job, signal } = context;
  const ready = new Map<string, RemoteMedia>();
  const uploads: PendingUpload[] = [];
  const keys = new Set<string>();

  for (const [position, use] of uses.entries()) {
    checkCancelled(signal);
    const photo = usedPhoto(photos, use.photoId);
    const name = photoDisplayName(photo);
    const fields = mediaFieldsOf(use, photo);
    const fieldsHash = fieldsHashOf(fields);
    const key = mediaKeyOf(job.targetId, job.articleId, photo.id);
    keys.add(key);

    const known = keeper.current.media.find((item) => item.photoId === photo.id);
    if (known && known.fieldsHash === fieldsHash) {
      ready.set(photo.id, known);
      continue;
    }
    if (known) {
      context.progress({ step: 'captioning', label: `Updating the caption of photo ${position + 1} of ${uses.length} (“${name}”)`, photoIndex: position + 1, photoCount: uses.length, bytesSent: 0, bytesTotal: 0 });
      try {
        const updated = await api.updateMedia(known.mediaId, fields, signal);
        const media = { ...known, sourceUrl: updated.source_url || known.sourceUrl, fieldsHash };
        recordMedia(keeper, media, photo.id);
        ready.set(photo.id, media);
        context.log('info', `Updated the caption and alt text of “${name}” (media ${known.mediaId}).`);
        continue;
      } catch (error) {
        if (!(error instanceof PublishError && (error.status === 404 || error.status === 410))) throw error;
        context.log('warn', `“${name}” was deleted from the site’s media library (media ${known.mediaId}); it is uploaded again.`);
        recordMedia(keeper, null, photo.id);
      }
    }

    if (keeper.isPending('media', key)) {
      context.progress({ step: 'checking', label: `Looking for photo ${position + 1} of ${uses.length} sent by the last attempt`, bytesSent: 0, bytesTotal: 0 });
      const found = await api.mediaBySlug(key, signal);
      if (found) {
        const current = holds(found, fields) ? found : await api.updateMedia(found.id, fields, signal);
        const media = { photoId: photo.id, mediaId: found.id, sourceUrl: current.source_url || found.source_url, fieldsHash };
        recordMedia(keeper, media, photo.id, key);
        ready.set(photo.id, media);
        context.log('info', `Found “${name}” uploaded by an earlier attempt (media ${found.id}); it was not uploaded again.`);
        continue;
      }
      keeper.settle('media', key);
    }
    uploads.push({ photo, key, fields, fieldsHash, position });
  }
  // Announced uploads of photos the article no longer uses: nothing will look for them any more.
  for (const entry of keeper.current.pending) if (entry.kind === 'media' && !keys.has(entry.key)) keeper.settle('media', entry.key);
  return { ready, uploads };
}

/** Uploads what preparePhotos found missing (announced in the record before the first is sent). */
export async function uploadPhotos(input: PhotoSyncInput, prepared: PreparedPhotos): Promise<Map<string, RemoteMedia>> {
  const { context, api, keeper, uses } = input;
  const { signal } = context;
  const result = new Map(prepared.ready);
  for (const { photo, key, fields, fieldsHash, position } of prepared.uploads) {
    checkCancelled(signal);
    const name = photoDisplayName(photo);
    const bytes = await publishedCopy(input.media, input.writeXmp, photo);
    const label = `Uploading photo ${position + 1} of ${uses.length} (“${name}”)`;
    const counted = { photoIndex: position + 1, photoCount: uses.length };
    context.progress({ step: 'uploading', label, ...counted, bytesSent: 0, bytesTotal: bytes.length });
    const uploaded = await api.uploadMedia({
      fileName: `${key}.${FORMAT_EXTENSIONS[photo.format]}`,
      mimeType: PHOTO_MIME_TYPES[photo.format],
      bytes,
      slug: key,
      fields,
      label: name,
      signal,
      onProgress: (sent, total) => context.progress({ step: 'uploading', label, ...counted, bytesSent: sent, bytesTotal: total }),
    });
    const media = { photoId: photo.id, mediaId: uploaded.id, sourceUrl: uploaded.source_url, fieldsHash };
    recordMedia(keeper, media, photo.id, key);
    result.set(photo.id, media);
    context.log('info', `Uploaded “${name}” (media ${uploaded.id}).`);
  }
  return result;
}
