import { randomBytes } from 'node:crypto';
import { copyFile, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ioErrorCode, ioFailure } from '../fs/io-errors';
import { UserFacingError } from '../../../../shared/model/errors';
import type { Photo } from '../../../../shared/model/photo';
import { fsyncDir, writeFileAtomic } from '../fs/atomic-write';
import { embedXmp } from './metadata/write-xmp';

/**
 * Writes a copy of a photo's original to `destination`, atomically: a reader (or a CMS watching
 * the folder) sees no file or the whole file. With `writeXmp`, the desk's credit, creator and
 * copyright are written into the copy's XMP so they survive systems that drop the rest.
 */
export async function exportPhotoCopy(options: {
  libraryRoot: string;
  original: string;
  photo: Photo;
  destination: string;
  writeXmp: boolean;
}): Promise<void> {
  const { destination, photo } = options;
  if (!isAbsolute(destination)) throw new UserFacingError('invalid-request', 'Choose a full path to save the copy to.');
  if (isInside(options.libraryRoot, destination)) {
    throw new UserFacingError('forbidden', 'Choose a folder outside the Newsdesk library to save the copy in.');
  }
  try {
    if (options.writeXmp) {
      // The Buffer is handed over as it is (it is a Uint8Array): a copy would cost the file's size again.
      const tagged = await embedXmp(await readFile(options.original), photo.format, photo.metadata);
      await writeFileAtomic(destination, tagged);
    } else {
      await copyFileAtomic(options.original, destination);
    }
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    const code = ioErrorCode(error);
    // The destination is the person's own folder, not the library's: a missing one is said as such.
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UserFacingError('io', `The copy could not be saved to ${destination}: the folder does not exist.`);
    throw ioFailure(`The copy could not be saved to ${destination}`, error);
  }
}

/**
 * The copy-file counterpart of writeFileAtomic: copyFile lets the OS move the bytes (or clone
 * them), so a large original never passes through memory.
 */
async function copyFileAtomic(source: string, target: string): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await copyFile(source, temp);
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await fsyncDir(dirname(target));
}

function isInside(root: string, target: string): boolean {
  const rel = relative(resolve(root), resolve(target));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
