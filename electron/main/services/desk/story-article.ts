import type * as Y from 'yjs';
import type { Article, LexicalDocument } from '../../../../shared/model/article';
import { newArticle } from '../drafts/factory';
import { seedMeta, withMeta } from './story-meta';

/**
 * Between a local article file and its desk story document. The metadata is written here; the body
 * goes through the story-documents module's Lexical ↔ Yjs converter when one is given. Without it a
 * shared story carries its metadata only and an article made from a desk story starts with an empty
 * body (windows write and read the body through Lexical's own binding either way).
 */
/** Converts a story body between Lexical JSON and the document (the story-documents module provides it). */
export interface StoryBodyConverter {
  writeBody(doc: Y.Doc, body: LexicalDocument): void;
  readBody(doc: Y.Doc): LexicalDocument | null;
}

export function seedStory(doc: Y.Doc, article: Article, body: StoryBodyConverter | undefined): void {
  seedMeta(doc, article, 'main');
  if (body && body.readBody(doc) === null) body.writeBody(doc, article.body);
}

export function createArticleFromStory(articleId: string, doc: Y.Doc, at: string, body: StoryBodyConverter | undefined): Article {
  const article = withMeta({ ...newArticle('', at), id: articleId }, doc);
  const text = body?.readBody(doc);
  return text ? { ...article, body: text } : article;
}
