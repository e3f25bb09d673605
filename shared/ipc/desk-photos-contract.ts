import { z } from 'zod';
import { ArticleId } from '../model/article';
import { Photo, PhotoId } from '../model/photo';
import { PhotoUse } from '../model/photo-use';
import { deskPhotoSchema, photoRequestSchema, sha256Schema } from '../desk/photos';

/**
 * The photo handoff's channels (main's desk/desk-photos.ts answers them): the desk's photos, sharing
 * a library photo, fetching an original (its progress asked for while it runs), placing it as a
 * story's lead, and a story's photo request.
 */
const Empty = z.object({}).strict();
const Media = z.object({ mediaId: sha256Schema }).strict();
const Progress = z.object({ received: z.number().int().nonnegative(), total: z.number().int().nonnegative() });

export const deskPhotosChannels = {
  /** The desk's photos, newest first; signedIn false (and no photos) while not on a desk. */
  'deskPhotos:list': { request: Empty, response: z.object({ signedIn: z.boolean(), photos: z.array(deskPhotoSchema) }) },
  'deskPhotos:share': { request: z.object({ photoId: PhotoId }).strict(), response: deskPhotoSchema },
  /** The thumbnail as a data: URL (fetched once from the desk, kept in the library's desk folder). */
  'deskPhotos:thumbnail': { request: Media, response: z.object({ dataUrl: z.string() }) },
  /** Brings the original into this library (nothing to do when it is here already). */
  'deskPhotos:fetch': { request: Media, response: Photo },
  'deskPhotos:progress': { request: Media, response: Progress.nullable() },
  'deskPhotos:placeAsLead': { request: Media.extend({ articleId: ArticleId }).strict(), response: PhotoUse },
  'deskPhotos:photoRequest': { request: z.object({ articleId: ArticleId }).strict(), response: photoRequestSchema.nullable() },
  'deskPhotos:requestPhoto': { request: z.object({ articleId: ArticleId, wanted: z.string().trim().min(1).max(500) }).strict(), response: photoRequestSchema },
  'deskPhotos:fulfilRequest': { request: Media.extend({ articleId: ArticleId }).strict(), response: photoRequestSchema },
} as const;
