import type { StorySummary } from '../shared/desk/desk-protocol';

/** A row of the desk's story table as the story list and the archive search read it. */
export interface StoryRow {
  story_id: string;
  headline: string;
  status: string;
  section: string;
  updated_at: Date | string;
  edited_by: string[];
}

export function storySummary(row: StoryRow): StorySummary {
  return {
    storyId: row.story_id, headline: row.headline, status: row.status, section: row.section,
    updated: new Date(row.updated_at).toISOString(), editedBy: row.edited_by,
  };
}
