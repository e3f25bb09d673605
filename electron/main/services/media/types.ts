import type { QuarantinedFile } from '../../../../shared/model/library';
import type { BatchPhotoChanges, ImportJob, PhotoPage, PhotoQuery, TrashedPhoto } from '../../../../shared/model/media-library';
import type { Photo, PhotoMetadata } from '../../../../shared/model/photo';

export type PhotoFileKind = 'original' | 'thumbnail';

/**
 * The media library: plain Node over files in one folder, no IPC inside. Every imported file is
 * copied in, named by the SHA-256 of its bytes. Failures a person should read are thrown as
 * UserFacingError; per-file import problems are reported on the job, never thrown.
 */
export interface MediaLibrary {
  list(query: PhotoQuery): Promise<PhotoPage>;
  get(id: string): Promise<Photo>;
  /** In the order asked; unknown ids are left out. */
  getMany(ids: readonly string[]): Promise<Photo[]>;
  /** Starts importing files by path (the file picker, tests, the benchmark). */
  importPaths(paths: readonly string[]): ImportJob;
  /** Starts a job whose files arrive later as bytes through addFile / skipFile. */
  beginImport(names: readonly string[]): ImportJob;
  addFile(jobId: string, index: number, bytes: Uint8Array): Promise<void>;
  skipFile(jobId: string, index: number, reason: string): void;
  status(jobId: string): ImportJob;
  /** Drops what has not started; files being imported finish or are rolled back. */
  cancel(jobId: string): ImportJob;
  /** Resolves when every item of the job has settled (imported, duplicate, failed or cancelled). */
  whenFinished(jobId: string): Promise<ImportJob>;
  update(id: string, metadata: Partial<PhotoMetadata>): Promise<Photo>;
  updateMany(ids: readonly string[], changes: BatchPhotoChanges): Promise<{ photos: Photo[]; previous: { id: string; metadata: PhotoMetadata }[] }>;
  restoreMetadata(items: readonly { id: string; metadata: PhotoMetadata }[]): Promise<Photo[]>;
  /** The photo and every other library copy of the same agency picture (same transmission reference). */
  killScope(id: string): string[];
  /** Marks the photo and its copies (killScope) killed, so they are never placed or published again. */
  markKilled(id: string, kill: { at: string; reason: string }): Promise<Photo[]>;
  /** Writes a copy to `destination` atomically, with the desk's metadata in its XMP when `writeXmp`. */
  exportCopy(id: string, destination: string, options: { writeXmp: boolean }): Promise<void>;
  /** Where the app:// protocol finds a photo's bytes; null for an unknown id or a missing thumbnail. */
  filePath(id: string, kind: PhotoFileKind): Promise<string | null>;
  /** Moves photos to the photo trash, one after another (see photo-trash.ts); returns the ids moved. */
  moveToTrash(ids: readonly string[]): Promise<string[]>;
  /** Most recently deleted first. */
  listTrash(): TrashedPhoto[];
  restoreFromTrash(ids: readonly string[]): Promise<Photo[]>;
  /** Deletes every trashed photo for good; returns how many. */
  emptyTrash(): Promise<number>;
  /** Photo records that could not be read when the library opened, moved aside with the reason. */
  quarantined(): QuarantinedFile[];
  /** Waits for running imports and pending writes; the library must not be used afterwards. */
  close(): Promise<void>;
}
