import { z } from 'zod';
import { ArticleStatus, DraftSummary, IsoTime } from './article';

/** The drafts library's own shapes: listing, saving and the revisions kept of each article. */

export const RevisionInfo = z.object({
  revisionId: z.string(),
  savedAt: IsoTime,
  reason: z.enum(['auto', 'manual', 'before-restore', 'created']),
  headline: z.string(),
  wordCount: z.number().int().nonnegative(),
});
export type RevisionInfo = z.infer<typeof RevisionInfo>;

export const DraftQuery = z
  .object({
    text: z.string().max(500).default(''),
    status: ArticleStatus.optional(),
    section: z.string().max(120).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict();
export type DraftQuery = z.input<typeof DraftQuery>;

export const DraftPage = z.object({ items: z.array(DraftSummary), total: z.number().int().nonnegative() });
export type DraftPage = z.infer<typeof DraftPage>;

export const SaveResult = z.object({ updatedAt: IsoTime, revisionId: z.string().nullable() });
export type SaveResult = z.infer<typeof SaveResult>;
