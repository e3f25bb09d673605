import { photoStateOf, type BudgetEntry, type DeskMember, type Plan } from '../shared/desk/budget';
import type { DeskDatabase } from './db/database';
import { recordAssignment, type Assigner } from './assignment-audit';

/**
 * The budget in SQL: `budget_plans` (what an editor planned) and `budget_progress` (what the desk
 * last stored of each story: headline, slug, section, status, words, lead photo, photo request).
 * An entry of the budget is a progress row with its plan, if any. The photo request is the story
 * document's (shared/desk/photo-request.ts): `budget_plans.photo_request` is left empty and never read.
 */

type Query = DeskDatabase['query'];

interface EntryRow {
  story_id: string;
  headline: string;
  slug: string;
  section: string;
  status: string;
  words: number;
  has_photo: boolean;
  photo_wanted: string;
  photo_by: string | null;
  progress_at: Date | string;
  planned: string | null;
  slot_feed: string | null;
  slot_time: string | null;
  due_at: Date | string | null;
  length_target: number | null;
  assignee_id: string | null;
  assignee_name: string | null;
  assigned_at: Date | string | null;
  assigned_by: string | null;
  desk_note: string | null;
  plan_at: Date | string | null;
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

function entryOf(row: EntryRow): BudgetEntry {
  const photoRequest = row.photo_wanted;
  const updated = Math.max(Date.parse(iso(row.progress_at)!), row.plan_at === null ? 0 : Date.parse(iso(row.plan_at)!));
  return {
    storyId: row.story_id, headline: row.headline, slug: row.slug, section: row.section, status: row.status,
    words: row.words, photo: photoStateOf(photoRequest, row.has_photo), photoWanted: photoRequest, photoBy: row.has_photo ? row.photo_by : null,
    plan: row.planned === null ? null : {
      slot: row.slot_feed !== null && row.slot_time !== null ? { feed: row.slot_feed, time: row.slot_time } : null,
      due: iso(row.due_at),
      lengthTarget: row.length_target ?? 0,
      assignee: row.assignee_id !== null && row.assignee_name !== null ? { id: row.assignee_id, name: row.assignee_name } : null,
      assignedAt: iso(row.assigned_at),
      assignedBy: row.assigned_by,
      photoRequest,
      deskNote: row.desk_note ?? '',
    },
    updated: new Date(updated).toISOString(),
  };
}

const ENTRY_SELECT = `
  SELECT pr.story_id, pr.headline, pr.slug, pr.section, pr.status, pr.words, pr.has_photo, pr.photo_wanted, pr.photo_by, pr.updated_at AS progress_at,
         p.story_id AS planned, p.slot_feed, p.slot_time, p.due_at, p.length_target, p.assignee_id, u.name AS assignee_name,
         p.assigned_at, p.assigned_by, p.desk_note, p.updated_at AS plan_at
  FROM budget_progress pr
  LEFT JOIN budget_plans p ON p.desk_id = pr.desk_id AND p.story_id = pr.story_id
  LEFT JOIN users u ON u.id = p.assignee_id`;

/** The budget entries of a desk, newest first (the budget document is built from these). */
export async function loadEntries(db: DeskDatabase, deskId: string, limit = 1000): Promise<BudgetEntry[]> {
  const rows = await db.query<EntryRow>(`${ENTRY_SELECT} WHERE pr.desk_id = $1
    ORDER BY greatest(pr.updated_at, coalesce(p.updated_at, pr.updated_at)) DESC LIMIT ${Math.trunc(limit)}`, [deskId]);
  return rows.map(entryOf);
}

export async function loadEntry(query: Query, deskId: string, storyId: string): Promise<BudgetEntry | null> {
  const [row] = await query<EntryRow>(`${ENTRY_SELECT} WHERE pr.desk_id = $1 AND pr.story_id = $2`, [deskId, storyId]);
  return row ? entryOf(row) : null;
}

export async function membersOf(query: Query, deskId: string): Promise<DeskMember[]> {
  return query<DeskMember>(
    'SELECT u.id, u.name, u.role FROM users u JOIN desk_members m ON m.user_id = u.id WHERE m.desk_id = $1 ORDER BY u.name', [deskId]);
}

/** Saves a new plan, the story's first progress row and its assignment's audit entry, in one transaction: all or nothing. */
export async function insertPlan(db: DeskDatabase, deskId: string, storyId: string, plan: Plan, by: Assigner): Promise<BudgetEntry> {
  return db.transaction(async (query) => {
    await query(
      `INSERT INTO budget_plans (desk_id, story_id, slot_feed, slot_time, due_at, length_target, assignee_id, assigned_at, assigned_by,
                                 photo_request, desk_note, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $7::text IS NULL THEN NULL ELSE now() END, CASE WHEN $7::text IS NULL THEN NULL ELSE $10 END,
               $8, $9, $10)`,
      [deskId, storyId, plan.slot?.feed ?? null, plan.slot?.time ?? null, plan.due === '' ? null : plan.due, plan.lengthTarget,
        plan.assigneeId === '' ? null : plan.assigneeId, '', plan.deskNote, by.name]);
    // The request itself goes into the story's document (budget-index.ts); this row shows it until the story is first stored.
    await query(
      `INSERT INTO budget_progress (desk_id, story_id, headline, slug, section, status, photo_wanted) VALUES ($1, $2, $3, $4, $5, 'draft', $6)
       ON CONFLICT (desk_id, story_id) DO NOTHING`, [deskId, storyId, plan.headline, plan.slug, plan.section, plan.photoRequest]);
    await recordAssignment(query, by, { deskId, storyId, from: null, to: plan.assigneeId === '' ? null : plan.assigneeId });
    const entry = await loadEntry(query, deskId, storyId);
    if (!entry) throw new Error('The plan was not found after it was saved.');
    return entry;
  });
}

/**
 * Changes a plan's fields; a new assignee is stamped with when and by whom, and logged in the same
 * transaction. Null when there is no such plan. A photo request is not a plan field: the caller
 * writes it into the story's document.
 */
export async function updatePlan(db: DeskDatabase, deskId: string, storyId: string, parsed: Partial<Omit<Plan, 'photoRequest'>>, by: Assigner): Promise<BudgetEntry | null> {
  return db.transaction(async (query) => {
    const [current] = await query<{ assignee_id: string | null }>(
      'SELECT assignee_id FROM budget_plans WHERE desk_id = $1 AND story_id = $2 FOR UPDATE', [deskId, storyId]);
    if (!current) return null;
    const sets: string[] = [];
    const params: unknown[] = [deskId, storyId];
    const set = (column: string, value: unknown): void => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (parsed.slot !== undefined) {
      set('slot_feed', parsed.slot?.feed ?? null);
      set('slot_time', parsed.slot?.time ?? null);
    }
    if (parsed.due !== undefined) set('due_at', parsed.due === '' ? null : parsed.due);
    if (parsed.lengthTarget !== undefined) set('length_target', parsed.lengthTarget);
    if (parsed.deskNote !== undefined) set('desk_note', parsed.deskNote);
    if (parsed.assigneeId !== undefined) {
      const next = parsed.assigneeId === '' ? null : parsed.assigneeId;
      set('assignee_id', next);
      if (next !== current.assignee_id) {
        sets.push(next === null ? 'assigned_at = NULL' : 'assigned_at = now()');
        set('assigned_by', next === null ? null : by.name);
        await recordAssignment(query, by, { deskId, storyId, from: current.assignee_id, to: next });
      }
    }
    sets.push('updated_at = now()');
    await query(`UPDATE budget_plans SET ${sets.join(', ')} WHERE desk_id = $1 AND story_id = $2`, params);
    return loadEntry(query, deskId, storyId);
  });
}

export interface StoryProgress {
  headline: string;
  slug: string;
  section: string;
  status: string;
  words: number;
  hasPhoto: boolean;
  /** The story's photo request ('' for none) and who attached the photo that fulfilled it. */
  photoWanted: string;
  photoBy: string | null;
}

export async function recordProgress(db: DeskDatabase, deskId: string, storyId: string, progress: StoryProgress): Promise<BudgetEntry | null> {
  await db.query(
    `INSERT INTO budget_progress (desk_id, story_id, headline, slug, section, status, words, has_photo, photo_wanted, photo_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
     ON CONFLICT (desk_id, story_id) DO UPDATE SET headline = $3, slug = $4, section = $5, status = $6, words = $7, has_photo = $8,
       photo_wanted = $9, photo_by = $10, updated_at = now()`,
    [deskId, storyId, progress.headline, progress.slug, progress.section, progress.status, progress.words, progress.hasPhoto,
      progress.photoWanted, progress.photoBy]);
  return loadEntry(db.query, deskId, storyId);
}
