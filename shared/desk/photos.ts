import { z } from 'zod';
import { deskIdSchema } from './desk-protocol';
import { FieldSources, PhotoFormat, PhotoMetadata } from '../model/photo';

/**
 * The photo handoff between machines, as the desk server and the desktop agree on it. A photo on
 * the desk is named by the SHA-256 of its original's bytes (the same id the media library gives
 * it), so every machine that fetches it ends up with the very same photo id.
 *
 *   PUT  /api/desks/<desk>/blobs/<sha256>            the bytes of an original or a thumbnail, streamed
 *   POST /api/desks/<desk>/media                     the record (DeskPhotoShare), once both blobs are in
 *   GET  /api/desks/<desk>/media                     the desk's photos, newest first
 *   GET  /api/desks/<desk>/media/<id>                one record
 *   GET  /api/desks/<desk>/media/<id>/original       the original, streamed, with Content-Length
 *   GET  /api/desks/<desk>/media/<id>/thumbnail      its thumbnail
 *
 * Live list: the read-only document `desk/<desk>/media`, Y.Map `photos`, mediaId → DeskPhoto.
 */
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'A media id is the SHA-256 of the file: 64 lowercase hex digits.');

/** Where the photo came from and who put it on the desk: kept with it on every machine. */
export const deskPhotoProvenanceSchema = z.object({
  /** The file name it was imported under on the sharing machine. */
  fileName: z.string().max(500),
  importedAt: z.iso.datetime({ offset: true }),
  /** Which block of the file (or an edit) each working field came from. */
  sources: FieldSources,
});

/** What a desktop sends after uploading the original and the thumbnail. */
export const deskPhotoShareSchema = z.object({
  mediaId: sha256Schema,
  thumbnailSha256: sha256Schema,
  format: PhotoFormat,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().nonnegative(),
  metadata: PhotoMetadata,
  /** The credit in the sharing desk's house style, as it was when shared. */
  credit: z.string().max(500),
  provenance: deskPhotoProvenanceSchema,
});
export type DeskPhotoShare = z.infer<typeof deskPhotoShareSchema>;

/** A photo on the desk: the share plus who shared it and when (set by the server). */
export const deskPhotoSchema = deskPhotoShareSchema.extend({
  sharedBy: z.string(),
  /** ISO 8601 */
  sharedAt: z.string(),
});
export type DeskPhoto = z.infer<typeof deskPhotoSchema>;

export const deskPhotoListSchema = z.object({ photos: z.array(deskPhotoSchema) });
export const deskPhotoAnswerSchema = z.object({ photo: deskPhotoSchema });
export const blobAnswerSchema = z.object({ sha256: sha256Schema, bytes: z.number().int().nonnegative() });

export const DESK_MEDIA_MAP = 'photos';
const DESK_MEDIA = /^desk\/([^/]+)\/media$/;

export function deskMediaDocumentName(deskId: string): string {
  return `desk/${deskIdSchema.parse(deskId)}/media`;
}

export function parseDeskMediaDocumentName(name: string): string | null {
  const desk = deskIdSchema.safeParse(DESK_MEDIA.exec(name)?.[1]);
  return desk.success ? desk.data : null;
}

/**
 * A story's photo request, kept in its `meta` map under its own key (beside the article fields,
 * which the article file mirrors): what is wanted, and once a desk photo is attached, which one.
 */
export const PHOTO_REQUEST_KEY = 'photoRequest';
export const photoRequestSchema = z.object({
  wanted: z.string().max(500),
  state: z.enum(['wanted', 'ready']),
  mediaId: sha256Schema.nullable(),
  /** Who attached the photo, for the editor's "photo ready". */
  attachedBy: z.string().max(200).nullable(),
});
export type PhotoRequest = z.infer<typeof photoRequestSchema>;

export function photoRequestLabel(request: PhotoRequest | null): string {
  if (!request) return 'No photo requested';
  return request.state === 'ready' ? `Photo ready${request.attachedBy ? ` (attached by ${request.attachedBy})` : ''}` : `Photo wanted: ${request.wanted}`;
}
