import { z } from 'zod';
import { auditResponseSchema } from '../desk/audit';
import { DeskStatus, storyWorkflowResponseSchema } from '../desk/workflow';
import { ArticleId } from '../model/article';

/**
 * The desk workflow's channels. Main asks the desk server, which decides every move by the roles
 * it holds for the user; these only carry the question and the answer (a refusal comes back as
 * the desk's sentence).
 */
export const deskWorkflowChannels = {
  /** A desk story's status, the moves the signed-in user may make and why others are closed; null for a story of this machine only. */
  'desk:workflow': { request: z.object({ id: ArticleId }).strict(), response: storyWorkflowResponseSchema.nullable() },
  /** Asks the desk to move a story to another status. */
  'desk:moveStatus': { request: z.object({ id: ArticleId, to: DeskStatus }).strict(), response: storyWorkflowResponseSchema },
  /** The audit log of one desk story, or of the whole desk without an id. */
  'desk:audit': { request: z.object({ id: ArticleId.optional() }).strict(), response: auditResponseSchema },
} as const;
