import { useEffect } from 'react';
import { registerSaveBeforeClose } from '../../api/save-before-close';
import type { DraftSession } from './useDraftSession';

/**
 * Closing the window with edits in flight: hold the close and start saving. In the desktop app
 * main then asks for the save ('app:saveBeforeClose') and closes the window, or asks the person
 * what to do if the save fails. A hidden window (another app in front, the laptop lid) saves too.
 */
export function useSaveOnClose(session: Pick<DraftSession, 'flush' | 'hasUnsavedChanges' | 'saveState'>): void {
  const { flush, hasUnsavedChanges, saveState } = session;
  // The save state is a store (read when asked, never a re-render of the desk).
  useEffect(
    () =>
      registerSaveBeforeClose(async () => {
        if (await flush()) return null;
        const state = saveState.get();
        return `The open article could not be saved${state.kind === 'error' ? `: ${state.message}` : '.'}`;
      }),
    [flush, saveState],
  );
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasUnsavedChanges()) return;
      event.preventDefault();
      event.returnValue = '';
      void flush();
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [flush, hasUnsavedChanges]);
}
