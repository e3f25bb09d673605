import type { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { BUDGET_MAP, budgetDocumentName, type BudgetEntry } from '../shared/desk/budget';
import { STORY_META_MAP, storyDocumentName, type StoryDocumentName } from '../shared/desk/desk-protocol';
import { readPhotoRequest, writePhotoRequest } from '../shared/desk/photo-request';
import { countWords } from '../shared/rules/text';
import type { DeskDatabase } from './db/database';
import { loadEntries, recordProgress, type StoryProgress } from './budget-store';
import { storyFields } from './story-fields';

/**
 * The budget document of a desk (`desk/<deskId>/budget`): read-only for clients, written here
 * through Hocuspocus, so every desktop subscribed to it (on any instance, with Redis) sees a plan,
 * an assignment or a story's new word count at once.
 */

/** Built from the database when an instance first loads the document. */
export async function loadBudgetDocument(db: DeskDatabase, deskId: string): Promise<Uint8Array> {
  const entries = await loadEntries(db, deskId);
  const doc = new Y.Doc();
  const map = doc.getMap<BudgetEntry>(BUDGET_MAP);
  doc.transact(() => {
    for (const entry of entries) map.set(entry.storyId, entry);
  });
  return Y.encodeStateAsUpdate(doc);
}

export async function publishBudgetEntry(hocuspocus: Hocuspocus, deskId: string, entry: BudgetEntry): Promise<void> {
  const connection = await hocuspocus.openDirectConnection(budgetDocumentName(deskId), { system: true });
  try {
    await connection.transact((doc) => {
      doc.getMap<BudgetEntry>(BUDGET_MAP).set(entry.storyId, entry);
    });
  } finally {
    await connection.disconnect();
  }
}

/** What the budget shows of a story document: its fields, live word count, lead photo and photo request. */
export function progressOf(doc: Y.Doc): StoryProgress {
  const fields = storyFields(doc);
  const meta = doc.getMap(STORY_META_MAP);
  const slug = meta.get('slug');
  const lead = meta.get('leadPhoto');
  const request = readPhotoRequest(meta);
  return {
    headline: fields.headline, section: fields.section, status: fields.status,
    slug: typeof slug === 'string' ? slug : '',
    words: countWords(fields.body),
    hasPhoto: lead !== null && lead !== undefined,
    photoWanted: request?.wanted ?? '',
    photoBy: request?.state === 'ready' ? request.attachedBy : null,
  };
}

/** Records a stored story's progress and shows it in the budget. */
export async function publishStoryProgress(db: DeskDatabase, hocuspocus: Hocuspocus, story: StoryDocumentName, doc: Y.Doc): Promise<void> {
  const entry = await recordProgress(db, story.deskId, story.storyId, progressOf(doc));
  if (entry) await publishBudgetEntry(hocuspocus, story.deskId, entry);
}

/**
 * Writes a planned story's first fields into its new story document, so it can be opened and
 * written like any desk story (and every desktop adopts it into its draft list). The plan's photo
 * request goes there too: the story's document is where every desktop reads and answers it.
 */
export async function createPlannedStory(
  hocuspocus: Hocuspocus, documentName: string, fields: { headline: string; slug: string; section: string; photoRequest: string },
): Promise<void> {
  const connection = await hocuspocus.openDirectConnection(documentName, { system: true });
  try {
    await connection.transact((doc) => {
      const meta = doc.getMap(STORY_META_MAP);
      meta.set('headline', fields.headline);
      meta.set('slug', fields.slug);
      // The slug was chosen by the desk: the editor must not rewrite it from the headline.
      meta.set('slugEdited', fields.slug !== '');
      meta.set('section', fields.section);
      meta.set('status', 'draft');
      writePhotoRequest(meta, fields.photoRequest);
    });
  } finally {
    await connection.disconnect();
  }
}

/**
 * Asks for a photo on a story (or withdraws the ask, with ''), in its document, where every desktop
 * sees it. With `unlessAsked`, a story that asks for a photo already keeps its own request.
 */
export async function writeStoryPhotoRequest(hocuspocus: Hocuspocus, documentName: string, wanted: string, unlessAsked = false): Promise<StoryProgress> {
  const connection = await hocuspocus.openDirectConnection(documentName, { system: true });
  try {
    const written: { progress?: StoryProgress } = {};
    await connection.transact((doc) => {
      const meta = doc.getMap(STORY_META_MAP);
      if (!unlessAsked || !readPhotoRequest(meta)) writePhotoRequest(meta, wanted);
      written.progress = progressOf(doc);
    });
    if (!written.progress) throw new Error('the story document could not be opened');
    return written.progress;
  } finally {
    await connection.disconnect();
  }
}

/**
 * Plans made before the photo request moved into the story's document kept it in
 * `budget_plans.photo_request`. At start, each is written into its story (unless the story asks for
 * a photo already) and only then cleared from the plan, so a start that fails halfway leaves the
 * rest for the next one and nothing is lost. Returns how many were moved.
 */
export async function moveLegacyPhotoRequests(db: DeskDatabase, hocuspocus: Hocuspocus): Promise<number> {
  const rows = await db.query<{ desk_id: string; story_id: string; photo_request: string }>(
    `SELECT desk_id, story_id, photo_request FROM budget_plans WHERE photo_request <> ''`);
  for (const row of rows) {
    const progress = await writeStoryPhotoRequest(hocuspocus, storyDocumentName(row.desk_id, row.story_id), row.photo_request, true);
    await recordProgress(db, row.desk_id, row.story_id, progress);
    await db.query(`UPDATE budget_plans SET photo_request = '' WHERE desk_id = $1 AND story_id = $2`, [row.desk_id, row.story_id]);
  }
  return rows.length;
}
