import { lstat, mkdir, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { PHOTO_MIME_TYPES, type PhotoFormat } from '../../../../shared/model/photo';

/**
 * Layout of the media folder the library owns:
 *
 *   originals/<id>.<ext>   the imported files, byte for byte, named by the SHA-256 of their content
 *   thumbnails/<id>.jpg    480-pixel previews the app shows in grids and pickers
 *   photos/<id>.json       one Photo record per picture: the commit point of an import
 *   incoming/              files being imported (emptied whenever the library opens)
 *   quarantine/            records that could not be read, moved aside with a .reason.txt
 *   trash/<id>/            deleted photos, whole, until restored or emptied (see photo-trash.ts)
 *
 * A photo exists once its record is written; an original or thumbnail without a record is a
 * leftover of an interrupted import and is removed at the next open.
 */
export interface MediaPaths {
  root: string;
  originals: string;
  thumbnails: string;
  photos: string;
  incoming: string;
  quarantine: string;
}

export function mediaPaths(root: string): MediaPaths {
  return {
    root,
    originals: join(root, 'originals'),
    thumbnails: join(root, 'thumbnails'),
    photos: join(root, 'photos'),
    incoming: join(root, 'incoming'),
    quarantine: join(root, 'quarantine'),
  };
}

export async function ensureMediaFolders(paths: MediaPaths): Promise<void> {
  for (const dir of [paths.originals, paths.thumbnails, paths.photos, paths.incoming, paths.quarantine]) {
    await mkdir(dir, { recursive: true });
  }
}

export const PHOTO_ID_PATTERN = /^[0-9a-f]{64}$/;

/** Ids are checked before they become part of a path, so no request can reach outside the folder. */
export function isPhotoId(id: string): boolean {
  return PHOTO_ID_PATTERN.test(id);
}

export const FORMAT_EXTENSIONS: Readonly<Record<PhotoFormat, string>> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
  avif: 'avif',
  tiff: 'tif',
};

export const FORMAT_MIME_TYPES: Readonly<Record<PhotoFormat, string>> = PHOTO_MIME_TYPES;

export function originalFile(paths: MediaPaths, id: string, format: PhotoFormat): string {
  return join(paths.originals, `${id}.${FORMAT_EXTENSIONS[format]}`);
}

export function thumbnailFile(paths: MediaPaths, id: string): string {
  return join(paths.thumbnails, `${id}.jpg`);
}

export function recordFile(paths: MediaPaths, id: string): string {
  return join(paths.photos, `${id}.json`);
}

/** The photo id a library file name stands for (`<id>.<ext>`), or null for anything else. */
export function idFromFileName(name: string): string | null {
  const dot = name.indexOf('.');
  const id = dot === -1 ? name : name.slice(0, dot);
  return isPhotoId(id) ? id : null;
}

/**
 * `file`, if it is a regular file that really lies inside the library folder `root`; null
 * otherwise (missing, a folder, a symlink, or reached through a symlinked folder that leads
 * elsewhere). Whoever could put a link in the library could otherwise have the app serve, upload
 * or export any file the user can read.
 */
export async function containedLibraryFile(root: string, file: string): Promise<string | null> {
  try {
    if (!(await lstat(file)).isFile()) return null;
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    const rel = relative(realRoot, realFile);
    const inside = rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
    return inside ? file : null;
  } catch {
    return null;
  }
}
