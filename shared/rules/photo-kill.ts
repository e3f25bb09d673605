import type { Article, LexicalDocument } from '../model/article';
import type { Photo } from '../model/photo';
import type { KilledPhotoPlace } from '../model/photo-kill';
import { IMAGE_NODE_TYPE, type PhotoUse } from '../model/photo-use';
import { photoUsesOf } from './prepublish';

/**
 * A photo kill, in pure rules: which library photos a kill reaches (the photo, and any other copy
 * of the same agency picture, known by its transmission reference), where an article uses them,
 * and the article with them replaced by another photo.
 */

/** Transmission references compared as agencies write them, ignoring case and surrounding space. */
function referenceKey(reference: string): string {
  return reference.trim().toLocaleLowerCase();
}

/**
 * The ids a kill of `photo` reaches: its own, and every library photo carrying the same (non-empty)
 * transmission reference, so a picture imported twice (a re-send with other bytes) is caught too.
 */
export function killedPhotoIds(photo: Pick<Photo, 'id' | 'metadata'>, library: Iterable<Pick<Photo, 'id' | 'metadata'>>): string[] {
  const ids = [photo.id];
  const reference = referenceKey(photo.metadata.transmissionReference);
  if (reference === '') return ids;
  for (const other of library) {
    if (other.id !== photo.id && referenceKey(other.metadata.transmissionReference) === reference) ids.push(other.id);
  }
  return ids;
}

/** Where the article uses any of `ids`: its lead photo, a photo in its text, its social image. */
export function killedPlacesIn(article: Article, ids: ReadonlySet<string>): { photoId: string; places: KilledPhotoPlace[] } | null {
  const places: KilledPhotoPlace[] = [];
  let photoId: string | null = null;
  for (const use of photoUsesOf(article)) {
    if (!ids.has(use.photoId)) continue;
    photoId ??= use.photoId;
    if (!places.includes(use.where)) places.push(use.where);
  }
  if (article.socialImage && ids.has(article.socialImage)) {
    photoId ??= article.socialImage;
    places.push('social');
  }
  return photoId === null ? null : { photoId, places };
}

/** A caption editor state holding plain text (the shape the editor writes for an inline photo's caption). */
function captionState(text: string): Record<string, unknown> {
  const children = text ? [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] : [];
  const paragraph = { type: 'paragraph', version: 1, children, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '' };
  return { root: { type: 'root', version: 1, children: [paragraph], direction: null, format: '', indent: 0 } };
}

function replaceInBody(body: LexicalDocument, ids: ReadonlySet<string>, use: PhotoUse): LexicalDocument {
  const copy = structuredClone(body);
  // Walked with an explicit stack, as bodyPhotosOf does: a deeply nested document cannot overflow it.
  const pending: unknown[] = [copy.root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== 'object' || node === null) continue;
    const fields = node as Record<string, unknown>;
    if (fields.type === IMAGE_NODE_TYPE && typeof fields.photoId === 'string' && ids.has(fields.photoId)) {
      // The killed picture's caption described it: the replacement comes with its own.
      const caption = use.caption.replace(/\s+/g, ' ').trim();
      Object.assign(fields, { photoId: use.photoId, altText: use.altText, credit: use.credit, creditEdited: false, caption: captionState(caption), captionText: caption });
    }
    if (Array.isArray(fields.children)) pending.push(...(fields.children as unknown[]));
  }
  return copy;
}

/**
 * The article with every use of `ids` (lead, text, social image) replaced by `use`, the replacement
 * photo's caption, credit and alt text as a new use gives them. Everything else is left as it was.
 */
export function replaceKilledPhoto(article: Article, ids: ReadonlySet<string>, use: PhotoUse): Article {
  const next: Article = { ...article, body: replaceInBody(article.body, ids, use) };
  if (article.leadPhoto && ids.has(article.leadPhoto.photoId)) next.leadPhoto = { ...use };
  if (article.socialImage && ids.has(article.socialImage)) next.socialImage = use.photoId;
  return next;
}
