import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  EMPTY_PHOTO_METADATA,
  PHOTO_FIELDS,
  PHOTO_SCHEMA_VERSION,
  PHOTO_TEXT_FIELDS,
  Photo,
  upgradePhotoRecord,
  type EmbeddedBlock,
  type EmbeddedMetadata,
  type FieldSources,
  type PhotoFormat,
  type PhotoMetadata,
} from '../../../../shared/model/photo';
import type { Quarantine } from '../drafts/quarantine';
import { isTempFileName, prepareFileAtomic, removeStaleTempFiles, type PreparedWrite } from '../fs/atomic-write';
import type { MetadataReadResult } from './metadata/read-metadata';
import { FORMAT_EXTENSIONS, idFromFileName, recordFile, thumbnailFile, type MediaPaths } from './paths';
import { messageOf } from '../../../../shared/model/errors';
import { UserFacingError } from '../../../../shared/model/errors';
import { limitSettingName, megabytesText } from '../../../../shared/model/settings';

/** Limits of the Photo schema; values read from files are cut to fit rather than refused. */
const MAX_TEXT = 10_000;
const MAX_KEYWORD = 200;
const MAX_KEYWORDS = 200;
const MAX_WARNINGS = 20;
const MAX_WARNING_TEXT = 500;
const MAX_FILE_NAME = 500;
/** Records read at once when the library opens: enough to keep the disk busy, few enough file handles. */
const READ_BATCH = 32;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Keywords trimmed, cut to length, without blanks or duplicates (compared case-insensitively). */
export function cleanKeywords(keywords: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of keywords) {
    const keyword = clip(String(raw).trim(), MAX_KEYWORD).trim();
    const key = keyword.toLocaleLowerCase();
    if (keyword === '' || seen.has(key)) continue;
    seen.add(key);
    kept.push(keyword);
    if (kept.length === MAX_KEYWORDS) break;
  }
  return kept;
}

function cleanBlock(block: EmbeddedBlock): EmbeddedBlock {
  const cleaned: EmbeddedBlock = {};
  for (const field of PHOTO_TEXT_FIELDS) {
    const value = block[field];
    if (typeof value === 'string') cleaned[field] = clip(value, MAX_TEXT);
  }
  if (Array.isArray(block.keywords)) cleaned.keywords = cleanKeywords(block.keywords);
  return cleaned;
}

/** Metadata as read from a file, made to fit the record's limits (very long captions, stray keywords). */
export function cleanMetadata(metadata: PhotoMetadata): PhotoMetadata {
  return { ...EMPTY_PHOTO_METADATA, ...cleanBlock(metadata), keywords: cleanKeywords(metadata.keywords ?? []) } as PhotoMetadata;
}

export function cleanWarnings(warnings: readonly string[]): string[] {
  return warnings.slice(0, MAX_WARNINGS).map((warning) => clip(String(warning), MAX_WARNING_TEXT));
}

/** What the record says when the file's metadata could not be read at all. */
export function emptyReadResult(warning: string): MetadataReadResult {
  const sources = Object.fromEntries(PHOTO_FIELDS.map((field) => [field, 'none'])) as FieldSources;
  const embedded: EmbeddedMetadata = { xmp: {}, iim: {}, exif: {} };
  return { embedded, metadata: { ...EMPTY_PHOTO_METADATA, keywords: [] }, sources, warnings: [warning] };
}

export interface NewPhotoFacts {
  id: string;
  fileName: string;
  format: PhotoFormat;
  width: number;
  height: number;
  bytes: number;
  importedAt: string;
  read: MetadataReadResult;
}

/** The record of a newly imported photo, validated against the schema. */
export function newPhotoRecord(facts: NewPhotoFacts): Photo {
  const { read } = facts;
  const sources = Object.fromEntries(PHOTO_FIELDS.map((field) => [field, read.sources[field] ?? 'none'])) as FieldSources;
  return Photo.parse({
    schemaVersion: PHOTO_SCHEMA_VERSION,
    id: facts.id,
    fileName: clip(facts.fileName, MAX_FILE_NAME),
    format: facts.format,
    width: facts.width,
    height: facts.height,
    bytes: facts.bytes,
    importedAt: facts.importedAt,
    updatedAt: facts.importedAt,
    metadata: cleanMetadata(read.metadata),
    sources,
    embedded: { xmp: cleanBlock(read.embedded.xmp), iim: cleanBlock(read.embedded.iim), exif: cleanBlock(read.embedded.exif) },
    metadataWarnings: cleanWarnings(read.warnings),
  });
}

/** A record larger than the desk's limit (limits.photoRecordMaxBytes) is never written: it could not be read back. */
export class PhotoRecordTooLarge extends UserFacingError {
  constructor(bytes: number, limit: number) {
    super(
      'invalid-request',
      `The photo's details would take ${megabytesText(bytes)}, over the ${megabytesText(limit)} a photo record may hold ` +
        `(${limitSettingName('photoRecordMaxBytes')}). Shorten the longest fields.`,
    );
    this.name = 'PhotoRecordTooLarge';
  }
}

export async function writePhotoRecord(paths: MediaPaths, photo: Photo, maxBytes: number): Promise<void> {
  await (await preparePhotoRecord(paths, photo, maxBytes)).commit();
}

/**
 * The record's bytes on disk, not yet in place: see PreparedWrite. Refused when over `maxBytes`:
 * the next open would set such a record aside unread, so writing it would lose the photo.
 */
export function preparePhotoRecord(paths: MediaPaths, photo: Photo, maxBytes: number): Promise<PreparedWrite> {
  const text = `${JSON.stringify(Photo.parse(photo), null, 2)}\n`;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) return Promise.reject(new PhotoRecordTooLarge(bytes, maxBytes));
  return prepareFileAtomic(recordFile(paths, photo.id), text);
}

