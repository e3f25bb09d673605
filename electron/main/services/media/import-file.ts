import { rm } from 'node:fs/promises';
import type { Photo } from '../../../../shared/model/photo';
import { checkCancelled } from '../cancellation';
import { renameDurable } from '../fs/atomic-write';
import type { KeyedLock } from '../drafts/keyed-lock';
import { describeDecodeError, probeImage } from './image-probe';
import { ImportFailure, importCancelled, importMessages, quoteName } from './import-errors';
import { receiveFromPath, type IncomingFile } from './incoming';
import { readPhotoMetadata, type MetadataReadResult } from './metadata/read-metadata';
import { emptyReadResult, newPhotoRecord, PhotoRecordTooLarge, writePhotoRecord } from './photo-records';
import { originalFile, thumbnailFile, type MediaPaths } from './paths';
import { makeThumbnail } from './thumbnail';
import { messageOf } from '../../../../shared/model/errors';
import type { Limits } from '../../../../shared/model/settings';

/** What one file import needs from the library around it. */
export interface ImportContext {
  paths: MediaPaths;
  /** True when a photo with this id is already in the library. */
  has(id: string): boolean;
  /** Serialises imports of the same content, so two copies in one batch give one photo and one duplicate. */
  idLock: KeyedLock;
  /** Makes a committed photo visible (list, search, protocol). */
  add(photo: Photo): void;
  now(): Date;
  /** The desk's size limits: one imported file, one photo record. */
  limits(): Pick<Limits, 'importMaxBytes' | 'photoRecordMaxBytes'>;
}

/** A file still on disk where the person chose it, or bytes already received into incoming/. */
export type FileSource = { kind: 'path'; path: string } | { kind: 'received'; file: IncomingFile };

export interface ImportOutcome {
  state: 'imported' | 'duplicate';
  photoId: string;
  warnings: string[];
}

/**
 * Imports one file: copy and hash → duplicate check → sharp reads the format and size → thumbnail
 * → metadata → commit (original, thumbnail, then the record, which makes it real). Per-file
 * problems are thrown as ImportFailure; whatever was written for a failed or cancelled file is
 * removed, so the library never holds half a photo.
 */
export async function importFile(context: ImportContext, source: FileSource, name: string, signal: AbortSignal): Promise<ImportOutcome> {
  const incoming = source.kind === 'path' ? await receiveFromPath(context.paths.incoming, source.path, name, signal, context.limits().importMaxBytes) : source.file;
  try {
    checkCancelled(signal, importCancelled);
    return await context.idLock.run(incoming.id, () => placeFile(context, incoming, name, signal));
  } finally {
    // Gone already when it was moved into originals/; otherwise it is a leftover.
    await rm(incoming.path, { force: true });
  }
}

async function placeFile(context: ImportContext, incoming: IncomingFile, name: string, signal: AbortSignal): Promise<ImportOutcome> {
  if (context.has(incoming.id)) return { state: 'duplicate', photoId: incoming.id, warnings: [] };
  checkCancelled(signal, importCancelled);
  const image = await probeImage(incoming.path, name);
  const thumbnailTemp = `${incoming.path}.thumbnail.jpg`;
  try {
    try {
      await makeThumbnail(incoming.path, thumbnailTemp);
    } catch (error) {
      throw await describeDecodeError(incoming.path, image.format, name, error);
    }
    checkCancelled(signal, importCancelled);
    const read = await readMetadataSafely(incoming.path);
    checkCancelled(signal, importCancelled);
    const photo = newPhotoRecord({
      id: incoming.id,
      fileName: name,
      format: image.format,
      width: image.width,
      height: image.height,
      bytes: incoming.bytes,
      importedAt: context.now().toISOString(),
      read,
    });
    await commit(context, photo, incoming.path, thumbnailTemp, name);
    context.add(photo);
    return { state: 'imported', photoId: photo.id, warnings: [...photo.metadataWarnings] };
  } finally {
    await rm(thumbnailTemp, { force: true });
  }
}

/** Reading never fails the import: a picture with a broken metadata block is still a picture. */
async function readMetadataSafely(file: string): Promise<MetadataReadResult> {
  try {
    return await readPhotoMetadata(file);
  } catch (error) {
    const detail = messageOf(error);
    return emptyReadResult(`The photo's metadata could not be read (${detail}); fill in the caption and credit by hand.`);
  }
}

/** The record goes last: until it is written the photo does not exist, and a crash leaves only orphans the next open removes. */
async function commit(context: ImportContext, photo: Photo, incomingPath: string, thumbnailTemp: string, name: string): Promise<void> {
  const { paths } = context;
  const original = originalFile(paths, photo.id, photo.format);
  const thumbnail = thumbnailFile(paths, photo.id);
  try {
    await renameDurable(incomingPath, original);
    await renameDurable(thumbnailTemp, thumbnail);
    await writePhotoRecord(paths, photo, context.limits().photoRecordMaxBytes);
  } catch (error) {
    await Promise.all([rm(original, { force: true }), rm(thumbnail, { force: true })]);
    throw new ImportFailure(
      error instanceof PhotoRecordTooLarge ? `${quoteName(name)} was not imported. ${error.message}` : importMessages.notStored(name, error),
    );
  }
}
