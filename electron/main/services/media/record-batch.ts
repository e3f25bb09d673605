import type { Photo } from '../../../../shared/model/photo';
import type { PreparedWrite } from '../fs/atomic-write';
import { ioFailure } from '../fs/io-errors';
import type { MediaPaths } from './paths';
import { preparePhotoRecord } from './photo-records';

/**
 * Writes the new records all or none: every record's bytes go to disk first, and only when all of
 * them are there are they put in place (which needs no more space). So a disk that fills halfway
 * through a batch edit changes no photo, as the message says, and nothing is left to undo.
 * `put` makes each record that is in place visible (list, search).
 */
export async function writeRecordsAllOrNone(
  paths: MediaPaths,
  next: readonly Photo[],
  maxRecordBytes: number,
  put: (photo: Photo) => void,
): Promise<void> {
  const prepared: PreparedWrite[] = [];
  try {
    for (const photo of next) prepared.push(await preparePhotoRecord(paths, photo, maxRecordBytes));
  } catch (error) {
    await Promise.all(prepared.map((write) => write.discard()));
    throw ioFailure('The photo details could not be saved, so nothing was changed', error);
  }
  for (const [index, write] of prepared.entries()) {
    try {
      await write.commit();
    } catch (error) {
      // A rename refused after the bytes were down (a file held open on Windows): those in place stay in place.
      await Promise.all(prepared.slice(index + 1).map((rest) => rest.discard()));
      for (const photo of next.slice(0, index)) put(photo);
      throw ioFailure(`The photo details could not be saved for ${next.length - index} of ${next.length} photos`, error);
    }
  }
  for (const photo of next) put(photo);
}
