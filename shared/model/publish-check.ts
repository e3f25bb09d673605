import { z } from 'zod';
import { PublishPlan } from './publishing';

/** One finding of the pre-publish check (shared/rules/prepublish*.ts), as the window shows it. */
export const CheckIssueView = z.object({
  severity: z.enum(['blocking', 'warning']),
  code: z.string(),
  message: z.string(),
  /** 'article' for findings about the story itself (headline, byline, links, embargo …). */
  where: z.enum(['article', 'lead', 'body']),
  photoId: z.string(),
  index: z.number().int().nonnegative(),
});
export type CheckIssueView = z.infer<typeof CheckIssueView>;

/** The check's findings and what the target will receive. */
export const PublishCheck = z.object({
  blocking: z.array(CheckIssueView),
  warnings: z.array(CheckIssueView),
  plan: PublishPlan,
});
export type PublishCheck = z.infer<typeof PublishCheck>;
