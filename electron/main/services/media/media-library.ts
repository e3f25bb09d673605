import { rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { QuarantinedFile } from '../../../../shared/model/library';
import { BatchPhotoChanges, type ImportJob, type PhotoPage, type PhotoQuery } from '../../../../shared/model/media-library';
import { UserFacingError } from '../../../../shared/model/errors';
import { photoCaptionProblem } from '../../../../shared/rules/caption-limit';
import { PhotoKill, PhotoMetadata, type FieldSources, type Photo } from '../../../../shared/model/photo';
import { killedPhotoIds } from '../../../../shared/rules/photo-kill';
import { DEFAULT_LIMITS, type CreditStyle, type Limits } from '../../../../shared/model/settings';
import { KeyedLock } from '../drafts/keyed-lock';
import { Quarantine } from '../drafts/quarantine';
import { exportPhotoCopy } from './export-copy';
import { warmImageEngineSoon } from './image-engine';
import { importFile, type ImportContext } from './import-file';
import { ImportJobs } from './import-job';
import { applyBatchChanges, editPhoto, restorePhoto } from './photo-edits';
import { loadLibrary } from './photo-records';
import { writeRecordsAllOrNone } from './record-batch';
import { PhotoSearch } from './photo-search';
import { recoverPhotoTrash } from './photo-trash';
import { PhotoTrashShelf } from './photo-trash-shelf';
import type { TrashedPhoto } from '../../../../shared/model/media-library';
import { containedLibraryFile, ensureMediaFolders, isPhotoId, mediaPaths, originalFile, thumbnailFile, type MediaPaths } from './paths';
import { makeThumbnail } from './thumbnail';
import type { MediaLibrary, PhotoFileKind } from './types';

export interface MediaLibraryOptions {
  /** The desk's credit style (from settings), for the house-style credit in search and the "missing credit" filter. */
  creditStyle: () => CreditStyle;
  /** The desk's size limits (from settings), read when used; default DEFAULT_LIMITS. */
  limits?: () => Limits;
  /** Files imported at once; default 2. */
  concurrency?: number;
  /** How long a drop or paste import waits for its next file before failing the rest; default 2 minutes. */
  bytesWaitMs?: number;
  now?: () => Date;
  /** Failures of background work and unexpected import errors; default logs to stderr. */
  onBackgroundError?: (error: unknown) => void;
  /**
   * Another process holds the library, or it cannot be written: open it to read only. Nothing is
   * swept, removed or moved at open (incoming/ may hold that process's imports under way).
   */
  readOnly?: boolean;
  /** An import job's state changed (coalesced; see ImportJobsOptions.onProgress). */
  onImportProgress?: (job: ImportJob) => void;
}

const PartialMetadata = PhotoMetadata.partial().strict();
/** Sources remembered from before batch edits, so Undo can put them back (bounded). */
const MAX_UNDO_MEMOS = 5_000;

/** Opens (creating if needed) the media library in `dir`; see paths.ts for the layout. */
export async function openMediaLibrary(dir: string, options: MediaLibraryOptions): Promise<MediaLibrary> {
  const paths = mediaPaths(dir);
  const readOnly = options.readOnly ?? false;
  if (!readOnly) await ensureMediaFolders(paths);
  const quarantine = new Quarantine(dirname(paths.root), paths.quarantine, { leaveInPlace: readOnly });
  // Before the folders are read: a delete or restore a crash interrupted is finished first.
  const trashed = await recoverPhotoTrash(paths, { readOnly });
  const loaded = await loadLibrary(paths, quarantine, { readOnly, recordMaxBytes: (options.limits?.() ?? DEFAULT_LIMITS).photoRecordMaxBytes });
  const library = new FileMediaLibrary(paths, quarantine, loaded.photos, trashed, options);
  if (!readOnly) {
    library.remakeThumbnails(loaded.missingThumbnails);
    // A read-only library imports nothing; its lanes start on first use (an export) instead.
    warmImageEngineSoon();
  }
  return library;
}

class FileMediaLibrary implements MediaLibrary {
  private readonly search: PhotoSearch;
  private readonly jobs: ImportJobs;
  private readonly trash: PhotoTrashShelf;
  /** Metadata edits run one at a time: a batch edit and a single edit must not interleave their writes. */
  private readonly editLock = new KeyedLock();
  private readonly undoMemos = new Map<string, { metadata: string; sources: FieldSources }>();
  private readonly now: () => Date;
  private readonly limits: () => Limits;
  private readonly onError: (error: unknown) => void;
  private background: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly paths: MediaPaths,
    private readonly quarantine: Quarantine,
    private readonly photos: Map<string, Photo>,
    trashed: Map<string, TrashedPhoto>,
    options: MediaLibraryOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.limits = options.limits ?? (() => DEFAULT_LIMITS);
    this.onError = options.onBackgroundError ?? ((error: unknown) => console.error('[media-library]', error));
    this.search = new PhotoSearch(photos, options.creditStyle);
    const context: ImportContext = {
      paths,
      has: (id) => this.photos.has(id),
      idLock: new KeyedLock(),
      add: (photo) => this.put(photo),
      now: this.now,
      limits: () => this.limits(),
    };
    this.trash = new PhotoTrashShelf(
      {
        paths,
        expect: (id) => this.expectPhoto(id),
        has: (id) => this.photos.has(id),
        remove: (id) => {
          this.photos.delete(id);
          this.search.remove(id);
        },
        put: (photo) => this.put(photo),
        now: this.now,
      },
      trashed,
    );
    this.jobs = new ImportJobs((source, name, signal) => importFile(context, source, name, signal), {
      incomingDir: paths.incoming,
      maxFileBytes: () => this.limits().importMaxBytes,
      concurrency: options.concurrency ?? 2,
      bytesWaitMs: options.bytesWaitMs ?? 120_000,
      onError: this.onError,
      onProgress: options.onImportProgress,
    });
  }

  async list(query: PhotoQuery): Promise<PhotoPage> {
    this.assertOpen();
    return this.search.list(query);
  }

  async get(id: string): Promise<Photo> {
    this.assertOpen();
    return this.expectPhoto(id);
  }

  async getMany(ids: readonly string[]): Promise<Photo[]> {
    this.assertOpen();
    return ids.flatMap((id) => this.photos.get(id) ?? []);
  }

  importPaths(paths: readonly string[]): ImportJob {
    this.assertOpen();
    return this.jobs.importPaths(paths);
  }

  beginImport(names: readonly string[]): ImportJob {
    this.assertOpen();
    return this.jobs.beginImport(names);
  }

  async addFile(jobId: string, index: number, bytes: Uint8Array): Promise<void> {
    this.assertOpen();
    await this.jobs.addFile(jobId, index, bytes);
  }

  skipFile(jobId: string, index: number, reason: string): void {
    this.jobs.skipFile(jobId, index, reason);
  }

  status(jobId: string): ImportJob {
    return this.jobs.status(jobId);
  }

  cancel(jobId: string): ImportJob {
    return this.jobs.cancel(jobId);
  }

  whenFinished(jobId: string): Promise<ImportJob> {
    return this.jobs.whenFinished(jobId);
  }

  async moveToTrash(ids: readonly string[]): Promise<string[]> {
    this.assertOpen();
    return this.editLock.run('edits', () => this.trash.trash(ids));
  }

  listTrash(): TrashedPhoto[] {
    this.assertOpen();
    return this.trash.list();
  }

  async restoreFromTrash(ids: readonly string[]): Promise<Photo[]> {
    this.assertOpen();
    return this.editLock.run('edits', () => this.trash.restore(ids));
  }

  async emptyTrash(): Promise<number> {
    this.assertOpen();
    return this.editLock.run('edits', () => this.trash.empty());
  }

  quarantined(): QuarantinedFile[] {
    return this.quarantine.list();
  }

  async update(id: string, metadata: Partial<PhotoMetadata>): Promise<Photo> {
    this.assertOpen();
    const parsed = PartialMetadata.safeParse(metadata);
    if (!parsed.success) throw new UserFacingError('invalid-request', 'The photo details were not valid and were not saved.');
    const caption = parsed.data.description === undefined ? null : photoCaptionProblem(parsed.data.description, this.limits().captionMaxChars);
    if (caption !== null) throw new UserFacingError('invalid-request', `${caption} The photo details were not saved.`);
    return this.editLock.run('edits', async () => {
      const photo = this.expectPhoto(id);
      const next = editPhoto(photo, parsed.data, this.now().toISOString());
      if (next === null) return photo;
      await this.writeAll([next]);
      return next;
    });
  }

  async updateMany(ids: readonly string[], changes: BatchPhotoChanges): ReturnType<MediaLibrary['updateMany']> {
    this.assertOpen();
    const parsed = BatchPhotoChanges.safeParse(changes);
    if (!parsed.success) throw new UserFacingError('invalid-request', 'The changes for the selected photos were not valid.');
    return this.editLock.run('edits', async () => {
      const photos = [...new Set(ids)].map((id) => this.expectPhoto(id));
      const now = this.now().toISOString();
      const changed = photos.flatMap((photo) => {
        const next = applyBatchChanges(photo, parsed.data, now);
        return next ? [{ before: photo, next }] : [];
      });
      await this.writeAll(changed.map((c) => c.next));
      for (const { before, next } of changed) this.rememberForUndo(before, next);
      return {
        photos: photos.map((photo) => this.photos.get(photo.id) ?? photo),
        previous: photos.map((photo) => ({ id: photo.id, metadata: photo.metadata })),
      };
    });
  }

  async restoreMetadata(items: readonly { id: string; metadata: PhotoMetadata }[]): Promise<Photo[]> {
    this.assertOpen();
    const parsed = items.map((item) => ({ id: item.id, metadata: PhotoMetadata.safeParse(item.metadata) }));
    if (parsed.some((item) => !item.metadata.success)) {
      throw new UserFacingError('invalid-request', 'The photo details to put back were not valid.');
    }
    return this.editLock.run('edits', async () => {
      const now = this.now().toISOString();
      const pairs = parsed.map(({ id, metadata }) => {
        const photo = this.expectPhoto(id);
        const memo = this.undoMemos.get(id);
        const sources = memo && memo.metadata === JSON.stringify(metadata.data) ? memo.sources : undefined;
        return { before: photo, next: restorePhoto(photo, metadata.data!, now, sources) };
      });
      await this.writeAll(pairs.map((p) => p.next));
      for (const { next } of pairs) this.undoMemos.delete(next.id);
      return pairs.map((p) => p.next);
    });
  }

  killScope(id: string): string[] {
    return killedPhotoIds(this.expectPhoto(id), this.photos.values());
  }

  async markKilled(id: string, kill: { at: string; reason: string }): Promise<Photo[]> {
    this.assertOpen();
    return this.editLock.run('edits', async () => {
      const photo = this.expectPhoto(id);
      const parsed = PhotoKill.safeParse({ ...kill, transmissionReference: photo.metadata.transmissionReference.trim() });
      if (!parsed.success) throw new UserFacingError('invalid-request', parsed.error.issues[0]?.message ?? 'The kill notice was not valid.');
      const now = this.now().toISOString();
      // Every copy of the same agency picture is killed with it, in one all-or-none write.
      const next = this.killScope(id).map((each) => ({ ...this.expectPhoto(each), kill: parsed.data, updatedAt: now }));
      await this.writeAll(next);
      return next;
    });
  }

  async exportCopy(id: string, destination: string, options: { writeXmp: boolean }): Promise<void> {
    this.assertOpen();
    const photo = this.expectPhoto(id);
    // Only the library's own copy is exported, never what a link put in its place points to.
    const original = await containedLibraryFile(this.paths.root, originalFile(this.paths, id, photo.format));
    if (original === null) throw new UserFacingError('not-found', 'The original of this photo is missing from the library.');
    await exportPhotoCopy({
      libraryRoot: this.paths.root,
      original,
      photo,
      destination,
      writeXmp: options.writeXmp,
    });
  }

  async filePath(id: string, kind: PhotoFileKind): Promise<string | null> {
    if (this.closed || !isPhotoId(id)) return null;
    const photo = this.photos.get(id);
    if (!photo) return kind === 'thumbnail' ? this.trash.thumbnailPath(id) : null;
    const file = kind === 'original' ? originalFile(this.paths, id, photo.format) : thumbnailFile(this.paths, id);
    return containedLibraryFile(this.paths.root, file);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.jobs.close();
    await this.editLock.idle();
    await this.background;
  }

  /** Thumbnails lost since the last session are made again in the background, one at a time. */
  remakeThumbnails(ids: readonly string[]): void {
    if (ids.length === 0) return;
    this.background = (async () => {
      for (const id of ids) {
        const photo = this.photos.get(id);
        if (this.closed || !photo) continue;
        const temp = join(this.paths.incoming, `${id}.thumbnail.jpg`);
        try {
          await makeThumbnail(originalFile(this.paths, id, photo.format), temp);
          await rename(temp, thumbnailFile(this.paths, id));
        } catch (error) {
          // A temp file that cannot be removed (held open on Windows) is reported too; incoming/ is emptied at the next open.
          await rm(temp, { force: true }).catch(this.onError);
          this.onError(error);
        }
      }
    })();
  }

  private put(photo: Photo): void {
    this.photos.set(photo.id, photo);
    this.search.upsert(photo);
  }

  private async writeAll(next: readonly Photo[]): Promise<void> {
    await writeRecordsAllOrNone(this.paths, next, this.limits().photoRecordMaxBytes, (photo) => this.put(photo));
  }

  private rememberForUndo(before: Photo, after: Photo): void {
    this.undoMemos.delete(after.id);
    this.undoMemos.set(after.id, { metadata: JSON.stringify(before.metadata), sources: before.sources });
    if (this.undoMemos.size > MAX_UNDO_MEMOS) this.undoMemos.delete(this.undoMemos.keys().next().value!);
  }

  private expectPhoto(id: string): Photo {
    const photo = isPhotoId(id) ? this.photos.get(id) : undefined;
    if (!photo) throw new UserFacingError('not-found', 'This photo is no longer in the library.');
    return photo;
  }

  private assertOpen(): void {
    if (this.closed) throw new UserFacingError('conflict', 'The media library has been closed.');
  }
}
