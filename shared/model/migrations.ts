import { ARTICLE_SCHEMA_VERSION, Article } from './article';

/**
 * Upgrades a stored article of any earlier schema version to the current one.
 * Each step takes the shape of version N and returns version N + 1; steps never touch text.
 */
type Step = (doc: Record<string, unknown>) => Record<string, unknown>;

const STEPS: Record<number, Step> = {
  // v1 had a single `author` string and no slugEdited flag.
  1: (doc) => {
    const { author, ...rest } = doc;
    const name = typeof author === 'string' ? author.trim() : '';
    return {
      ...rest,
      byline: name ? [{ name, role: '', avatar: null }] : [],
      slugEdited: Boolean(rest.slug),
      schemaVersion: 2,
    };
  },
  // v3 added the lead photo.
  2: (doc) => ({ ...doc, leadPhoto: null, schemaVersion: 3 }),
};

export class MigrationError extends Error {}

export function migrateArticle(raw: unknown): Article {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new MigrationError('not a JSON object');
  let doc = raw as Record<string, unknown>;
  let version = typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 1;
  if (version > ARTICLE_SCHEMA_VERSION) {
    throw new MigrationError(`written by a newer Newsdesk (schema ${version}); update the app to open it`);
  }
  while (version < ARTICLE_SCHEMA_VERSION) {
    const step = STEPS[version];
    if (!step) throw new MigrationError(`no migration from schema ${version}`);
    doc = step(doc);
    version += 1;
  }
  const parsed = Article.safeParse(doc);
  if (!parsed.success) throw new MigrationError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}
