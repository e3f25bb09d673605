import type { DeskPhoto, DeskPhotoShare } from '../shared/desk/photos';
import { recordAudit } from './audit-log';
import type { DeskDatabase } from './db/database';
import { recordPhoto } from './media-records';
import type { SessionClaims } from './tokens';

/**
 * Credit edits of desk photos in the audit log. The desk keeps each photo's credit in its record
 * (`desk_media.record.credit`), and sharing a photo again replaces the record: that is how a
 * credit edited on the photo desk reaches every machine, so it is where a credit changes on the
 * desk. The record and the log entry are written in one transaction, the old credit read under a
 * row lock, so two people sharing the same photo at once each get their own "from → to".
 */

const MAX_SHOWN = 200;
const shown = (credit: string): string => (credit.trim() === '' ? '(no credit)' : `“${credit.length > MAX_SHOWN ? `${credit.slice(0, MAX_SHOWN)}…` : credit}”`);

export function creditSummary(by: string, fileName: string, mediaId: string, from: string, to: string): string {
  return `${by} changed the credit of ${fileName || 'a photo'} (${mediaId.slice(0, 12)}…) from ${shown(from)} to ${shown(to)}`;
}

/** Records (or records again) a shared photo, logging its credit when a share changes it. */
export async function sharePhotoWithCreditLog(db: DeskDatabase, deskId: string, share: DeskPhotoShare, by: SessionClaims): Promise<DeskPhoto> {
  return db.transaction(async (query) => {
    const [before] = await query<{ credit: string | null }>(
      `SELECT record->>'credit' AS credit FROM desk_media WHERE desk_id = $1 AND media_id = $2 FOR UPDATE`, [deskId, share.mediaId]);
    const photo = await recordPhoto({ query }, deskId, share, by.name);
    // A first share is not an edit: the photo arrives with the credit its record shows.
    if (before && (before.credit ?? '') !== photo.credit) {
      await recordAudit({ query }, {
        deskId, storyId: null, userId: by.userId, userName: by.name, action: 'credit',
        summary: creditSummary(by.name, photo.provenance.fileName, photo.mediaId, before.credit ?? '', photo.credit),
        detail: { mediaId: photo.mediaId, from: before.credit ?? '', to: photo.credit },
      });
    }
    return photo;
  });
}
