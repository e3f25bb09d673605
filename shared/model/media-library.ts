import { z } from 'zod';
import { IsoTime } from './article';
import { Photo, PhotoId } from './photo';

/** The photo library's own shapes: searching it, import jobs and their items, and batch changes. */

export const PHOTO_FILTERS = ['all', 'missing-credit', 'restricted', 'disagrees'] as const;
export const PhotoFilter = z.enum(PHOTO_FILTERS);
export type PhotoFilter = z.infer<typeof PhotoFilter>;

export const PhotoQuery = z
  .object({
    /** Matched against caption, credit, creator, keywords and the file name. */
    text: z.string().max(500).default(''),
    filter: PhotoFilter.default('all'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type PhotoQuery = z.input<typeof PhotoQuery>;

export const PhotoPage = z.object({ items: z.array(Photo), total: z.number().int().nonnegative() });
export type PhotoPage = z.infer<typeof PhotoPage>;

export const ImportJobId = z.string().regex(/^[a-z0-9-]{1,40}$/, 'Not a valid import job id');

export const IMPORT_ITEM_STATES = ['waiting', 'importing', 'imported', 'duplicate', 'failed', 'cancelled'] as const;
export const ImportItemState = z.enum(IMPORT_ITEM_STATES);
export type ImportItemState = z.infer<typeof ImportItemState>;

export const ImportItem = z.object({
  name: z.string(),
  state: ImportItemState,
  /** Set once imported, or for a duplicate: the photo already in the library. */
  photoId: PhotoId.nullable(),
  /** Why it failed, in words for the person importing ("" otherwise). */
  message: z.string(),
  /** Non-fatal problems, e.g. a broken metadata block in a good picture. */
  warnings: z.array(z.string()),
});
export type ImportItem = z.infer<typeof ImportItem>;

export const ImportJob = z.object({
  jobId: ImportJobId,
  items: z.array(ImportItem),
  /** True when no item is waiting or importing any more. */
  finished: z.boolean(),
  cancelled: z.boolean(),
});
export type ImportJob = z.infer<typeof ImportJob>;

/** A change applied to a selection of photos at once; absent fields stay as they are. */
export const BatchPhotoChanges = z
  .object({
    creator: z.string().max(10_000).optional(),
    creditLine: z.string().max(10_000).optional(),
    source: z.string().max(10_000).optional(),
    copyright: z.string().max(10_000).optional(),
    usageTerms: z.string().max(10_000).optional(),
    keywordsAdd: z.array(z.string().trim().min(1).max(200)).max(200).optional(),
    keywordsRemove: z.array(z.string().trim().min(1).max(200)).max(200).optional(),
  })
  .strict();
export type BatchPhotoChanges = z.infer<typeof BatchPhotoChanges>;

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
