import { z } from 'zod';
import { ArticleId } from './article';
import { RemotePostId, TargetId } from './publishing';

/**
 * Bringing existing posts in from a WordPress or Ghost target: the site's posts as the picker lists
 * them, and what became of each one asked for.
 */

export const SiteImportListRequest = z
  .object({
    targetId: TargetId,
    /** Words of the title or text (WordPress searches both; Ghost the title). */
    search: z.string().max(200).default(''),
    page: z.number().int().min(1).max(10_000).default(1),
    perPage: z.number().int().min(1).max(100).default(20),
  })
  .strict();
export type SiteImportListRequest = z.input<typeof SiteImportListRequest>;

export const SitePostSummary = z.object({
  remoteId: RemotePostId,
  title: z.string(),
  /** When it went (or goes) live, else when it was written; ISO, or '' when the site gave none. */
  date: z.string(),
  /** The site's own word: publish, draft, future, private, published, scheduled… */
  status: z.string(),
  author: z.string(),
  link: z.string(),
  /** The article it was already imported (or published from) as, when there is one. */
  importedAs: z.object({ articleId: ArticleId, headline: z.string() }).nullable(),
});
export type SitePostSummary = z.infer<typeof SitePostSummary>;

export const SitePostPage = z.object({
  posts: z.array(SitePostSummary),
  page: z.number().int().min(1),
  totalPages: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type SitePostPage = z.infer<typeof SitePostPage>;

export const SiteImportRequest = z
  .object({
    targetId: TargetId,
    /** Imported one after another, in this order. */
    postIds: z.array(RemotePostId).min(1).max(50),
  })
  .strict();

export const ImportOutcome = z.object({
  remoteId: RemotePostId,
  title: z.string(),
  outcome: z.enum(['imported', 'skipped', 'failed']),
  /** The new article (imported), or the one it already is (skipped). */
  articleId: ArticleId.nullable(),
  /** One sentence: what happened, or why not. */
  message: z.string(),
  /** What the site's post held that the article could not (a picture that would not download, an embed). */
  leftOut: z.array(z.string()),
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;

export const SiteImportResult = z.object({ results: z.array(ImportOutcome) });
export type SiteImportResult = z.infer<typeof SiteImportResult>;
