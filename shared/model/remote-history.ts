import { z } from 'zod';
import { IsoTime } from './article';

/** A published post's life on its site after the first push: retracts, and the history the remote record keeps. */

/** How a retract takes a post off the site: back to a draft, or into the CMS's trash (WordPress only keeps a trash). */
export const RetractAs = z.enum(['draft', 'trash']);
export type RetractAs = z.infer<typeof RetractAs>;

/** One step in a post's life on a site, kept in its record (newest last). */
export const RemoteEvent = z.object({
  at: IsoTime,
  action: z.enum(['published', 'updated', 'retracted', 'killed']),
  /** The CMS's status after the step (publish, future, draft, trash; Ghost: published, scheduled, draft). */
  status: z.string(),
  link: z.string(),
});
export type RemoteEvent = z.infer<typeof RemoteEvent>;

/** The record keeps the newest steps of history, this many: enough for a story's life, small enough to write at every push. */
export const REMOTE_HISTORY_LIMIT = 100;
