import { z } from 'zod';
import { ArticleId } from '../model/article';
import { Photo, PhotoId } from '../model/photo';
import { PhotoKillFindings } from '../model/photo-kill';
import { PublishJob } from '../model/publishing';

/**
 * The photo kill channels: kill a library photo (and its copies by transmission reference), find
 * where it is used and live, and replace it in a story (then pushed where the story is live).
 * Retracting a story from a site goes through publish:retract.
 */
export const photoKillChannels = {
  /** Marks the photo and its copies killed; returns them and everything the kill reaches. */
  'photoKill:kill': {
    request: z.object({ photoId: PhotoId, reason: z.string().trim().min(1, 'Say why the photo is withdrawn').max(2000) }).strict(),
    response: z.object({ photos: z.array(Photo), findings: PhotoKillFindings }),
  },
  /** Where the photo (and its copies) is used, and on which posts it is live. */
  'photoKill:find': { request: z.object({ photoId: PhotoId }).strict(), response: PhotoKillFindings },
  /**
   * Replaces the killed photo everywhere in the story by another library photo, saves it and pushes it
   * where it is live; `itemKind: 'video'`: `articleId` names a video item, whose poster is replaced.
   */
  'photoKill:replace': {
    request: z.object({ articleId: ArticleId, itemKind: z.literal('video').optional(), photoId: PhotoId, replacementId: PhotoId }).strict(),
    response: z.object({ jobs: z.array(PublishJob), notPushed: z.array(z.string()) }),
  },
} as const;
