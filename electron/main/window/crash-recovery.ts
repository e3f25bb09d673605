import type { BrowserWindow } from 'electron';

/** More crashes than this within the window below stop the automatic reloads (no crash loop). */
const MAX_RELOADS = 3;
const RELOAD_WINDOW_MS = 60_000;

/**
 * Brings a crashed or killed page back by reloading the app. Drafts are on disk up to the last
 * autosave (within a second of the last keystroke), so a reload returns the editor to work with at
 * most that second lost. A page that keeps crashing is left alone after a few tries and logged.
 */
export function installCrashRecovery(
  win: Pick<BrowserWindow, 'webContents' | 'isDestroyed'>,
  entryUrl: string,
  log: (message: string) => void = () => {},
  now: () => number = Date.now,
): void {
  const recent: number[] = [];
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    const time = now();
    while (recent.length > 0 && time - recent[0]! > RELOAD_WINDOW_MS) recent.shift();
    if (recent.length >= MAX_RELOADS) {
      log(`The page stopped again (${details.reason}); not reloading after ${MAX_RELOADS} tries in a minute.`);
      return;
    }
    recent.push(time);
    log(`The page stopped (${details.reason}, exit code ${details.exitCode}); reloading it.`);
    win.webContents.loadURL(entryUrl).catch((error: unknown) => log(`Reload failed: ${String(error)}`));
  });
  win.webContents.on('unresponsive', () => log('The page is not responding.'));
}
