import { z } from 'zod';
import { auditResponseSchema, deskAuditPageSchema, deskAuditQuerySchema } from '../desk/audit';
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
  /** One page of the whole desk's log, newest first, of one kind when asked (editors, publishers and admins only). */
  'desk:deskAudit': { request: deskAuditQuerySchema, response: deskAuditPageSchema },
  /** The signed-in user's roles on the desk as the desk holds them now; null when signed out or the desk cannot be asked. */
  'desk:myRoles': { request: z.object({}).strict(), response: z.object({ roles: z.array(z.string()) }).nullable() },
} as const;
