import type { BrowserWindow, MessageBoxOptions } from 'electron';
import type { SavedBeforeClose } from '../../../shared/ipc/desktop-contract';
import { sendAppEvent } from '../desktop/app-events';

/**
 * Closing a window, or quitting, while its page still holds unsaved work. The page refuses
 * `beforeunload` then; Electron shows no prompt for that: it cancels the close and, if a quit was
 * under way, the quit too (webContents 'will-prevent-unload'). Left alone, a save that keeps
 * failing would leave a window that can never close and a Quit that does nothing.
 *
 * So main takes over: it asks the page to save (event 'app:saveBeforeClose'), and closes the window
 * once the page answers that everything is saved ('app:savedBeforeClose'). When the save fails (or
 * the page does not answer) the person is asked, with the reason: Save Again, Discard Changes, or
 * Keep Editing. A quit that a window held up goes on once that window has closed; Keep Editing
 * cancels it, leaving the app as it was.
 */

/** A page that does not answer within this long counts as a failed save (it may be hung). */
export const SAVE_ANSWER_TIMEOUT_MS = 15_000;

export const CLOSE_CHOICES = ['Save Again', 'Discard Changes', 'Keep Editing'] as const;
const SAVE_AGAIN = 0;
const DISCARD = 1;
const KEEP_EDITING = 2;

type GuardedWindow = Pick<BrowserWindow, 'on' | 'once' | 'close' | 'isDestroyed'> & {
  webContents: Pick<BrowserWindow['webContents'], 'id' | 'on' | 'isDestroyed' | 'send'>;
};

export interface CloseGuardDeps {
  app: { on(event: 'before-quit', listener: () => void): unknown; quit(): void };
  showMessageBox(win: BrowserWindow, options: MessageBoxOptions): Promise<{ response: number }>;
  log?: (message: string) => void;
  answerTimeoutMs?: number;
}

export interface CloseGuard {
  /** Handles the page's veto for this window from now on. */
  watch(win: GuardedWindow): void;
  /** A window's answer ('app:savedBeforeClose'); answers nobody asked for are ignored. */
  savedBeforeClose(senderId: number, answer: SavedBeforeClose): void;
}

type Answer = { saved: true } | { saved: false; reason: string };

interface WatchedWindow {
  win: GuardedWindow;
  /** 'close' was emitted: the veto that follows is about closing, not a reload. */
  closing: boolean;
  /** Saved or discarded: the next veto is overruled and the page unloads. */
  release: boolean;
  /** A save or the dialog is under way; another close waits for its outcome. */
  busy: boolean;
  waiting: { requestId: number; finish(answer: Answer): void } | null;
}

export function createCloseGuard(deps: CloseGuardDeps): CloseGuard {
  const log = deps.log ?? (() => undefined);
  const timeoutMs = deps.answerTimeoutMs ?? SAVE_ANSWER_TIMEOUT_MS;
  const watched = new Map<number, WatchedWindow>();
  let nextRequestId = 1;
  /** Set by every app.quit() (Cmd+Q, the menu, the last window on Windows and Linux). */
  let quitRequested = false;
  deps.app.on('before-quit', () => {
    quitRequested = true;
  });

  const askPageToSave = (entry: WatchedWindow): Promise<Answer> =>
    new Promise((resolve) => {
      const requestId = nextRequestId++;
      const timer = setTimeout(() => {
        finish({ saved: false, reason: `The window did not answer within ${Math.round(timeoutMs / 1000)} seconds, so Newsdesk cannot tell whether its latest changes were saved.` });
      }, timeoutMs);
      function finish(answer: Answer): void {
        clearTimeout(timer);
        if (entry.waiting?.requestId === requestId) entry.waiting = null;
        resolve(answer);
      }
      entry.waiting = { requestId, finish };
      sendAppEvent(entry.win.webContents, 'app:saveBeforeClose', { requestId });
    });

  const askPerson = async (entry: WatchedWindow, reason: string): Promise<number> => {
    try {
      const { response } = await deps.showMessageBox(entry.win as BrowserWindow, {
        type: 'warning',
        title: 'Unsaved changes',
        message: 'Your latest changes could not be saved.',
        detail: `${reason}\n\nSave again to try once more, discard the changes to close anyway, or keep editing.`,
        buttons: [...CLOSE_CHOICES],
        defaultId: SAVE_AGAIN,
        // Escape (or closing the dialog) keeps the window: nothing is lost by that choice.
        cancelId: KEEP_EDITING,
        noLink: true,
      });
      return response;
    } catch (error) {
      log(`The unsaved-changes dialog failed: ${String(error)}`);
      return KEEP_EDITING;
    }
  };

  const closeNow = (entry: WatchedWindow): void => {
    // The quit this window held up was cancelled by Electron; it goes on once the window is gone.
    if (quitRequested) entry.win.once('closed', () => deps.app.quit());
    entry.release = true;
    entry.win.close();
  };

  const settle = async (entry: WatchedWindow): Promise<void> => {
    for (;;) {
      const answer = await askPageToSave(entry);
      if (entry.win.isDestroyed()) return;
      if (answer.saved) return closeNow(entry);
      log(`Window ${entry.win.webContents.id} could not save before closing: ${answer.reason}`);
      const choice = await askPerson(entry, answer.reason);
      if (entry.win.isDestroyed()) return;
      if (choice === SAVE_AGAIN) continue;
      if (choice === DISCARD) {
        log(`Window ${entry.win.webContents.id}: unsaved changes discarded on close`);
        return closeNow(entry);
      }
      quitRequested = false;
      return;
    }
  };

  return {
    watch(win) {
      const id = win.webContents.id;
      const entry: WatchedWindow = { win, closing: false, release: false, busy: false, waiting: null };
      watched.set(id, entry);
      win.on('close', () => {
        entry.closing = true;
      });
      win.webContents.on('will-prevent-unload', (event) => {
        if (entry.release) {
          // preventDefault here means "unload anyway": the person chose, or everything is saved.
          event.preventDefault();
          return;
        }
        const closing = entry.closing;
        entry.closing = false;
        // A reload or navigation the page refused (only the developer menu's Reload can ask for
        // one): it stays cancelled, and the page's own save on beforeunload lets the next one pass.
        if (!closing || entry.busy) return;
        entry.busy = true;
        void settle(entry)
          .catch((error: unknown) => log(`Closing window ${id} failed: ${String(error)}`))
          .finally(() => {
            entry.busy = false;
          });
      });
      // A page that crashed while asked to save will not answer: no need to wait for the timeout.
      win.webContents.on('render-process-gone', () => {
        entry.waiting?.finish({ saved: false, reason: 'The window’s page stopped before it could save.' });
      });
      win.on('closed', () => {
        // Gone some other way while main was busy with it (the page closed itself, it was
        // destroyed): a quit it held up still goes on.
        if (entry.busy && !entry.release && quitRequested) deps.app.quit();
        entry.waiting?.finish({ saved: true });
        watched.delete(id);
      });
    },
    savedBeforeClose(senderId, answer) {
      const waiting = watched.get(senderId)?.waiting;
      if (!waiting || waiting.requestId !== answer.requestId) return;
      waiting.finish(answer.saved ? { saved: true } : { saved: false, reason: answer.reason });
    },
  };
}
