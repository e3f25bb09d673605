import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../api/newsdesk';
import { savedByOtherEditor } from '../../editor/collab/story-link';
import type { DraftSession } from './useDraftSession';
import { useDraftsChanged } from './useDraftsChanged';

export interface ChangedElsewhere {
  /** The open story on disk is not the version this window saved or loaded last. */
  changed: boolean;
  /** Opens the version on disk; this window's unsaved edits are dropped. */
  reload(): Promise<void>;
  /** Keeps this window's text: saving resumes and replaces the other version. */
  keepMine(): void;
}

/**
 * Notices when the open story was changed outside this window (another window, "take the site's
 * version" in publishing). Saves are held from then on, so this window never silently replaces
 * that change; the person chooses. A version written by another editor of the same shared document
 * (another window on this story) is not such a change: both windows hold the same document, so it
 * is taken as this window's own (see savedByOtherEditor).
 */
/**
 * Main wrote this version from the story document this window is bound to (the desk's changes while
 * the story was opening, before this editor attached): it holds nothing the editor lacks.
 */
async function writtenFromDocument(id: string, updatedAt: string): Promise<boolean> {
  const answer = await call('story:fileVersionFromDocument', { id, updatedAt });
  return answer.ok && answer.value;
}

export function useChangedElsewhere(session: DraftSession): ChangedElsewhere {
  const [changed, setChanged] = useState(false);
  const sessionRef = useRef(session);
  sessionRef.current = session;
  const id = session.article?.id ?? null;
  const checking = useRef(false);

  const check = useCallback(async (): Promise<void> => {
    const current = sessionRef.current;
    const openId = current.article?.id;
    if (!openId || checking.current) return;
    // This window's own save may be what changed the file: its answer (the new updatedAt) is still
    // on its way, so judge only once it has come back.
    if (current.saveState.get().kind === 'saving') {
      const stop = current.saveState.subscribe(() => {
        if (current.saveState.get().kind === 'saving') return;
        stop();
        void check();
      });
      return;
    }
    checking.current = true;
    try {
      const result = await call('drafts:get', { id: openId });
      const now = sessionRef.current;
      if (now.article?.id !== openId) return;
      if (now.saveState.get().kind === 'saving') {
        checking.current = false;
        void check();
        return;
      }
      // A story trashed or unreadable elsewhere is reported by the actions that need it, not here.
      if (result.ok && result.value.updatedAt !== now.savedUpdatedAt()) {
        const onDisk = result.value.updatedAt;
        // While the questions below are answered the window may take this very version itself (a
        // correction reloads the open story): then nothing was changed behind its back.
        const stillElsewhere = () => sessionRef.current.article?.id === openId && sessionRef.current.savedUpdatedAt() !== onDisk;
        if (now.link && ((await writtenFromDocument(openId, onDisk)) || (await savedByOtherEditor(now.link, onDisk)))) {
          if (stillElsewhere()) sessionRef.current.adoptSavedVersion(onDisk);
          return;
        }
        if (!stillElsewhere()) return;
        sessionRef.current.holdSaves(true);
        setChanged(true);
      }
    } finally {
      checking.current = false;
    }
  }, []);

  useDraftsChanged((ids) => {
    if (id && (ids === null || ids.includes(id))) void check();
  });

  // Another story opened (or this one reloaded): what was noticed belonged to the previous one.
  useEffect(() => setChanged(false), [session.loadKey]);

  const reload = useCallback(async () => {
    const openId = sessionRef.current.article?.id;
    if (!openId) return;
    // The shared document takes the file's version first: the editor shows the document, not the file.
    const result = await call('story:reloadFromFile', { id: openId });
    if (!result.ok) return;
    // The saver is held, so letting go of the open copy writes nothing over the version read here.
    sessionRef.current.load(result.value);
  }, []);

  const keepMine = useCallback(() => {
    sessionRef.current.holdSaves(false);
    setChanged(false);
  }, []);

  return { changed, reload, keepMine };
}
