import { promises as fsp } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Article } from '../../../../../shared/model/article';
import type { Photo } from '../../../../../shared/model/photo';
import { photoUsesOf } from '../../../../../shared/rules/prepublish';
import { slugify } from '../../../../../shared/rules/slug';
import { bylineAvatars } from '../../../../../shared/rules/author-avatars';
import { fsyncDir, writeFileAtomic } from '../../fs/atomic-write';
import { FORMAT_EXTENSIONS } from '../../media/paths';

/**
 * The pictures of an export, laid out like a browser's "Save page" next to the exported file:
 *
 *   story.html            story.ninjs.json
 *   story_files/protesters-in-paris.jpg
 *
 * Each picture is written by the photo library's own copy (atomic, and with the desk's credit in
 * its XMP when that setting is on), so an exported picture carries the same credit as a published one.
 */

/** Writes a copy of a library photo to `destination` (the library's exportCopy in the app). */
export type CopyPhoto = (photoId: string, destination: string) => Promise<void>;

export interface ExportedPicture {
  /** URL-encoded path relative to the exported file: "story_files/macron.jpg". */
  relative: string;
  /** The same file as an absolute file: URL (ninjs requires absolute URIs). */
  fileUrl: string;
}

const AVATAR_KEY_PREFIX = 'avatar:';

/** The key of the byline's avatar at `authorIndex` among the copied files (photos are keyed by their id). */
export function avatarFileKey(authorIndex: number): string {
  return `${AVATAR_KEY_PREFIX}${authorIndex}`;
}

/** How many of the written files are photos (the rest are avatars). */
export function photoCount(files: ReadonlyMap<string, ExportedPicture>): number {
  return [...files.keys()].filter((key) => !key.startsWith(AVATAR_KEY_PREFIX)).length;
}

/** The sibling folder a browser would use: "story.html" → "story_files". */
export function filesFolderName(destination: string): string {
  const name = basename(destination);
  const stem = name.slice(0, name.length - extname(name).length).replace(/\.ninjs$/, '') || name;
  return `${stem}_files`;
}

/** "IMG_0042.JPG" → "img-0042"; a name with no usable letters falls back to the title, then "photo". */
function pictureBaseName(photo: Photo): string {
  const fromFile = slugify(photo.fileName.slice(0, photo.fileName.length - extname(photo.fileName).length));
  return fromFile || slugify(photo.metadata.title) || 'photo';
}

/**
 * Copies every photo the article uses (lead first, each once) into the files folder, then writes the
 * byline's avatars there (the author card travels with the story). Photos missing from the library
 * are left out. Returns where each file is: photos by id, avatars by avatarFileKey.
 */
export async function copyPicturesBeside(
  article: Article,
  photos: ReadonlyMap<string, Photo>,
  destination: string,
  copyPhoto: CopyPhoto,
  /** Library photos the page refers to beyond the story's own (the HTML page's social image). */
  alsoCopy: readonly string[] = [],
): Promise<Map<string, ExportedPicture>> {
  const folderName = filesFolderName(destination);
  const folder = join(dirname(destination), folderName);
  const taken = new Set<string>();
  const copies: { id: string; name: string; avatar?: Uint8Array }[] = [];
  for (const id of new Set([...photoUsesOf(article).map((use) => use.photoId), ...alsoCopy])) {
    const photo = photos.get(id);
    if (!photo) continue;
    const base = pictureBaseName(photo);
    const extension = FORMAT_EXTENSIONS[photo.format];
    let name = `${base}.${extension}`;
    for (let n = 2; taken.has(name); n += 1) name = `${base}-${n}.${extension}`;
    taken.add(name);
    copies.push({ id, name });
  }
  for (const avatar of bylineAvatars(article.byline)) {
    let name = avatar.fileName;
    for (let n = 2; taken.has(name); n += 1) name = avatar.fileName.replace(/(\.[a-z]+)$/, `-${n}$1`);
    taken.add(name);
    copies.push({ id: avatarFileKey(avatar.index), name, avatar: avatar.image.bytes });
  }
  if (copies.length === 0) return new Map();
  // Not recursive: the exported file's own folder must exist, and a failed export must not create it.
  const created = await fsp.mkdir(folder).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
      return false;
    },
  );
  const copied: typeof copies = [];
  for (const copy of copies) {
    try {
      if (copy.avatar) await writeFileAtomic(join(folder, copy.name), copy.avatar);
      else await copyPhoto(copy.id, join(folder, copy.name));
      copied.push(copy);
    } catch (error) {
      // A photo whose file has gone from the library is left out; its caption and credit stay in the text.
      if ((error as { code?: unknown }).code !== 'not-found') throw error;
    }
  }
  if (copied.length === 0 && created) await fsp.rmdir(folder);
  else await fsyncDir(folder);
  return new Map(
    copied.map((copy) => [
      copy.id,
      { relative: `${encodeURIComponent(folderName)}/${encodeURIComponent(copy.name)}`, fileUrl: pathToFileURL(join(folder, copy.name)).href },
    ]),
  );
}
