import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { bodyProblem } from '../../../../shared/ipc/contract';
import type { Article, DraftSummary } from '../../../../shared/model/article';
import { MigrationError, migrateArticle } from '../../../../shared/model/migrations';
import { countWords, plainTextOf } from '../../../../shared/rules/text';
import type { FileSignature } from '../fs/atomic-write';

/** A file that exists but cannot be used; `reason` is a sentence for the quarantine report. */
export class CorruptFileError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'CorruptFileError';
  }
}

export interface LoadedArticle {
  article: Article;
  /** Size and mtime of the bytes that were parsed, so caches can tell later whether the file changed. */
  signature: FileSignature;
  /** The body's plain text, computed once here because both the summary and the search need it. */
  plainText: string;
}

/** Parses stored JSON, migrating older schema versions; throws CorruptFileError with a readable reason. */
export function parseArticleJson(text: string, expectedId?: string): Article {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CorruptFileError(text.trim() === '' ? 'The file is empty.' : `The file is not valid JSON (${detail}).`);
  }
  return articleFromValue(raw, expectedId);
}

/** Migrates and validates an already parsed article (drafts and revision snapshots alike). */
export function articleFromValue(raw: unknown, expectedId?: string): Article {
  let article: Article;
  try {
    article = migrateArticle(raw);
  } catch (error) {
    if (error instanceof MigrationError) throw new CorruptFileError(`The file is not a readable article: ${error.message}.`);
    throw error;
  }
  // The app never stores such a body (saves are checked the same way), so one found here was
  // edited or synced in; nesting beyond the limit would overflow the walks over the body.
  const problem = bodyProblem(article.body);
  if (problem) throw new CorruptFileError(`The article body holds ${problem}, which Newsdesk never writes.`);
  if (expectedId !== undefined && article.id !== expectedId) {
    // A copied or renamed file would otherwise shadow another article with the same id.
    throw new CorruptFileError(`The file name says "${expectedId}" but the article inside has id "${article.id}".`);
  }
  return article;
}

/**
 * Reads and parses one article file. Returns null if the file does not exist; other I/O errors
 * (permissions, a folder in place of a file) become CorruptFileError, since the file is unusable.
 */
export async function readArticleFile(path: string, expectedId?: string): Promise<LoadedArticle | null> {
  let text: string;
  let signature: FileSignature;
  try {
    // A link in place of an article file is never followed: it could make the app read (and show,
    // or publish) any file of the user's. Windows has no O_NOFOLLOW; creating links there needs admin.
    const handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    try {
      // The signature comes from the same open file as the bytes, so it describes exactly what was parsed.
      const stat = await handle.stat();
      signature = { mtimeMs: stat.mtimeMs, size: stat.size };
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ELOOP') throw new CorruptFileError('The file is a link to another file, which Newsdesk does not follow.');
    throw new CorruptFileError(`The file could not be read (${code ?? String(error)}).`);
  }
  return { ...loadedFromText(text, expectedId), signature };
}

/**
 * Parses one file's text. Any failure, expected or not, makes the file unusable rather than the
 * caller: one bad file must be set aside with its reason, never stop the library opening.
 */
export function loadedFromText(text: string, expectedId?: string): Omit<LoadedArticle, 'signature'> {
  return asCorrupt(() => {
    const article = parseArticleJson(text, expectedId);
    return { article, plainText: plainTextOf(article.body) };
  });
}

/** Runs `read`, turning any error that is not already a CorruptFileError into one with its message. */
export function asCorrupt<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof CorruptFileError) throw error;
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new CorruptFileError(`Newsdesk could not make sense of the file (${detail}).`);
  }
}

/** Compact JSON: long reads are 10,000 words, and indentation would add a fifth to every write. */
export function serializeArticle(article: Article): string {
  return JSON.stringify(article);
}

export function summaryOf(article: Article, plainText: string): DraftSummary {
  return {
    id: article.id,
    slug: article.slug,
    headline: article.headline,
    dek: article.dek,
    section: article.section,
    tags: [...article.tags],
    status: article.status,
    authors: article.byline.map((author) => author.name),
    wordCount: countWords(plainText),
    leadPhotoId: article.leadPhoto?.photoId ?? null,
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
  };
}
