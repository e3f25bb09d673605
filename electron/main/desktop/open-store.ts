import { existsSync, renameSync } from 'node:fs';

/**
 * Opens an electron-store (or any conf store) whose file may be damaged. electron-store refuses to
 * open a file that is not JSON, and conf's own checks of the content can throw on a hostile one
 * (nesting deep enough to overflow its comparison, for one). Rather than failing to start, the
 * broken file is kept aside (for support, its name logged) and a fresh one is started.
 */
export function openStoreSettingAside<T>(open: () => T, file: string, log: (line: string) => void, now: () => number = Date.now): T {
  try {
    return open();
  } catch (error) {
    if (!existsSync(file)) throw error;
    const aside = `${file}.corrupt-${now()}`;
    renameSync(file, aside);
    log(`${file} could not be read (${String(error).slice(0, 300)}); moved to ${aside}`);
    return open();
  }
}
