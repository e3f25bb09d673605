import * as Y from 'yjs';
import type { StoryDocumentName } from '../shared/desk/desk-protocol';
import type { DeskDatabase } from './db/database';
import { storyFields } from './story-fields';

/**
 * Story documents in SQL. Every update a client sends is appended to `story_updates` before the
 * server applies and acknowledges it (write-ahead); storing a document folds those rows into the
 * compacted state in `story_documents`. Loading merges both, so a `kill -9` loses nothing.
 */
/** The first wait before a failed write-ahead is tried again, and the longest. */
const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 5_000;

export class StoryStore {
  /** Updates waiting for the next write, with the callers waiting on them. */
  private queued: { name: string; update: Uint8Array; done: (error?: unknown) => void }[] = [];
  private writing = false;
  private closed = false;
  private wakeRetry: (() => void) | null = null;

  constructor(
    private readonly db: DeskDatabase,
    /** Told of each failed write-ahead before it is tried again (the server logs it). */
    private readonly onWriteFailure: (error: unknown) => void = () => undefined,
  ) {}

  /**
   * Resolves once the update is durably in the database. Updates that arrive while a write is
   * under way go together in the next single INSERT (group commit): one round trip for many
   * keystrokes instead of one each, which is what keeps a busy desk's latency flat.
   *
   * A write that fails (the database down or refusing) is tried again, with the updates that came
   * meanwhile, until it is in, and nothing is acknowledged before. It is not refused: a story
   * update is already in the live document and with the other editors when it is written, so its
   * sender's next sync would find nothing missing and never send it again.
   */
  append(name: string, update: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new Error('The desk is stopping; the update was not written.'));
      this.queued.push({ name, update, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.writing) void this.writeQueued();
    });
  }

  /** Stops trying: updates not yet written are refused (their senders still hold them, unacknowledged). */
  close(): void {
    this.closed = true;
    this.wakeRetry?.();
  }

  private async writeQueued(): Promise<void> {
    this.writing = true;
    let wait = RETRY_FIRST_MS;
    while (this.queued.length > 0 && !this.closed) {
      const batch = this.queued;
      this.queued = [];
      try {
        await this.db.appendQuery('INSERT INTO story_updates (name, data) SELECT * FROM unnest($1::text[], $2::bytea[])',
          [batch.map((item) => item.name), batch.map((item) => item.update)]);
        for (const item of batch) item.done();
        wait = RETRY_FIRST_MS;
      } catch (error) {
        this.queued = [...batch, ...this.queued];
        this.onWriteFailure(error);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, wait);
          this.wakeRetry = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wakeRetry = null;
        wait = Math.min(wait * 2, RETRY_MAX_MS);
      }
    }
    if (this.closed) for (const item of this.queued.splice(0)) item.done(new Error('The desk is stopping; the update was not written.'));
    this.writing = false;
  }

  /** The stored state of a document (compacted state plus every appended update), or null. */
  async load(name: string): Promise<Uint8Array | null> {
    const [state] = await this.db.query<{ state: Uint8Array }>('SELECT state FROM story_documents WHERE name = $1', [name]);
    const updates = await this.db.query<{ data: Uint8Array }>('SELECT data FROM story_updates WHERE name = $1 ORDER BY id', [name]);
    const parts = [...(state ? [state.state] : []), ...updates.map((row) => row.data)];
    return parts.length === 0 ? null : Y.mergeUpdates(parts.map((part) => new Uint8Array(part)));
  }

  /**
   * Folds the live document, the stored state and the appended updates into one state, and keeps
   * the story's row in the archive. The stored state only ever grows: with several instances, one
   * that is behind cannot overwrite what another stored.
   */
  async store(story: StoryDocumentName & { name: string }, doc: Y.Doc, editors: readonly string[]): Promise<void> {
    const live = Y.encodeStateAsUpdate(doc);
    const fields = storyFields(doc);
    await this.db.transaction(async (query) => {
      // Locks the document's row (or, for a first store, serialises on the insert's key).
      await query(`INSERT INTO story_documents (name, state) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [story.name, live]);
      const [stored] = await query<{ state: Uint8Array }>('SELECT state FROM story_documents WHERE name = $1 FOR UPDATE', [story.name]);
      const updates = await query<{ id: string; data: Uint8Array }>('SELECT id, data FROM story_updates WHERE name = $1 ORDER BY id', [story.name]);
      const merged = Y.mergeUpdates([live, ...(stored ? [new Uint8Array(stored.state)] : []), ...updates.map((row) => new Uint8Array(row.data))]);
      await query('UPDATE story_documents SET state = $2, updated_at = now() WHERE name = $1', [story.name, merged]);
      const lastId = updates.at(-1)?.id;
      if (lastId !== undefined) await query('DELETE FROM story_updates WHERE name = $1 AND id <= $2', [story.name, lastId]);
      await query(
        `INSERT INTO stories (desk_id, story_id, headline, status, section, body, edited_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now())
         ON CONFLICT (desk_id, story_id) DO UPDATE SET headline = $3, status = $4, section = $5, body = $6,
           edited_by = ARRAY(SELECT DISTINCT unnest(stories.edited_by || $7::text[])), updated_at = now()`,
        [story.deskId, story.storyId, fields.headline, fields.status, fields.section, fields.body, [...editors]],
      );
    });
  }
}
