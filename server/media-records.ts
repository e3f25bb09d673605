import type { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { DESK_MEDIA_MAP, deskMediaDocumentName, deskPhotoSchema, type DeskPhoto, type DeskPhotoShare } from '../shared/desk/photos';
import type { DeskDatabase } from './db/database';

/** The desk's photo records in the database, and the live list document built from them. */

const LISTED = 1000;

interface MediaRow {
  record: unknown;
  shared_by: string;
  shared_at: Date | string;
}

function photoOf(row: MediaRow): DeskPhoto | null {
  const parsed = deskPhotoSchema.safeParse({ ...(row.record as object), sharedBy: row.shared_by, sharedAt: new Date(row.shared_at).toISOString() });
  return parsed.success ? parsed.data : null;
}

/** Shares (or shares again, with newer metadata) a photo on a desk; the blobs must be stored already. */
export async function recordPhoto(db: Pick<DeskDatabase, 'query'>, deskId: string, share: DeskPhotoShare, sharedBy: string): Promise<DeskPhoto> {
  const rows = await db.query<MediaRow>(
    `INSERT INTO desk_media (desk_id, media_id, thumbnail_sha256, record, shared_by)
     VALUES ($1, $2, $3, $4::jsonb, $5)
     ON CONFLICT (desk_id, media_id) DO UPDATE SET thumbnail_sha256 = $3, record = $4::jsonb, shared_by = $5, shared_at = now()
     RETURNING record, shared_by, shared_at`,
    [deskId, share.mediaId, share.thumbnailSha256, JSON.stringify(share), sharedBy]);
  const photo = rows[0] ? photoOf(rows[0]) : null;
  if (!photo) throw new Error('The photo record was not stored.');
  return photo;
}

export async function photoOnDesk(db: DeskDatabase, deskId: string, mediaId: string): Promise<DeskPhoto | null> {
  const rows = await db.query<MediaRow>(
    'SELECT record, shared_by, shared_at FROM desk_media WHERE desk_id = $1 AND media_id = $2', [deskId, mediaId]);
  return rows[0] ? photoOf(rows[0]) : null;
}

export async function photosOnDesk(db: DeskDatabase, deskId: string): Promise<DeskPhoto[]> {
  const rows = await db.query<MediaRow>(
    `SELECT record, shared_by, shared_at FROM desk_media WHERE desk_id = $1 ORDER BY shared_at DESC LIMIT ${LISTED}`, [deskId]);
  return rows.flatMap((row) => photoOf(row) ?? []);
}

/** The media document of a desk, built from the records when an instance first loads it. */
export async function loadMediaIndex(db: DeskDatabase, deskId: string): Promise<Uint8Array> {
  const doc = new Y.Doc();
  const photos = doc.getMap<DeskPhoto>(DESK_MEDIA_MAP);
  const list = await photosOnDesk(db, deskId);
  doc.transact(() => {
    for (const photo of list) photos.set(photo.mediaId, photo);
  });
  return Y.encodeStateAsUpdate(doc);
}

/** Puts a shared photo into its desk's media document, so every subscribed desktop sees it at once. */
export async function publishPhoto(hocuspocus: Hocuspocus, deskId: string, photo: DeskPhoto): Promise<void> {
  const connection = await hocuspocus.openDirectConnection(deskMediaDocumentName(deskId), { system: true });
  try {
    await connection.transact((doc) => void doc.getMap<DeskPhoto>(DESK_MEDIA_MAP).set(photo.mediaId, photo));
  } finally {
    await connection.disconnect();
  }
}
