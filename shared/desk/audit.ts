import { z } from 'zod';

/**
 * The desk's audit log as the server answers it: who did what to which story, and when. Status
 * moves and refusals, reopenings, publishes, re-timings the desk undid (a schedule, embargo or
 * expiry set on the board without the publisher role), assignments and credit edits all land
 * here, each with a sentence the app shows as is.
 */
export const AUDIT_ACTIONS = ['status', 'status-refused', 'reopened', 'published', 'publish-refused', 'timing-refused', 'assigned', 'credit'] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

export const auditEntrySchema = z.object({
  id: z.string(),
  /** Null for an entry about the desk as a whole. */
  storyId: z.string().nullable(),
  /** ISO 8601 */
  at: z.string(),
  who: z.string(),
  /**
   * One of AUDIT_ACTIONS from a desk of this version; a desk upgraded before the app may log steps
   * the app has no name for, and its sentence (`summary`) is shown all the same. A plain word
   * only: it becomes a class name in the page.
   */
  action: z.string().regex(/^[a-z][a-z-]{0,39}$/, 'An audit step is a lower-case word.'),
  summary: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditResponseSchema = z.object({ entries: z.array(auditEntrySchema) });

/** What the signed-in user may do on a desk, as the server reads it from its own records. */
export const deskRolesResponseSchema = z.object({ roles: z.array(z.string()) });

export const statusChangeRequestSchema = z.object({ to: z.string().min(1).max(40) });
/** After a story went out: where to (a target's name), said in the audit log. */
export const publishedRequestSchema = z.object({ target: z.string().trim().min(1).max(200), url: z.string().max(2000).optional() });

/**
 * The desk-wide log's filter: what kind of step (each kind is one or more actions), the page size,
 * and where the page starts (the id of the last entry already shown; entries are read newest first).
 */
export const AUDIT_KINDS = ['status', 'assignment', 'publish', 'credit'] as const;
export const AuditKind = z.enum(AUDIT_KINDS);
export type AuditKind = z.infer<typeof AuditKind>;

export const AUDIT_KIND_ACTIONS: Record<AuditKind, readonly AuditAction[]> = {
  status: ['status', 'status-refused', 'reopened'],
  assignment: ['assigned'],
  publish: ['published', 'publish-refused', 'timing-refused'],
  credit: ['credit'],
};

export const AUDIT_KIND_LABELS: Record<AuditKind, string> = {
  status: 'Status changes',
  assignment: 'Assignments',
  publish: 'Publishes and timing',
  credit: 'Credit edits',
};

export const AUDIT_PAGE_MAX = 200;
export const AUDIT_PAGE_DEFAULT = 50;

export const deskAuditQuerySchema = z.object({
  before: z.string().regex(/^[1-9][0-9]{0,18}$/, 'before is the id of an entry.').optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).optional(),
  kind: AuditKind.optional(),
}).strict();
export type DeskAuditQuery = z.infer<typeof deskAuditQuerySchema>;

/** One page of the desk-wide log; `more` when older entries match the filter too. */
export const deskAuditPageSchema = z.object({ entries: z.array(auditEntrySchema), more: z.boolean() });
export type DeskAuditPage = z.infer<typeof deskAuditPageSchema>;
