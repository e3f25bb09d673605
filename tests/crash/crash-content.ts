import { createHash } from 'node:crypto';
import { ARTICLE_SCHEMA_VERSION, type Article } from '../../shared/model/article';

/** Shared by the crash child and the test: the drafts it writes and how their content is fingerprinted. */
export const CRASH_IDS = ['crash-draft-0001', 'crash-draft-0002', 'crash-draft-0003', 'crash-draft-0004', 'crash-draft-0005'];

/**
 * Fingerprint of the text a save carries (updatedAt is set by the store, so it is left out).
 * Keys are sorted because validation may reorder an object's keys; the content is what counts.
 */
export function contentHash(article: Pick<Article, 'headline' | 'dek' | 'body' | 'tags'>): string {
  const canonical = JSON.stringify([article.headline, article.dek, article.body, article.tags], (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/** A draft of 1–300 paragraphs (up to ~60 KB), so writes are big enough for a kill to land mid-write. */
export function crashArticle(id: string, seq: string, random: () => number): Article {
  const paragraphs = 1 + Math.floor(random() * 300);
  const children = Array.from({ length: paragraphs }, (_, i) => ({
    type: 'paragraph',
    version: 1,
    children: [{ type: 'text', version: 1, text: `Paragraph ${i} of save ${seq}: the quick brown fox jumps over the lazy dog again and again.` }],
  }));
  const at = '2024-01-01T00:00:00.000Z';
  return {
    schemaVersion: ARTICLE_SCHEMA_VERSION,
    id,
    slug: '',
    slugEdited: false,
    headline: `${id} save ${seq}`,
    dek: `seq ${seq}`,
    body: { root: { type: 'root', version: 1, children } },
    byline: [],
    leadPhoto: null,
    section: 'Crash',
    tags: [`t${seq.length}`],
    status: 'draft',
    createdAt: at,
    updatedAt: at,
  };
}
