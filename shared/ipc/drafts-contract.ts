import { z } from 'zod';
import { Article, ArticleId, DraftSummary } from '../model/article';
import { bodyProblem } from '../model/article-body';
import { DraftPage, DraftQuery, RevisionInfo, SaveResult } from '../model/drafts';

/** The drafts:* channels: the articles of the library, their trash and their revisions. */

const Empty = z.object({}).strict();
const ById = z.object({ id: ArticleId }).strict();
const RevisionRef = z.object({ id: ArticleId, revisionId: z.string().regex(/^[0-9a-z-]{1,64}$/) }).strict();

export const SaveRequest = z
  .object({ article: Article, reason: z.enum(['auto', 'manual']) })
  .strict()
  .superRefine((request, context) => {
    const problem = bodyProblem(request.article.body);
    if (problem) context.addIssue({ code: 'custom', path: ['article', 'body'], message: `The article body holds ${problem}.` });
  });

export const draftsChannels = {
  'drafts:list': { request: DraftQuery, response: DraftPage },
  'drafts:get': { request: ById, response: Article },
  'drafts:create': {
    request: z.object({ section: z.string().max(120).optional() }).strict(),
    response: Article,
  },
  'drafts:save': { request: SaveRequest, response: SaveResult },
  'drafts:duplicate': { request: ById, response: Article },
  'drafts:trash': { request: ById, response: z.null() },
  'drafts:listTrash': { request: Empty, response: z.array(DraftSummary) },
  'drafts:restoreFromTrash': { request: ById, response: DraftSummary },
  'drafts:revisions': { request: ById, response: z.array(RevisionInfo) },
  'drafts:getRevision': { request: RevisionRef, response: Article },
  'drafts:restoreRevision': { request: RevisionRef, response: Article },
} as const;
