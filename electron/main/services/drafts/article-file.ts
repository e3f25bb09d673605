import { constants } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import { bodyProblem } from '../../../../shared/model/article-body';
import { UserFacingError } from '../../../../shared/model/errors';
import { limitSettingName } from '../../../../shared/model/settings';
import { EMPTY_BODY, type Article, type DraftSummary } from '../../../../shared/model/article';
import { MigrationError, migrateArticle } from '../../../../shared/model/migrations';
import { countWords, plainTextOf } from '../../../../shared/rules/text';
import type { FileSignature } from '../fs/atomic-write';
import { LARGE_FILE_BYTES, readOnWorker, type WorkerResult } from './article-worker';
import { SEARCHABLE_BODY_CHARS, searchDocOf, type SearchDoc } from './search-index';
import { messageOf } from '../../../../shared/model/errors';

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
    const detail = messageOf(error);
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

/** A story file above the desk's size limit: kept as it is, listed, but not opened. */
export class StoryTooLargeError extends UserFacingError {
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(
      'invalid-request',
      `This story is ${megabytes(bytes)}, more than the ${megabytes(limit)} a story may hold, so Newsdesk does not open it; ` +
        `the file is kept as it is. A desk that needs longer stories can raise ${limitSettingName('storyMaxBytes')}.`,
    );
    this.name = 'StoryTooLargeError';
  }
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

export interface ReadOptions {
  /** Files larger than this are refused with StoryTooLargeError (the desk's limit). */
  maxBytes?: number;
}

/**
 * Reads and parses one article file. Returns null if the file does not exist; other I/O errors
 * (permissions, a folder in place of a file) become CorruptFileError, since the file is unusable.
 * Large files are parsed on a worker thread so the main thread stays responsive.
 */
export async function readArticleFile(path: string, expectedId?: string, options: ReadOptions = {}): Promise<LoadedArticle | null> {
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
      if (options.maxBytes !== undefined && stat.size > options.maxBytes) throw new StoryTooLargeError(stat.size, options.maxBytes);
      text = stat.size > LARGE_FILE_BYTES ? '' : await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof StoryTooLargeError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw ioFailure(error);
  }
  if (signature.size > LARGE_FILE_BYTES) {
    const result = await readOnWorker(path, 'article');
    if (!result.ok) return failed(result);
    if (!('raw' in result)) throw new CorruptFileError('The file could not be read.');
    const article = asCorrupt(() => articleFromValue(result.raw, expectedId));
    return { article, plainText: result.plainText, signature: result.signature };
  }
  return { ...loadedFromText(text, expectedId), signature };
}

/** What the draft list and the search need of one file, without handing its whole body to this thread. */
export interface ArticleDigest {
  signature: FileSignature;
  summary: DraftSummary;
  searchDoc: SearchDoc;
}

/**
 * Reads one file for the draft list and the search. A large file is digested on a worker thread,
 * which sends back everything but the body, the word count and the searchable part of the text;
 * a story over the size limit is still listed (and found) this way. Null if the file is gone.
 */
export async function readArticleDigest(path: string, expectedId: string): Promise<ArticleDigest | null> {
  const size = await sizeOf(path);
  if (size === null) return null;
  if (size <= LARGE_FILE_BYTES) {
    const loaded = await readArticleFile(path, expectedId);
    if (!loaded) return null;
    return { signature: loaded.signature, summary: summaryOf(loaded.article, loaded.plainText), searchDoc: searchDocOf(loaded.article, loaded.plainText) };
  }
  const result = await readOnWorker(path, 'digest', SEARCHABLE_BODY_CHARS);
  if (!result.ok) return failed(result);
  if (!('fields' in result)) throw new CorruptFileError('The file could not be read.');
  const fields = result.fields !== null && typeof result.fields === 'object' ? { ...result.fields, body: EMPTY_BODY } : result.fields;
  const article = asCorrupt(() => articleFromValue(fields, expectedId));
  return {
    signature: result.signature,
    summary: { ...summaryOf(article, ''), wordCount: result.wordCount },
    searchDoc: searchDocOf(article, result.searchText),
  };
}

async function sizeOf(path: string): Promise<number | null> {
  try {
    return (await lstat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw ioFailure(error);
  }
}

function ioFailure(error: unknown): CorruptFileError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return new CorruptFileError('The file is a link to another file, which Newsdesk does not follow.');
  return new CorruptFileError(`The file could not be read (${code ?? String(error)}).`);
}

/** A worker's failure as the main thread's would have been: null for a vanished file, else CorruptFileError. */
function failed(result: Extract<WorkerResult, { ok: false }>): null {
  if (result.code === 'ENOENT') return null;
  if (result.code) throw ioFailure(Object.assign(new Error(result.message), { code: result.code }));
  if (result.name === 'SyntaxError') throw new CorruptFileError(`The file is not valid JSON (${result.message}).`);
  throw new CorruptFileError(`Newsdesk could not make sense of the file (${result.name}: ${result.message}).`);
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
