import type { TrashedPhoto } from '../../../../shared/model/media-library';
import { UserFacingError } from '../../../../shared/model/errors';
import type { Photo } from '../../../../shared/model/photo';
import { ioFailure } from '../fs/io-errors';
import { containedLibraryFile, type MediaPaths } from './paths';
import { deleteTrashedPhoto, movePhotoOutOfTrash, movePhotoToTrash, trashedThumbnailFile } from './photo-trash';

/** What the trash needs from the library it belongs to. */
export interface TrashLibrary {
  paths: MediaPaths;
  /** The photo in the library, or not-found. */
  expect(id: string): Photo;
  has(id: string): boolean;
  /** Takes a photo out of the list and search (its files have left). */
  remove(id: string): void;
  /** Puts a photo back into the list and search. */
  put(photo: Photo): void;
  now(): Date;
}

/**
 * The library's photo trash in memory, over the folders photo-trash.ts moves files between.
 * One photo moves at a time; a failure stops there, says how many moved, and leaves each photo
 * wholly in the library or wholly in the trash.
 */
export class PhotoTrashShelf {
  constructor(
    private readonly library: TrashLibrary,
    private readonly trashed: Map<string, TrashedPhoto>,
  ) {}

  list(): TrashedPhoto[] {
    return [...this.trashed.values()].sort((a, b) => b.trashedAt.localeCompare(a.trashedAt));
  }

  async trash(ids: readonly string[]): Promise<string[]> {
    const photos = [...new Set(ids)].map((id) => this.library.expect(id));
    const moved: string[] = [];
    for (const photo of photos) {
      const trashedAt = this.library.now().toISOString();
      try {
        await movePhotoToTrash(this.library.paths, photo, trashedAt);
      } catch (error) {
        throw ioFailure(partly('moved to the trash', moved.length, photos.length), error);
      }
      this.library.remove(photo.id);
      this.trashed.set(photo.id, { photo, trashedAt });
      moved.push(photo.id);
    }
    return moved;
  }

  async restore(ids: readonly string[]): Promise<Photo[]> {
    const entries = [...new Set(ids)].map((id) => {
      const entry = this.trashed.get(id);
      if (!entry) throw new UserFacingError('not-found', 'This photo is no longer in the trash.');
      if (this.library.has(id)) {
        throw new UserFacingError(
          'conflict',
          `“${entry.photo.fileName}” was imported again after it was deleted, so it is in the library already; the copy in the trash goes when the trash is emptied.`,
        );
      }
      return entry;
    });
    const restored: Photo[] = [];
    for (const { photo } of entries) {
      try {
        await movePhotoOutOfTrash(this.library.paths, photo);
      } catch (error) {
        throw ioFailure(partly('put back', restored.length, entries.length), error);
      }
      this.trashed.delete(photo.id);
      this.library.put(photo);
      restored.push(photo);
    }
    return restored;
  }

  async empty(): Promise<number> {
    const ids = [...this.trashed.keys()];
    let removed = 0;
    for (const id of ids) {
      try {
        await deleteTrashedPhoto(this.library.paths, id);
      } catch (error) {
        throw ioFailure(`The trash could not be emptied (${removed} of ${ids.length} photos deleted)`, error);
      }
      this.trashed.delete(id);
      removed += 1;
    }
    return removed;
  }

  /** A trashed photo's thumbnail, for the Trash view; null when it is not in the trash. */
  async thumbnailPath(id: string): Promise<string | null> {
    if (!this.trashed.has(id)) return null;
    return containedLibraryFile(this.library.paths.root, trashedThumbnailFile(this.library.paths, id));
  }
}

function partly(what: string, done: number, total: number): string {
  return total === 1 ? `The photo could not be ${what}` : `Only ${done} of ${total} photos could be ${what}`;
}
