/**
 * One schema for PostgreSQL and PGlite (which is PostgreSQL compiled to WebAssembly, so the same
 * SQL, full-text search included). Every statement is idempotent: each instance runs it at start.
 */
export const SCHEMA_STATEMENTS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS desk_settings (key text PRIMARY KEY, value text NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS desks (id text PRIMARY KEY, name text NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS users (
     id text PRIMARY KEY,
     name text NOT NULL,
     email text NOT NULL UNIQUE,
     role text NOT NULL,
     password_hash text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE TABLE IF NOT EXISTS desk_members (
     desk_id text NOT NULL REFERENCES desks(id) ON DELETE CASCADE,
     user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     PRIMARY KEY (desk_id, user_id))`,
  // The compacted Yjs state of each story, plus every update received since, written before the
  // update is applied and acknowledged: a killed server loses nothing it acknowledged.
  `CREATE TABLE IF NOT EXISTS story_documents (
     name text PRIMARY KEY,
     state bytea NOT NULL,
     updated_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE TABLE IF NOT EXISTS story_updates (
     id bigserial PRIMARY KEY,
     name text NOT NULL,
     data bytea NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS story_updates_by_name ON story_updates (name, id)`,
  // The desk archive: fields kept from each document when it is stored. 'simple' text search
  // (lowercased words, no stemming) because a desk writes in more than one language.
  `CREATE TABLE IF NOT EXISTS stories (
     desk_id text NOT NULL,
     story_id text NOT NULL,
     headline text NOT NULL DEFAULT '',
     status text NOT NULL DEFAULT '',
     section text NOT NULL DEFAULT '',
     body text NOT NULL DEFAULT '',
     edited_by text[] NOT NULL DEFAULT '{}',
     updated_at timestamptz NOT NULL DEFAULT now(),
     search tsvector GENERATED ALWAYS AS (to_tsvector('simple', headline || ' ' || body)) STORED,
     PRIMARY KEY (desk_id, story_id))`,
  `CREATE INDEX IF NOT EXISTS stories_search ON stories USING gin (search)`,
  `CREATE INDEX IF NOT EXISTS stories_updated ON stories (desk_id, updated_at DESC)`,
  // The photo handoff: one record per photo shared on a desk. The bytes (original and thumbnail,
  // named by their SHA-256) are in the media store, not here.
  `CREATE TABLE IF NOT EXISTS desk_media (
     desk_id text NOT NULL,
     media_id text NOT NULL,
     thumbnail_sha256 text NOT NULL,
     record jsonb NOT NULL,
     shared_by text NOT NULL,
     shared_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (desk_id, media_id))`,
  `CREATE INDEX IF NOT EXISTS desk_media_shared ON desk_media (desk_id, shared_at DESC)`,
  // Roles and the audit log. Users once had a single `role` column (kept, holding their first
  // role, for older servers on the same database); `user_roles` holds them all. The single statement
  // below copies each existing user's role once, marked done in desk_settings in the same statement,
  // so a role an admin later removes is not copied back at the next start.
  `CREATE TABLE IF NOT EXISTS user_roles (
     user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     role text NOT NULL,
     PRIMARY KEY (user_id, role))`,
  `WITH first_run AS (
     INSERT INTO desk_settings (key, value) VALUES ('user-roles-copied', now()::text) ON CONFLICT (key) DO NOTHING RETURNING 1)
   INSERT INTO user_roles (user_id, role)
   SELECT u.id, CASE WHEN u.role = 'photo' THEN 'photo-editor' ELSE u.role END FROM users u, first_run
   WHERE u.role IN ('reporter', 'editor', 'photo', 'photo-editor', 'publisher', 'admin')
   ON CONFLICT DO NOTHING`,
  `CREATE TABLE IF NOT EXISTS desk_audit (
     id bigserial PRIMARY KEY,
     desk_id text NOT NULL,
     story_id text,
     at timestamptz NOT NULL DEFAULT now(),
     user_id text,
     user_name text NOT NULL,
     action text NOT NULL,
     summary text NOT NULL,
     detail jsonb NOT NULL DEFAULT '{}')`,
  `CREATE INDEX IF NOT EXISTS desk_audit_by_story ON desk_audit (desk_id, story_id, id DESC)`,
  `CREATE INDEX IF NOT EXISTS desk_audit_by_desk ON desk_audit (desk_id, id DESC)`,
  // The story budget (shared/desk/budget.ts): each planned story's plan, checked by the server
  // (an assignee must be on the desk) rather than kept in the story's own document, which any
  // member can write; and what the budget shows of every stored story (words, photo state).
  `CREATE TABLE IF NOT EXISTS budget_plans (
     desk_id text NOT NULL,
     story_id text NOT NULL,
     slot_feed text,
     slot_time text,
     due_at timestamptz,
     length_target integer NOT NULL DEFAULT 0,
     assignee_id text REFERENCES users(id) ON DELETE SET NULL,
     assigned_at timestamptz,
     assigned_by text,
     photo_request text NOT NULL DEFAULT '',
     desk_note text NOT NULL DEFAULT '',
     created_by text NOT NULL,
     updated_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (desk_id, story_id))`,
  `CREATE TABLE IF NOT EXISTS budget_progress (
     desk_id text NOT NULL,
     story_id text NOT NULL,
     headline text NOT NULL DEFAULT '',
     slug text NOT NULL DEFAULT '',
     section text NOT NULL DEFAULT '',
     status text NOT NULL DEFAULT '',
     words integer NOT NULL DEFAULT 0,
     has_photo boolean NOT NULL DEFAULT false,
     updated_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (desk_id, story_id))`,
  // The photo request as the story's document holds it (shared/desk/photo-request.ts), read when
  // the story is stored like its word count; budget_plans.photo_request is no longer read.
  `ALTER TABLE budget_progress ADD COLUMN IF NOT EXISTS photo_wanted text NOT NULL DEFAULT ''`,
  `ALTER TABLE budget_progress ADD COLUMN IF NOT EXISTS photo_by text`,
];
