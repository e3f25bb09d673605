import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { TrashedPhoto } from '../../../../shared/model/media-library';
import { IsoTime } from '../../../../shared/model/article';
import { Photo, PhotoFormat, upgradePhotoRecord } from '../../../../shared/model/photo';
import { renameDurable, writeFileAtomic } from '../fs/atomic-write';
import { FORMAT_EXTENSIONS, isPhotoId, originalFile, recordFile, thumbnailFile, type MediaPaths } from './paths';

/**
 * The photo trash, in media/trash/<id>/: `entry.json` (when, and the format that names the
 * original), then `record.json`, `original.<ext>` and `thumbnail.jpg`, moved there by rename from
 * the library's folders. A photo's record is the commit point both ways: while it is in photos/ the
 * photo is in the library; once it is in the trash folder the photo is in the trash. The entry is
 * written before anything moves and removed after everything moved back, so after a crash at any
 * step `recoverPhotoTrash` finishes the move its record says and nothing is left half-way: the
 * library's open never mistakes a trashed original for an orphan, and never deletes one.
 */

const TrashEntry = z.object({ id: z.string(), format: PhotoFormat, trashedAt: IsoTime });
type TrashEntry = z.infer<typeof TrashEntry>;

/** Folders being emptied are renamed to this first, so a crash mid-delete leaves no half entry. */
const EMPTYING_PREFIX = '.emptying-';

export function trashDir(paths: MediaPaths): string {
  return join(paths.root, 'trash');
}

function entryDir(paths: MediaPaths, id: string): string {
  return join(trashDir(paths), id);
}

/** Where each of a photo's files lives in the library and in its trash folder. */
function filePairs(paths: MediaPaths, id: string, format: PhotoFormat) {
  const dir = entryDir(paths, id);
  return {
    record: { home: recordFile(paths, id), trashed: join(dir, 'record.json') },
    original: { home: originalFile(paths, id, format), trashed: join(dir, `original.${FORMAT_EXTENSIONS[format]}`) },
    thumbnail: { home: thumbnailFile(paths, id), trashed: join(dir, 'thumbnail.jpg') },
  };
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Moves `from` to `to` if it is there; a file already moved (or a thumbnail never made) is not an error. */
async function moveIfThere(from: string, to: string): Promise<void> {
  try {
    await renameDurable(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** The trash folder's photo: record first (the commit point), then the original and thumbnail. */
export async function movePhotoToTrash(paths: MediaPaths, photo: Photo, trashedAt: string): Promise<void> {
  const dir = entryDir(paths, photo.id);
  const files = filePairs(paths, photo.id, photo.format);
  const entry: TrashEntry = { id: photo.id, format: photo.format, trashedAt };
  try {
    await mkdir(dir, { recursive: true });
    await writeFileAtomic(join(dir, 'entry.json'), `${JSON.stringify(entry)}\n`);
    await renameDurable(files.record.home, files.record.trashed);
  } catch (error) {
    // Nothing moved: the photo stays in the library and the entry goes.
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  // From here the photo is in the trash. The original and thumbnail follow; if the disk refuses
  // one now, the photo is still wholly in the trash by its record, and the next open's recovery
  // moves what stayed behind (it never reads an original without a record as an orphan).
  try {
    await moveIfThere(files.original.home, files.original.trashed);
    await moveIfThere(files.thumbnail.home, files.thumbnail.trashed);
  } catch {
    // Finished by recoverPhotoTrash; restoring before then finds the file still at home, which is where it goes.
  }
}

/** Back into the library: original and thumbnail first, the record last (the commit point), then the entry goes. */
export async function movePhotoOutOfTrash(paths: MediaPaths, photo: Photo): Promise<void> {
  const files = filePairs(paths, photo.id, photo.format);
  await moveIfThere(files.original.trashed, files.original.home);
  await moveIfThere(files.thumbnail.trashed, files.thumbnail.home);
  await renameDurable(files.record.trashed, files.record.home);
  await rm(entryDir(paths, photo.id), { recursive: true, force: true });
}

/** Deletes one trashed photo for good: renamed aside in one step, then removed. */
export async function deleteTrashedPhoto(paths: MediaPaths, id: string): Promise<void> {
  const aside = join(trashDir(paths), `${EMPTYING_PREFIX}${id}-${randomBytes(4).toString('hex')}`);
  await rename(entryDir(paths, id), aside);
  await rm(aside, { recursive: true, force: true });
}

async function readEntry(dir: string): Promise<TrashEntry | null> {
  try {
    const parsed = TrashEntry.safeParse(JSON.parse(await readFile(join(dir, 'entry.json'), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function readTrashedRecord(file: string, id: string): Promise<Photo | null> {
  try {
    const parsed = Photo.safeParse(upgradePhotoRecord(JSON.parse(await readFile(file, 'utf8'))));
    return parsed.success && parsed.data.id === id ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Runs before the library reads its folders: finishes every move a crash interrupted, removes
 * folders being emptied, and returns what is in the trash. A folder it cannot make sense of (no
 * entry, an unreadable record) is left as it is, never deleted, and not listed.
 */
export async function recoverPhotoTrash(paths: MediaPaths, options: { readOnly: boolean }): Promise<Map<string, TrashedPhoto>> {
  const root = trashDir(paths);
  const trashed = new Map<string, TrashedPhoto>();
  let names: string[];
  try {
    names = await readdir(root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return trashed;
    throw error;
  }
  for (const name of names) {
    if (name.startsWith(EMPTYING_PREFIX)) {
      if (!options.readOnly) await rm(join(root, name), { recursive: true, force: true });
      continue;
    }
    if (!isPhotoId(name)) continue;
    const entry = await readEntry(join(root, name));
    if (entry === null || entry.id !== name) continue;
    const files = filePairs(paths, name, entry.format);
    const [atHome, inTrash] = await Promise.all([exists(files.record.home), exists(files.record.trashed)]);
    if (atHome && !inTrash) {
      // The record never left (or already came back): the photo is in the library; bring the rest home.
      if (options.readOnly) continue;
      await moveIfThere(files.original.trashed, files.original.home);
      await moveIfThere(files.thumbnail.trashed, files.thumbnail.home);
      await rm(join(root, name), { recursive: true, force: true });
      continue;
    }
    // Both records: the same picture was imported again after it was deleted. Each copy stays where it is.
    if (!options.readOnly && !atHome) {
      await moveIfThere(files.original.home, files.original.trashed);
      await moveIfThere(files.thumbnail.home, files.thumbnail.trashed);
    }
    const photo = await readTrashedRecord(files.record.trashed, name);
    if (photo !== null) trashed.set(name, { photo, trashedAt: entry.trashedAt });
  }
  return trashed;
}

/** The trashed photo's thumbnail, for the Trash view (the app:// protocol checks it stays inside the library). */
export function trashedThumbnailFile(paths: MediaPaths, id: string): string {
  return join(entryDir(paths, id), 'thumbnail.jpg');
}
