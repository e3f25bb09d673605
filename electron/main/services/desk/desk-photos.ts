import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type * as Y from 'yjs';
import { PHOTO_REQUEST_KEY, type DeskPhoto, type DeskPhotoShare, type PhotoRequest } from '../../../../shared/desk/photos';
import { readPhotoRequest, writePhotoRequest } from '../../../../shared/desk/photo-request';
import { STORY_META_MAP } from '../../../../shared/desk/desk-protocol';
import { UserFacingError } from '../../../../shared/model/errors';
import type { Photo, PhotoMetadata } from '../../../../shared/model/photo';
import type { PhotoUse } from '../../../../shared/model/photo-use';
import type { CreditStyle } from '../../../../shared/model/settings';
import { houseCredit, newPhotoUse, withCredit } from '../../../../shared/rules/photo-use';
import type { StoryDocs } from '../collab/story-docs';
import type { MediaLibrary } from '../media/types';
import type { DeskNetwork } from './desk-network';
import { followDeskPhotos, type DeskPhotoList } from './desk-photo-list';
import { downloadBlob, listDeskPhotos, postDeskPhoto, sha256OfFile, uploadBlob, type DeskEndpoint, type TransferProgress } from './desk-photos-api';
import type { DeskService } from './desk-service';

/**
 * The photo handoff on the desktop: a library photo shared to the desk (original, thumbnail, the
 * desk's metadata and credit, where it came from), the desk's photos listed live, an original
 * fetched on demand into this library (same id, the desk's metadata, so the pre-publish checks and
 * the XMP write-back treat it as any local photo), placed as a story's lead with its credit, and
 * a story's photo request fulfilled by it.
 */
export interface DeskPhotos {
  /** The desk's photos, newest first (empty while signed out). */
  list(): DeskPhoto[];
  share(photoId: string): Promise<DeskPhoto>;
  /** The photo in this library, fetching its original first when this machine has no copy. */
  fetchOriginal(mediaId: string, onProgress?: (progress: TransferProgress) => void): Promise<Photo>;
  /** How far the fetch of an original is, while it runs. */
  progress(mediaId: string): TransferProgress | null;
  /** A local file of the desk photo's thumbnail (fetched once, kept in the library's desk folder). */
  thumbnailPath(mediaId: string): Promise<string>;
  placeAsLead(articleId: string, mediaId: string): Promise<PhotoUse>;
  requestPhoto(articleId: string, wanted: string): Promise<PhotoRequest>;
  /** Places the desk photo as the story's lead and marks its photo request ready. */
  fulfilRequest(articleId: string, mediaId: string): Promise<PhotoRequest>;
  photoRequest(articleId: string): Promise<PhotoRequest | null>;
  close(): void;
}

export interface DeskPhotosOptions {
  desk: Pick<DeskService, 'session'>;
  media: MediaLibrary;
  docs: Pick<StoryDocs, 'hold' | 'release'>;
  creditStyle: () => CreditStyle;
  libraryDir: string;
  /** How the desk is reached (the system's proxy settings). */
  network: DeskNetwork;
  /** How often the desk's session is looked at to follow sign-in and sign-out (default 500 ms). */
  followMs?: number;
  onListChanged?: () => void;
}

const HOLDER = 'desk-photos';
const NOT_SIGNED_IN = 'Newsdesk is not connected to a desk: sign in under Preferences › Desk to share or fetch desk photos.';

/** The desk's fields that differ from the photo's, so fetching changes only what the desk changed. */
function changedFields(photo: Photo, metadata: PhotoMetadata): Partial<PhotoMetadata> {
  const changes: Partial<PhotoMetadata> = {};
  for (const key of Object.keys(metadata) as (keyof PhotoMetadata)[]) {
    if (JSON.stringify(photo.metadata[key]) !== JSON.stringify(metadata[key])) Object.assign(changes, { [key]: metadata[key] });
  }
  return changes;
}

