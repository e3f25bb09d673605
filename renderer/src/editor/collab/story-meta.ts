import { z } from 'zod';
import * as Y from 'yjs';
import { Article } from '../../../../shared/model/article';
import { STORY_META_MAP } from '../../../../shared/desk/desk-protocol';
import type { SeoKey } from '../../../../shared/rules/seo';

/** The metadata fields shared through the story document, one key each in its Y.Map `meta`. */
export type SharedMeta = Pick<
  Article,
  'headline' | 'dek' | 'slug' | 'slugEdited' | 'byline' | 'section' | 'tags' | 'status' | 'leadPhoto' | SeoKey
>;
export type SharedMetaKey = keyof SharedMeta;

/**
 * How each field is read back. Bylines and tags are checked loosely: the form shares them while
 * they are being typed (an author without a name yet, an empty tag), and saving tidies them.
 */
const FIELD_SCHEMAS: { [K in SharedMetaKey]: z.ZodType<SharedMeta[K]> } = {
  headline: Article.shape.headline,
  dek: Article.shape.dek,
  slug: Article.shape.slug,
  slugEdited: Article.shape.slugEdited,
  section: Article.shape.section,
  status: Article.shape.status,
  tags: z.array(z.string().max(80)).max(50),
  byline: z.array(z.object({ name: z.string().max(120), role: z.string().max(120), avatar: z.string().nullable() })).max(20),
  leadPhoto: Article.shape.leadPhoto,
  seoTitle: Article.shape.seoTitle,
  seoDescription: Article.shape.seoDescription,
  socialTitle: Article.shape.socialTitle,
  socialDescription: Article.shape.socialDescription,
  socialImage: Article.shape.socialImage,
};

export const SHARED_META_KEYS = Object.keys(FIELD_SCHEMAS) as SharedMetaKey[];

export function metaMapOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(STORY_META_MAP);
}

/** Values not strings may be stored as JSON text (by main when it seeds the map) or as plain values. */
function decode(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * The fields of `keys` the map holds, checked; a field missing or not readable (an older or a
 * damaged writer) is left out, so the local value stays rather than being replaced by nonsense.
 */
export function readMeta(map: Y.Map<unknown>, keys: Iterable<string>): Partial<SharedMeta> {
  const patch: Record<string, unknown> = {};
  for (const key of keys) {
    if (!(key in FIELD_SCHEMAS) || !map.has(key)) continue;
    const schema = FIELD_SCHEMAS[key as SharedMetaKey];
    const raw = map.get(key);
    const direct = schema.safeParse(raw);
    const parsed = direct.success ? direct : schema.safeParse(decode(raw));
    if (parsed.success) patch[key] = parsed.data;
  }
  return patch as Partial<SharedMeta>;
}

/** Writes each field of the patch as its own key (last writer wins per field), in one transaction. */
export function writeMeta(map: Y.Map<unknown>, patch: Partial<SharedMeta>, origin: unknown): void {
  const doc = map.doc;
  const write = () => {
    for (const key of SHARED_META_KEYS) {
      const value = patch[key];
      // Absent (a file from before the field): nothing to share; an emptied field is '' or null.
      if (value === undefined) continue;
      // Plain JSON values: what Y.Map stores as is, without a nested shared type.
      map.set(key, typeof value === 'object' && value !== null ? JSON.parse(JSON.stringify(value)) : value);
    }
  };
  if (doc) doc.transact(write, origin);
  else write();
}

/** The map's fields missing from it, taken from the article (the first editor of a story seeds them). */
export function missingMeta(map: Y.Map<unknown>, article: SharedMeta): Partial<SharedMeta> {
  const patch: Record<string, unknown> = {};
  for (const key of SHARED_META_KEYS) if (!map.has(key)) patch[key] = article[key];
  return patch as Partial<SharedMeta>;
}
