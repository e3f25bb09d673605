import { z } from 'zod';
import { IsoTime } from '../model/article';
import { Photo, PhotoId } from '../model/photo';

/**
 * The photo trash: deleted photos wait there, whole (record, original, thumbnail), until they are
 * restored or the trash is emptied. A photo still used by an article or video is only moved after
 * the person has seen where it is used and confirmed.
 */

/** One place a photo is used: an article (lead or body photo) or a video item (its poster). */
export const PhotoUsePlace = z.object({
  kind: z.enum(['article', 'video']),
  id: z.string(),
  /** The headline, or "Untitled …" when it has none. */
  title: z.string(),
});
export type PhotoUsePlace = z.infer<typeof PhotoUsePlace>;

export const PhotoUsage = z.object({ photoId: PhotoId, fileName: z.string(), places: z.array(PhotoUsePlace) });
export type PhotoUsage = z.infer<typeof PhotoUsage>;

export const TrashedPhoto = z.object({ photo: Photo, trashedAt: IsoTime });
export type TrashedPhoto = z.infer<typeof TrashedPhoto>;

const PhotoIds = z.array(PhotoId).min(1).max(500);
const Empty = z.object({}).strict();

export const photoTrashChannels = {
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