export function openDeskPhotos(options: DeskPhotosOptions): DeskPhotos {
  const { media } = options;
  const deskDir = join(options.libraryDir, 'desk');
  let following: { key: string; list: DeskPhotoList } | null = null;
  const transfers = new Map<string, TransferProgress>();
  const fetching = new Map<string, Promise<Photo>>();

  function endpoint(): DeskEndpoint {
    const session = options.desk.session();
    if (!session) throw new UserFacingError('forbidden', NOT_SIGNED_IN);
    return { serverUrl: session.serverUrl, token: session.token, deskId: session.desk.id, network: options.network };
  }

  // The desk service tells its session changes to the windows only; looking at it here (a local
  // call, no I/O) keeps the live list on the session without a hook into the service.
  function follow(): void {
    const session = options.desk.session();
    const key = session ? `${session.serverUrl} ${session.desk.id} ${session.token}` : '';
    if (following?.key === key) return;
    following?.list.stop();
    following = null;
    if (session) following = { key, list: followDeskPhotos(endpoint(), () => options.onListChanged?.()) };
  }
  follow();
  const timer = setInterval(follow, options.followMs ?? 500);
  timer.unref();

  function deskPhoto(mediaId: string): DeskPhoto | undefined {
    return following?.list.get(mediaId);
  }

  async function recordOf(mediaId: string): Promise<DeskPhoto> {
    const live = deskPhoto(mediaId);
    if (live) return live;
    const { photos } = await listDeskPhotos(endpoint());
    const found = photos.find((photo) => photo.mediaId === mediaId);
    if (!found) throw new UserFacingError('not-found', `There is no photo ${mediaId.slice(0, 12)}… on this desk: it was never shared here, or the id is wrong.`);
    return found;
  }

  async function download(mediaId: string, onProgress?: (progress: TransferProgress) => void): Promise<Photo> {
    const record = await recordOf(mediaId);
    const folder = join(deskDir, 'photo-downloads', randomUUID());
    // The file keeps its name, so the library records the name it was imported under on the sharing machine.
    const path = join(folder, basename(record.provenance.fileName).replace(/[^\w.\- ]/g, '_') || 'desk-photo');
    try {
      await downloadBlob(endpoint(), mediaId, 'original', mediaId, path, (progress) => {
        transfers.set(mediaId, progress);
        onProgress?.(progress);
      });
      const job = await media.whenFinished(media.importPaths([path]).jobId);
      const item = job.items[0];
      if (!item?.photoId) throw new UserFacingError('io', `The desk photo could not be added to this library: ${item?.message || 'the import did not finish'}.`);
      const photo = await media.get(item.photoId);
      const changes = changedFields(photo, record.metadata);
      return Object.keys(changes).length > 0 ? await media.update(photo.id, changes) : photo;
    } finally {
      transfers.delete(mediaId);
      await rm(folder, { recursive: true, force: true });
    }
  }

  async function fetchOriginal(mediaId: string, onProgress?: (progress: TransferProgress) => void): Promise<Photo> {
    const [local] = await media.getMany([mediaId]);
    if (local) return local;
    // Two asks for the same photo share one transfer.
    const running = fetching.get(mediaId) ?? download(mediaId, onProgress).finally(() => fetching.delete(mediaId));
    fetching.set(mediaId, running);
    return running;
  }

  /** Works on the story's `meta` map in the document main holds (loaded for the call when no window has it). */
  async function withMeta<T>(articleId: string, work: (meta: Y.Map<unknown>, doc: Y.Doc) => T): Promise<T> {
    const key = { id: articleId, part: 'body' };
    const doc = await options.docs.hold(key, HOLDER);
    try {
      return work(doc.getMap<unknown>(STORY_META_MAP), doc);
    } finally {
      await options.docs.release(key, HOLDER);
    }
  }

  /** Changes the map as main does (origin 'main'), so the article file and the desk both follow. */
  const editMeta = <T>(articleId: string, edit: (meta: Y.Map<unknown>) => T): Promise<T> =>
    withMeta(articleId, (meta, doc) => {
      let result: T | undefined;
      doc.transact(() => (result = edit(meta)), 'main');
      return result as T;
    });

  async function placeAsLead(articleId: string, mediaId: string): Promise<PhotoUse> {
    const record = deskPhoto(mediaId) ?? (await recordOf(mediaId));
    const photo = await fetchOriginal(mediaId);
    const style = options.creditStyle();
    // The credit the desk gave it travels with it; it follows the photo here only where it is this house's own.
    const use = record.credit ? withCredit(newPhotoUse(photo, style), record.credit, houseCredit(photo, style)) : newPhotoUse(photo, style);
    await editMeta(articleId, (meta) => meta.set('leadPhoto', use));
    return use;
  }

  async function photoRequest(articleId: string): Promise<PhotoRequest | null> {
    return withMeta(articleId, readPhotoRequest);
  }

  return {
    list: () => following?.list.photos() ?? [],
    async share(photoId) {
      const target = endpoint();
      const photo = await media.get(photoId);
      const original = await media.filePath(photo.id, 'original');
      const thumbnail = await media.filePath(photo.id, 'thumbnail');
      if (!original || !thumbnail) throw new UserFacingError('not-found', 'The photo’s file or thumbnail is missing from this library; import it again before sharing.');
      const { maxBytes } = await listDeskPhotos(target);
      if (maxBytes !== undefined && photo.bytes > maxBytes) {
        throw new UserFacingError('invalid-request', `This photo (${photo.bytes} bytes) is larger than the desk accepts (${maxBytes} bytes); it stays on this computer.`);
      }
      const thumbnailSha256 = await sha256OfFile(thumbnail);
      const known = deskPhoto(photo.id);
      // Shared before with the same files: only the record (metadata, credit) goes again.
      if (known?.thumbnailSha256 !== thumbnailSha256) {
        await uploadBlob(target, photo.id, original);
        await uploadBlob(target, thumbnailSha256, thumbnail);
      }
      const share: DeskPhotoShare = {
        mediaId: photo.id, thumbnailSha256, format: photo.format, width: photo.width, height: photo.height, bytes: photo.bytes,
        metadata: photo.metadata, credit: houseCredit(photo, options.creditStyle()),
        provenance: { fileName: photo.fileName, importedAt: photo.importedAt, sources: photo.sources },
      };
      return postDeskPhoto(target, share);
    },
    fetchOriginal,
    progress: (mediaId) => transfers.get(mediaId) ?? null,
    async thumbnailPath(mediaId) {
      const record = await recordOf(mediaId);
      const path = join(deskDir, 'photo-thumbnails', `${record.thumbnailSha256}.jpg`);
      await mkdir(join(deskDir, 'photo-thumbnails'), { recursive: true });
      if ((await sha256OfFile(path).catch(() => null)) !== record.thumbnailSha256) {
        await downloadBlob(endpoint(), mediaId, 'thumbnail', record.thumbnailSha256, path);
      }
      return path;
    },
    placeAsLead,
    async requestPhoto(articleId, wanted) {
      if (wanted.trim() === '') throw new UserFacingError('invalid-request', 'Say what photo is wanted, as in “the minister at the lectern”.');
      const request = await editMeta(articleId, (meta) => writePhotoRequest(meta, wanted));
      if (!request) throw new UserFacingError('invalid-request', 'The photo request could not be written.');
      return request;
    },
    async fulfilRequest(articleId, mediaId) {
      const before = await photoRequest(articleId);
      // Asked first, so a request the editor withdrew meanwhile is not answered with a photo nobody wants.
      if (!before) throw new UserFacingError('invalid-request', 'This story has no photo request (it may have been withdrawn); nothing was attached. Place the photo as its lead instead.');
      await placeAsLead(articleId, mediaId);
      const request: PhotoRequest = { wanted: before.wanted, state: 'ready', mediaId, attachedBy: options.desk.session()?.user.name ?? null };
      await editMeta(articleId, (meta) => meta.set(PHOTO_REQUEST_KEY, request));
      return request;
    },
    photoRequest,
    close() {
      clearInterval(timer);
      following?.list.stop();
      following = null;
    },
  };
}
