import { call, onAppEvent } from './newsdesk';

/**
 * Saving on request when the window is closed or the app quits. The desktop app's main process
 * sends 'app:saveBeforeClose' when this page refused to unload (it holds unsaved work); every part
 * of the page with pending work saves, and the page answers with 'app:savedBeforeClose': saved, or
 * why not. Main then closes the window or asks the person what to do.
 */

/** Saves what is pending; resolves null when all is saved, else a sentence saying what failed. */
export type SaveBeforeClose = () => Promise<string | null>;

const savers = new Set<SaveBeforeClose>();
let listening = false;

async function saveAll(requestId: number): Promise<void> {
  const failures = (await Promise.all([...savers].map((save) => save().catch((error: unknown) => String(error))))).filter(
    (reason): reason is string => reason !== null,
  );
  const answer = failures.length === 0 ? { requestId, saved: true as const } : { requestId, saved: false as const, reason: failures.join(' ').slice(0, 1000) };
  await call('app:savedBeforeClose', answer);
}

/** Adds a part of the page that may hold unsaved work; returns the function that removes it. */
export function registerSaveBeforeClose(save: SaveBeforeClose): () => void {
  // Listening starts with the first part that can hold work and stays: a page with nothing
  // registered never refuses to unload, so main never asks it.
  if (!listening) {
    listening = true;
    onAppEvent('app:saveBeforeClose', ({ requestId }) => void saveAll(requestId));
  }
  savers.add(save);
  return () => void savers.delete(save);
}
