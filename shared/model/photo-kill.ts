import { z } from 'zod';
import { PhotoId } from './photo';

export { PhotoKill } from './photo';

/** Where a killed photo appears in one article. */
export const KilledPhotoPlace = z.enum(['lead', 'body', 'social']);
export type KilledPhotoPlace = z.infer<typeof KilledPhotoPlace>;

/** A post on a site that shows (or was sent) the killed photo. */
export const KilledPhotoPost = z.object({
  targetId: z.string(),
  targetName: z.string(),
  kind: z.enum(['wordpress', 'ghost']),
  link: z.string(),
  /** False once the post was retracted or replaced by a kill notice: nothing left to do there. */
  live: z.boolean(),
});
export type KilledPhotoPost = z.infer<typeof KilledPhotoPost>;

export const KilledPhotoArticle = z.object({
  articleId: z.string(),
  headline: z.string(),
  /** The library photo used (the killed one or a copy of it by transmission reference). */
  photoId: PhotoId,
  places: z.array(KilledPhotoPlace),
  posts: z.array(KilledPhotoPost),
});
export type KilledPhotoArticle = z.infer<typeof KilledPhotoArticle>;

/** A video whose poster is the killed photo, with its posts (kept under the video's id). */
export const KilledPhotoVideo = z.object({ videoId: z.string(), headline: z.string(), photoId: PhotoId, posts: z.array(KilledPhotoPost) });
export type KilledPhotoVideo = z.infer<typeof KilledPhotoVideo>;

/** Everything a photo kill reaches: the matching library photos, articles (with their posts) and videos. */
export const PhotoKillFindings = z.object({
  photoIds: z.array(PhotoId),
  articles: z.array(KilledPhotoArticle),
  videos: z.array(KilledPhotoVideo),
});
export type PhotoKillFindings = z.infer<typeof PhotoKillFindings>;
