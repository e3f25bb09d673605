import type * as Y from 'yjs';
import { Article } from '../model/article';
import { seoFieldsOf } from '../rules/seo';
import { storyMetaKeys, type StoryMetaKey } from './desk-protocol';

/**
 * An article's metadata ↔ the `meta` map of its story document: one key per field, so concurrent
 * edits of different fields both survive and one field is last-writer-wins. The one place both
 * directions are written: main seeds the map from the article file, and writes the file from it.
 */

export type StoryMeta = Pick<Article, StoryMetaKey>;

/** The meta map's entries for `article`, as plain JSON values (Y.Map stores them as they are). */
export function metaOfArticle(article: Article): StoryMeta {
  const meta = {} as Record<StoryMetaKey, unknown>;
  // Fields an older file lacks go as their empty values: a Y.Map holds no `undefined`.
  const filled = { ...article, ...seoFieldsOf(article) };
  for (const key of storyMetaKeys) meta[key] = structuredClone(filled[key]);
  return meta as StoryMeta;
}

/** True while nobody has written the map yet (main seeds it from the article file then). */
export function isMetaEmpty(map: Y.Map<unknown>): boolean {
  return storyMetaKeys.every((key) => !map.has(key));
}

/** Fills the map with the article's fields; call inside a transaction so it is one update. */
export function writeMeta(map: Y.Map<unknown>, article: Article): void {
  const meta = metaOfArticle(article);
  for (const key of storyMetaKeys) map.set(key, meta[key]);
}

/**
 * The article with its metadata taken from the map. A field the map lacks, or holds in a shape the
 * article file refuses (a peer on another version, a hostile desk), keeps the article's own value:
 * one bad field never costs the others.
 */
export function articleWithMeta(article: Article, map: Y.Map<unknown>): Article {
  const shape = Article.shape;
  const next: Record<string, unknown> = { ...article };
  for (const key of storyMetaKeys) {
    if (!map.has(key)) continue;
    const parsed = shape[key].safeParse(map.get(key));
    if (parsed.success) next[key] = parsed.data;
  }
  return next as Article;
}

/** The fields whose values differ between two articles (what a merge from the desk changed). */
export function changedMetaKeys(before: Article, after: Article): StoryMetaKey[] {
  return storyMetaKeys.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}
