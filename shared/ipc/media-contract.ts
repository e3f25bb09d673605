import { z } from 'zod';
import { Photo, PhotoId, PhotoMetadata } from '../model/photo';
import { RemoteImageImport } from '../model/remote-image';
import { BatchPhotoChanges, ImportJob, ImportJobId, PhotoPage, PhotoQuery, PhotoUsage, TrashedPhoto } from '../model/media-library';

/** The media:* channels: the photo library, its imports, metadata edits and exported copies. */

const Empty = z.object({}).strict();

const PhotoIds = z.array(PhotoId).min(1).max(500);

export const mediaChannels = {
  'media:list': { request: PhotoQuery, response: PhotoPage },
  'media:get': { request: z.object({ id: PhotoId }).strict(), response: Photo },
  /** Photos by id, in the order asked; ids not in the library are left out. */
  'media:getMany': { request: z.object({ ids: z.array(PhotoId).max(500) }).strict(), response: z.array(Photo) },
  /** Opens the system file picker and imports what was chosen; null when the picker was closed. */
  'media:chooseAndImport': { request: Empty, response: ImportJob.nullable() },
  /** Starts an import of files the renderer holds (drop, paste); their bytes follow with media:addFile. */
  'media:beginImport': {
    request: z.object({ names: z.array(z.string().min(1).max(500)).min(1).max(1000) }).strict(),
    response: ImportJob,
  },
  'media:addFile': {
    request: z
      .object({ jobId: ImportJobId, index: z.number().int().min(0).max(999), bytes: z.instanceof(Uint8Array) })
      .strict(),
    response: z.null(),
  },
  /** Records a file the renderer could not read (a dropped folder, say) as failed, with the reason. */
  'media:skipFile': {
    request: z.object({ jobId: ImportJobId, index: z.number().int().min(0).max(999), reason: z.string().min(1).max(500) }).strict(),
    response: z.null(),
  },
  /**
   * Downloads a picture named in pasted HTML (an <img src="https://…">) and imports it; main does
   * the fetching (the page's CSP forbids it), https only, never from private addresses. The
   * pasted alt text fills the photo's alt text when its file carries none.
   */
  'media:importFromUrl': {
    request: z.object({ url: z.string().min(1).max(4096), altText: z.string().max(2000).optional() }).strict(),
    response: RemoteImageImport,
  },
  'media:importStatus': { request: z.object({ jobId: ImportJobId }).strict(), response: ImportJob },
  'media:cancelImport': { request: z.object({ jobId: ImportJobId }).strict(), response: ImportJob },
  'media:update': {
    request: z.object({ id: PhotoId, metadata: PhotoMetadata.partial().strict() }).strict(),
    response: Photo,
  },
  /** One change applied to many photos; returns their metadata from before, for Undo. */
  'media:updateMany': {
    request: z.object({ ids: z.array(PhotoId).min(1).max(500), changes: BatchPhotoChanges }).strict(),
    response: z.object({ photos: z.array(Photo), previous: z.array(z.object({ id: PhotoId, metadata: PhotoMetadata })) }),
  },
  /** Puts back metadata saved from an earlier media:updateMany (Undo). */
  'media:restoreMetadata': {
    request: z.object({ items: z.array(z.object({ id: PhotoId, metadata: PhotoMetadata }).strict()).min(1).max(500) }).strict(),
    response: z.array(Photo),
  },
  /** Saves a copy of the photo where the person chooses, with credits written into its XMP if the setting says so. */
  'media:exportCopy': {
    request: z.object({ id: PhotoId }).strict(),
    response: z.object({ path: z.string() }).nullable(),
  },
  // The photo trash: deleted photos wait there, whole, until restored or the trash is emptied.
  /**
   * Moves photos to the trash. Unless `evenIfUsed`, nothing moves when one of them is in use:
   * `inUse` then lists where, for the person to confirm; `trashed` is what was moved.
   */
  'media:trash': {
    request: z.object({ ids: PhotoIds, evenIfUsed: z.boolean() }).strict(),
    response: z.object({ trashed: z.array(PhotoId), inUse: z.array(PhotoUsage) }),
  },
  /** Photos in the trash, most recently deleted first. */
  'media:listTrash': { request: Empty, response: z.array(TrashedPhoto) },
  /** Puts photos back into the library as they were; returns them. */
  'media:restoreFromTrash': { request: z.object({ ids: PhotoIds }).strict(), response: z.array(Photo) },
  /** Deletes every photo in the trash for good; returns how many. */
  'media:emptyTrash': { request: Empty, response: z.object({ removed: z.number().int().nonnegative() }) },
} as const;
