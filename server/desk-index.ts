import type { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { DESK_INDEX_MAP, deskIndexDocumentName, type StoryDocumentName, type StorySummary } from '../shared/desk/desk-protocol';
import type { DeskDatabase } from './db/database';
import type { StoryFields } from './story-fields';

const LISTED = 1000;

/** The index document of a desk, built from the archive when an instance first loads it. */
export async function loadDeskIndex(db: DeskDatabase, deskId: string): Promise<Uint8Array> {
  const rows = await db.query<{ story_id: string; headline: string; status: string; section: string; updated_at: Date | string; edited_by: string[] }>(
    `SELECT story_id, headline, status, section, updated_at, edited_by FROM stories WHERE desk_id = $1 ORDER BY updated_at DESC LIMIT ${LISTED}`, [deskId]);
  const doc = new Y.Doc();
  const stories = doc.getMap<StorySummary>(DESK_INDEX_MAP);
  doc.transact(() => {
    for (const row of rows) {
      stories.set(row.story_id, {
        storyId: row.story_id, headline: row.headline, status: row.status, section: row.section,
        updated: new Date(row.updated_at).toISOString(), editedBy: row.edited_by,
      });
    }
  });
  return Y.encodeStateAsUpdate(doc);
}

/**
 * Puts a story's summary into its desk's index document, through Hocuspocus itself, so every
 * subscribed desktop (on any instance, with Redis) sees it at once.
 */
export async function publishToIndex(hocuspocus: Hocuspocus, story: StoryDocumentName, fields: StoryFields, editors: readonly string[]): Promise<void> {
  const connection = await hocuspocus.openDirectConnection(deskIndexDocumentName(story.deskId), { system: true });
  try {
    await connection.transact((doc) => {
      const stories = doc.getMap<StorySummary>(DESK_INDEX_MAP);
      const before = stories.get(story.storyId);
      stories.set(story.storyId, {
        storyId: story.storyId, headline: fields.headline, status: fields.status, section: fields.section,
        updated: new Date().toISOString(), editedBy: [...new Set([...(before?.editedBy ?? []), ...editors])],
      });
    });
  } finally {
    await connection.disconnect();
  }
}
