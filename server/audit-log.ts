import { AUDIT_KIND_ACTIONS, AUDIT_PAGE_DEFAULT, type AuditAction, type AuditEntry, type DeskAuditPage, type DeskAuditQuery } from '../shared/desk/audit';
import type { DeskDatabase } from './db/database';

export interface AuditRecord {
  deskId: string;
  /** Null for the desk as a whole. */
  storyId: string | null;
  userId: string | null;
  userName: string;
  action: AuditAction;
  summary: string;
  detail?: Record<string, unknown>;
}

const READ_LIMIT = 500;

/** Appends one entry to the desk's audit log (one INSERT: an entry is there whole or not at all). */
export async function recordAudit(db: Pick<DeskDatabase, 'query'>, record: AuditRecord): Promise<void> {
  await db.query(
    'INSERT INTO desk_audit (desk_id, story_id, user_id, user_name, action, summary, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [record.deskId, record.storyId, record.userId, record.userName, record.action, record.summary, JSON.stringify(record.detail ?? {})],
  );
}

/** The newest entries of a desk, or of one of its stories, newest first. */
export async function readAudit(db: DeskDatabase, deskId: string, storyId: string | null): Promise<AuditEntry[]> {
  const rows = await db.query<{ id: string; story_id: string | null; at: Date | string; user_name: string; action: AuditAction; summary: string }>(
    `SELECT id::text AS id, story_id, at, user_name, action, summary FROM desk_audit
     WHERE desk_id = $1 AND ($2::text IS NULL OR story_id = $2) ORDER BY desk_audit.id DESC LIMIT ${READ_LIMIT}`,
    [deskId, storyId],
  );
  return rows.map((row) => ({ id: row.id, storyId: row.story_id, at: new Date(row.at).toISOString(), who: row.user_name, action: row.action, summary: row.summary }));
}

/**
 * One page of a desk's whole log, newest first: entries older than `before` (an entry id), of one
 * kind when asked. One row more than the page is read to tell whether there are older ones.
 */
export async function readDeskAuditPage(db: DeskDatabase, deskId: string, query: DeskAuditQuery): Promise<DeskAuditPage> {
  const limit = query.limit ?? AUDIT_PAGE_DEFAULT;
  const actions = query.kind ? [...AUDIT_KIND_ACTIONS[query.kind]] : null;
  const rows = await db.query<{ id: string; story_id: string | null; at: Date | string; user_name: string; action: AuditAction; summary: string }>(
    `SELECT id::text AS id, story_id, at, user_name, action, summary FROM desk_audit
     WHERE desk_id = $1 AND ($2::bigint IS NULL OR id < $2::bigint) AND ($3::text[] IS NULL OR action = ANY($3::text[]))
     ORDER BY desk_audit.id DESC LIMIT $4`,
    [deskId, query.before ?? null, actions, limit + 1],
  );
  const entries = rows.slice(0, limit).map((row) => ({ id: row.id, storyId: row.story_id, at: new Date(row.at).toISOString(), who: row.user_name, action: row.action, summary: row.summary }));
  return { entries, more: rows.length > limit };
}
