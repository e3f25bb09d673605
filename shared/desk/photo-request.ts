import type * as Y from 'yjs';
import { photoStateOf, type PhotoState } from './budget';
import { PHOTO_REQUEST_KEY, photoRequestSchema, type PhotoRequest } from './photos';

/**
 * A story's photo request has one home: the `photoRequest` key of its document's `meta` map. It
 * travels with the story, is written offline like any field, and every view reads it from there:
 * the metadata panel, the photo desk's open requests, the draft card and the budget (the desk
 * server reads it from the stored document, as it reads the word count). The plan dialog's
 * "photo wanted: …" is written into the new story's document, not kept beside it.
 */

/** The request in a meta map; null when none was made, or the value is not one (a peer on another version). */
export function readPhotoRequest(meta: Pick<Y.Map<unknown>, 'get'>): PhotoRequest | null {
  const parsed = photoRequestSchema.safeParse(meta.get(PHOTO_REQUEST_KEY));
  return parsed.success && parsed.data.wanted.trim() !== '' ? parsed.data : null;
}

/** A new open request for `wanted`; null for an empty text (which withdraws the request). */
export function openPhotoRequest(wanted: string): PhotoRequest | null {
  const text = wanted.trim();
  return text === '' ? null : photoRequestSchema.parse({ wanted: text, state: 'wanted', mediaId: null, attachedBy: null });
}

/**
 * Writes `wanted` as the story's request (call inside a transaction). The same text again keeps
 * the request as it is, so re-saving a plan never reopens a request the photo desk fulfilled.
 */
export function writePhotoRequest(meta: Y.Map<unknown>, wanted: string): PhotoRequest | null {
  const next = openPhotoRequest(wanted);
  const current = readPhotoRequest(meta);
  if (!next) {
    if (meta.has(PHOTO_REQUEST_KEY)) meta.delete(PHOTO_REQUEST_KEY);
    return null;
  }
  if (current?.wanted === next.wanted) return current;
  meta.set(PHOTO_REQUEST_KEY, next);
  return next;
}

/**
 * The photo state every view shows. A lead photo makes it "ready"; a request marked ready whose
 * photo was taken off the story is wanted again, so no view says "ready" for a story without one.
 */
export function storyPhotoState(request: PhotoRequest | null, hasLeadPhoto: boolean): PhotoState {
  return photoStateOf(request?.wanted ?? '', hasLeadPhoto);
}

/** "Photo wanted: …", "Photo ready (attached by Bo Photo)", or null when there is nothing to say. */
export function storyPhotoLabel(request: PhotoRequest | null, hasLeadPhoto: boolean): string | null {
  const state = storyPhotoState(request, hasLeadPhoto);
  if (state === 'wanted') return `Photo wanted: ${request?.wanted ?? ''}`;
  if (state === 'ready' && request) {
    const by = request.state === 'ready' ? request.attachedBy : null;
    return `Photo ready${by ? ` (attached by ${by})` : ''}`;
  }
  return null;
}
