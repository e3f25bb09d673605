import * as Y from 'yjs';
import { STORY_META_MAP } from '../../../../shared/desk/desk-protocol';
import { Article, ArticleStatus, Author } from '../../../../shared/model/article';
import { z } from 'zod';

/**
 * An article's metadata in a story document's Y.Map `meta`, one key per field, so concurrent edits
 * of different fields both survive and an edit of the same field is last-writer-wins per field.
 * Strings stay strings (the desk server's archive reads headline, status and section); the byline
 * and tags are plain JSON arrays.
 */
const MetaFields = z.object({
  headline: z.string().max(500),
  dek: z.string().max(2000),
  slug: z.string().max(200),
  section: z.string().max(120),
  status: ArticleStatus,
  byline: z.array(Author).max(20),
  tags: z.array(z.string().trim().min(1).max(80)).max(50),
});
type MetaFields = z.infer<typeof MetaFields>;
const FIELDS = Object.keys(MetaFields.shape) as (keyof MetaFields)[];

export const metaOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(STORY_META_MAP);

/** Writes the article's fields that differ from the document's, as one change made by `origin`. */
export function seedMeta(doc: Y.Doc, article: Article, origin: unknown): void {
  const meta = metaOf(doc);
  doc.transact(() => {
    for (const field of FIELDS) {
      const value = structuredClone(article[field]);
      if (JSON.stringify(meta.get(field)) !== JSON.stringify(value)) meta.set(field, value);
    }
  }, origin);
}

/** The article with the document's fields; a field the document lacks or holds in a bad shape keeps the article's. */
export function withMeta(article: Article, doc: Y.Doc): Article {
  const meta = metaOf(doc);
  const next: Article = structuredClone(article);
  for (const field of FIELDS) {
    const parsed = MetaFields.shape[field].safeParse(meta.get(field));
    if (parsed.success) (next as Record<keyof MetaFields, unknown>)[field] = parsed.data;
  }
  return Article.parse(next);
}

/** A short readable form of a field's value for a note. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return `“${value.length > 60 ? `${value.slice(0, 60)}…` : value}”`;
  if (Array.isArray(value)) return value.map((item: unknown) => (typeof item === 'object' && item && 'name' in item ? String(item.name) : String(item))).join(', ') || 'nothing';
  return 'nothing';
}
