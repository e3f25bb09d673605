import { readdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';

/**
 * Folder listings for stores that may be opening a read-only library. Such a library may lack a
 * folder that a newer Newsdesk creates (or a partial copy left out), and a read-only process must
 * not create it: the folder is then read as empty instead of stopping the app from opening.
 */
export async function listFolder(dir: string, readOnly: boolean | undefined): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (readOnly && (error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export function listFolderSync(dir: string, readOnly: boolean | undefined): string[] {
  try {
    return readdirSync(dir);
  } catch (error) {
    if (readOnly && (error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
