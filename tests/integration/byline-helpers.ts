import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Author, LexicalDocument } from '../../shared/model/article';
import type { bylineSentences } from '../../electron/main/services/publishing/byline-plan';
import { checkArticle } from '../../electron/main/services/publishing/publish-inputs';
import { ghostInstallDir, type GhostSite } from '../ghost/ghost-server';
import type { PublishingDesk } from './wordpress-publish-helpers';

/** A byline author as the editor types one. */
export const bylineAuthor = (name: string, role = ''): Author => ({ name, role, avatar: null });

/** A body of plain paragraphs. */
export function paragraphs(...texts: string[]): LexicalDocument {
  const paragraph = (value: string) => ({
    type: 'paragraph',
    version: 1,
    format: '',
    indent: 0,
    direction: null,
    children: [{ type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' }],
  });
  return { root: { type: 'root', version: 1, format: '', indent: 0, direction: null, children: texts.map(paragraph) } } as LexicalDocument;
}

/** The publish panel's plan for the desk's target, as main computes it (the site's users read for real). */
export async function planOf(desk: PublishingDesk, articleId: string) {
  // Loaded here, not at the top: the publishing tests of this file's users run without it too.
  const { bylineSentences: sentences } = await import('../../electron/main/services/publishing/byline-plan');
  const services = {
    ...desk,
    clocks: desk.http.clocks,
    bylinePlan: (target: Parameters<typeof bylineSentences>[0], byline: readonly Author[]) =>
      sentences(target, byline, { secretOf: (id) => desk.targets.secretOf(id), http: desk.http }),
  };
  const { check } = await checkArticle(services, { articleId, targetId: desk.target.id, mode: 'publish' }, new Date());
  return check.plan;
}

/**
 * A second staff user on a test Ghost, written into its SQLite file with Ghost's own sqlite3
 * module: Ghost creates staff only through an emailed invitation, which a test site cannot receive.
 * The user can sign no post in by password (the hash is a placeholder); the Admin API lists them.
 */
export async function addGhostStaffUser(site: GhostSite, user: { name: string; slug: string; email: string }): Promise<string> {
  const ghostRequire = createRequire(join(ghostInstallDir(), 'package.json'));
  const sqlite3 = ghostRequire('sqlite3') as { Database: new (path: string, callback: (error: Error | null) => void) => SqliteDatabase };
  const id = randomBytes(12).toString('hex');
  const database = await new Promise<SqliteDatabase>((resolve, reject) => {
    const opened = new sqlite3.Database(join(site.stateDir, 'content', 'data', 'ghost.db'), (error) => (error ? reject(error) : resolve(opened)));
  });
  const run = (sql: string, params: unknown[]) => new Promise<void>((resolve, reject) => database.run(sql, params, (error) => (error ? reject(error) : resolve())));
  try {
    const now = new Date().toISOString().replace('T', ' ').slice(0, 19);
    await run('INSERT INTO users (id, name, slug, password, email, status, visibility, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      id, user.name, user.slug, '$2a$10$placeholderplaceholderplaceholderplaceholderpl', user.email, 'active', 'public', now, '1',
    ]);
    await run("INSERT INTO roles_users (id, role_id, user_id) SELECT ?, id, ? FROM roles WHERE name = 'Author'", [randomBytes(12).toString('hex'), id]);
  } finally {
    await new Promise<void>((resolve) => database.close(() => resolve()));
  }
  return id;
}

interface SqliteDatabase {
  run(sql: string, params: unknown[], callback: (error: Error | null) => void): void;
  close(callback: () => void): void;
}
