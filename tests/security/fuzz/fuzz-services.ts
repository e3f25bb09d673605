import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Services } from '../../../electron/main/services/compose';
import { isTempFileName } from '../../../electron/main/services/fs/atomic-write';
import { LOCK_FILE_NAME } from '../../../electron/main/services/library/library-lock';
import { openTestServices } from '../../support/test-services';

/**
 * The app's real services on a temp data folder, as the fuzz talks to them. Nothing reaches outside
 * the test: the system dialogs answer "closed", opening a browser does nothing (each
 * such call is recorded).
 */
export interface FuzzServices {
  services: Services;
  /** Calls that tried to leave the app (a browser, a file dialog); malformed requests must make none. */
  outsideCalls: string[];
}

/**
 * Opens the services twice: the first opening writes the caches a new data folder gets (the draft
 * list's, a few seconds later), so the second finds the folder settled and any file that appears
 * during the fuzz is the fuzz's doing.
 */
export async function openSettledFuzzServices(dataDir: string): Promise<FuzzServices> {
  await (await openFuzzServices(dataDir)).services.close();
  return openFuzzServices(dataDir);
}

export async function openFuzzServices(dataDir: string): Promise<FuzzServices> {
  const outsideCalls: string[] = [];
  const services = await openTestServices(dataDir, {
    openExternal: async (url) => {
      outsideCalls.push(`openExternal ${url.slice(0, 80)}`);
    },
    chooseFiles: async () => {
      outsideCalls.push('chooseFiles');
      return [];
    },
    chooseSavePath: async (name) => {
      outsideCalls.push(`chooseSavePath ${name.slice(0, 80)}`);
      return null;
    },
  });
  return { services, outsideCalls };
}

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
/**
 * The files under `dir`, except the library lock's heartbeat in flight: the open library rewrites
 * its lock atomically every few seconds, so a listing can catch that write's temporary file.
 */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .filter((entry) => !(isTempFileName(entry.name) && entry.name.startsWith(`.${LOCK_FILE_NAME}.`)))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}