export interface LoadedLibrary {
  photos: Map<string, Photo>;
  /** Photos whose thumbnail file is gone (made again in the background). */
  missingThumbnails: string[];
}

/**
 * Reads every record and tidies the folders after an interrupted session: records that do not
 * validate, or whose original is gone, are moved aside with the reason; originals and thumbnails
 * without a record (an import stopped before its commit) are deleted, as is everything in incoming/.
 */
export async function loadLibrary(
  paths: MediaPaths,
  quarantine: Quarantine,
  options: { readOnly?: boolean; recordMaxBytes: number },
): Promise<LoadedLibrary> {
  const readOnly = options.readOnly ?? false;
  if (!readOnly) {
    await rm(paths.incoming, { recursive: true, force: true });
    await mkdir(paths.incoming, { recursive: true });
    await removeStaleTempFiles(paths.photos);
  }
  // Read-only, a folder may be missing (never created): it holds nothing then.
  const [recordNames, originalNames, thumbnailNames] = await Promise.all(
    [paths.photos, paths.originals, paths.thumbnails].map((dir) => (readOnly ? readdir(dir).catch(emptyIfMissing) : readdir(dir))),
  );
  const originals = new Set(originalNames!);
  const photos = new Map<string, Photo>();
  /** Ids whose record was moved aside: their pictures are kept, not deleted as orphans. */
  const unreadable = new Set<string>();
  const candidates = recordNames!.filter((name) => name.endsWith('.json') && !isTempFileName(name));
  for (let start = 0; start < candidates.length; start += READ_BATCH) {
    const batch = candidates.slice(start, start + READ_BATCH);
    const loaded = await Promise.all(batch.map((name) => readRecord(paths, name, originals, options.recordMaxBytes)));
    for (const [offset, result] of loaded.entries()) {
      const name = batch[offset]!;
      if (result.ok) photos.set(result.photo.id, result.photo);
      else {
        await quarantine.move(join(paths.photos, name), result.reason);
        const id = idFromFileName(name);
        if (id !== null) unreadable.add(id);
      }
    }
  }
  // The library's copy may be the only one left of the picture (the person's file may be gone):
  // it goes to the quarantine folder with its record, where a person can still find it.
  const keptAside = originalNames!.filter((name) => unreadable.has(idFromFileName(name) ?? ''));
  for (const name of keptAside) {
    const record = `${idFromFileName(name)}.json`;
    await quarantine.move(join(paths.originals, name), `The record of this picture (${record}) could not be read; the picture itself was kept.`);
  }
  // Read-only, an original without its record may be another process's import under way: kept.
  const orphans = readOnly ? [] : [
    ...originalNames!
      .filter((name) => !photos.has(idFromFileName(name) ?? '') && !keptAside.includes(name))
      .map((name) => join(paths.originals, name)),
    ...thumbnailNames!.filter((name) => !photos.has(idFromFileName(name) ?? '')).map((name) => join(paths.thumbnails, name)),
  ];
  await Promise.all(orphans.map((file) => rm(file, { force: true, recursive: true })));
  const thumbnails = new Set(thumbnailNames);
  const ids = [...photos.keys()];
  const missingThumbnails: string[] = [];
  for (let start = 0; start < ids.length; start += READ_BATCH) {
    const batch = ids.slice(start, start + READ_BATCH);
    const usable = await Promise.all(batch.map((id) => thumbnails.has(`${id}.jpg`) && hasBytes(thumbnailFile(paths, id))));
    missingThumbnails.push(...batch.filter((_, index) => !usable[index]));
  }
  return { photos, missingThumbnails };
}

/**
 * A thumbnail is written without its own fsync (it can always be made again), so after a power cut
 * it may be there but empty while its record, which is flushed, survived: such a one is made again.
 */
function emptyIfMissing(error: unknown): string[] {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
  throw error;
}

async function hasBytes(file: string): Promise<boolean> {
  return stat(file).then((info) => info.isFile() && info.size > 0, () => false);
}

type RecordRead = { ok: true; photo: Photo } | { ok: false; reason: string };

async function readRecord(paths: MediaPaths, name: string, originals: ReadonlySet<string>, maxBytes: number): Promise<RecordRead> {
  const id = idFromFileName(name);
  if (id === null || name !== `${id}.json`) return { ok: false, reason: 'The file name is not a photo id.' };
  let data: unknown;
  try {
    // Checked before reading: a record this size was not written by Newsdesk, and parsing it
    // would hold up the main thread for nothing.
    const { size } = await stat(recordFile(paths, id));
    if (size > maxBytes) {
      return {
        ok: false,
        reason:
          `The photo record is ${megabytesText(size)}, over the ${megabytesText(maxBytes)} a photo record may hold ` +
          `(${limitSettingName('photoRecordMaxBytes')}), so it was set aside without being read.`,
      };
    }
    data = JSON.parse(await readFile(recordFile(paths, id), 'utf8'));
  } catch (error) {
    return { ok: false, reason: `The photo record could not be read as JSON (${messageOf(error)}).` };
  }
  const parsed = Photo.safeParse(upgradePhotoRecord(data));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
    return { ok: false, reason: `The photo record is not valid (${where}${issue?.message ?? 'unknown problem'}).` };
  }
  if (parsed.data.id !== id) return { ok: false, reason: 'The photo record belongs to another photo.' };
  if (!originals.has(`${id}.${FORMAT_EXTENSIONS[parsed.data.format]}`)) {
    return { ok: false, reason: 'The original picture of this photo record is missing from the library.' };
  }
  return { ok: true, photo: parsed.data };
}
