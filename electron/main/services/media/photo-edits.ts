import type { BatchPhotoChanges } from '../../../../shared/model/media-library';
import { PHOTO_FIELDS, type FieldSources, type Photo, type PhotoField, type PhotoMetadata } from '../../../../shared/model/photo';
import { cleanKeywords } from './photo-records';

/**
 * Pure changes to a photo's working metadata. A field whose value changes is marked 'edited', so
 * the editor can tell what the desk typed from what the file said.
 */

function sameValue(a: PhotoMetadata[PhotoField], b: PhotoMetadata[PhotoField]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, index) => value === b[index]);
  return a === b;
}

function withMetadata(photo: Photo, metadata: PhotoMetadata, now: string, sources?: FieldSources): Photo {
  const next: FieldSources = { ...photo.sources };
  for (const field of PHOTO_FIELDS) {
    if (sources) next[field] = sources[field];
    else if (!sameValue(photo.metadata[field], metadata[field])) next[field] = 'edited';
  }
  return { ...photo, metadata, sources: next, updatedAt: now };
}

/** `changes` applied to one photo; null when nothing actually changes (no write needed). */
export function editPhoto(photo: Photo, changes: Partial<PhotoMetadata>, now: string): Photo | null {
  const metadata: PhotoMetadata = { ...photo.metadata, ...changes };
  if (changes.keywords) metadata.keywords = cleanKeywords(changes.keywords);
  const changed = PHOTO_FIELDS.some((field) => !sameValue(photo.metadata[field], metadata[field]));
  return changed ? withMetadata(photo, metadata, now) : null;
}

/** One step of a batch edit: set the given fields, add and remove keywords (case-insensitively). */
export function applyBatchChanges(photo: Photo, changes: BatchPhotoChanges, now: string): Photo | null {
  const edit: Partial<PhotoMetadata> = {};
  for (const field of ['creator', 'creditLine', 'source', 'copyright', 'usageTerms'] as const) {
    const value = changes[field];
    if (value !== undefined) edit[field] = value;
  }
  if (changes.keywordsAdd || changes.keywordsRemove) {
    const removed = new Set((changes.keywordsRemove ?? []).map((keyword) => keyword.trim().toLocaleLowerCase()));
    const kept = photo.metadata.keywords.filter((keyword) => !removed.has(keyword.toLocaleLowerCase()));
    edit.keywords = cleanKeywords([...kept, ...(changes.keywordsAdd ?? [])]);
  }
  return editPhoto(photo, edit, now);
}

/**
 * Puts back metadata saved before a batch edit (Undo). When the sources saved with it are known
 * they come back too, so undone fields show again where they came from rather than 'Edited'.
 */
export function restorePhoto(photo: Photo, metadata: PhotoMetadata, now: string, sources?: FieldSources): Photo {
  return withMetadata(photo, { ...metadata, keywords: cleanKeywords(metadata.keywords) }, now, sources);
}
