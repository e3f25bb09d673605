import type * as Y from 'yjs';
import { STORY_META_MAP } from '../../../../shared/desk/desk-protocol';
import { articleWithMeta, metaOfArticle } from '../../../../shared/desk/story-meta';
import { Article } from '../../../../shared/model/article';

/**
 * The desk's use of a story document's `meta` map (shared/desk/story-meta.ts converts it): seeding
 * only the fields that differ, so an unchanged field never becomes a new edit that could "replace"
 * another desktop's, and the note text for a field that was replaced.
 */

export const metaOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(STORY_META_MAP);

/** Writes the article's fields that differ from the document's, as one change made by `origin`. */
export function seedMeta(doc: Y.Doc, article: Article, origin: unknown): void {
  const meta = metaOf(doc);
  const fields = metaOfArticle(article) as Record<string, unknown>;
  doc.transact(() => {
    for (const [field, value] of Object.entries(fields)) {
      if (JSON.stringify(meta.get(field)) !== JSON.stringify(value)) meta.set(field, value);
    }
  }, origin);
}

/** The article with the document's fields; a field the document lacks or holds in a bad shape keeps the article's. */
export function withMeta(article: Article, doc: Y.Doc): Article {
  return Article.parse(articleWithMeta(article, metaOf(doc)));
}

/** A short readable form of a field's value for a note. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return `“${value.length > 60 ? `${value.slice(0, 60)}…` : value}”`;
  if (Array.isArray(value)) return value.map((item: unknown) => (typeof item === 'object' && item && 'name' in item ? String(item.name) : String(item))).join(', ') || 'nothing';
  return 'nothing';
}
