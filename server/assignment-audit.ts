import type { DeskDatabase } from './db/database';
import { recordAudit } from './audit-log';

/**
 * Assignments in the desk's audit log: who assigned whom to which story, and when (the entry's
 * time). Written inside the transaction that changes the plan, so a plan change and its entry are
 * kept together or not at all: a log that says "assigned" for a refused plan, or misses an
 * assignment that was kept, would be worse than none.
 */

type Query = DeskDatabase['query'];

export interface Assigner {
  userId: string;
  name: string;
}

export interface AssignmentChange {
  deskId: string;
  storyId: string;
  /** User ids; null for nobody. */
  from: string | null;
  to: string | null;
}

async function nameOf(query: Query, userId: string | null): Promise<string | null> {
  if (userId === null) return null;
  const [row] = await query<{ name: string }>('SELECT name FROM users WHERE id = $1', [userId]);
  // An assignee is checked to be a member before the plan is changed; a deleted user keeps their id.
  return row?.name ?? `user ${userId.slice(0, 8)}`;
}

async function storyLabel(query: Query, deskId: string, storyId: string): Promise<string> {
  const [row] = await query<{ headline: string; slug: string }>(
    'SELECT headline, slug FROM budget_progress WHERE desk_id = $1 AND story_id = $2', [deskId, storyId]);
  const label = row?.headline.trim() || row?.slug.trim();
  return label ? `“${label}”` : 'the story';
}

/** The sentence the log shows for a change of assignee. */
export function assignmentSummary(by: string, story: string, from: string | null, to: string | null): string {
  if (from === null && to !== null) return `${by} assigned ${story} to ${to}`;
  if (from !== null && to === null) return `${by} unassigned ${story} (was ${from})`;
  return `${by} reassigned ${story} from ${from ?? 'nobody'} to ${to ?? 'nobody'}`;
}

/** Appends the entry for an assignment, in the caller's transaction; nothing when the assignee did not change. */
export async function recordAssignment(query: Query, by: Assigner, change: AssignmentChange): Promise<void> {
  if (change.from === change.to) return;
  // One after another: a transaction is one connection, which runs one statement at a time.
  const from = await nameOf(query, change.from);
  const to = await nameOf(query, change.to);
  const story = await storyLabel(query, change.deskId, change.storyId);
  await recordAudit({ query }, {
    deskId: change.deskId,
    storyId: change.storyId,
    userId: by.userId,
    userName: by.name,
    action: 'assigned',
    summary: assignmentSummary(by.name, story, from, to),
    detail: { from: change.from, to: change.to },
  });
}
