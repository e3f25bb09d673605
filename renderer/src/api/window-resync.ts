/**
 * Calls `listener` when this window may have missed main's change events: it gained focus or
 * became visible again. Windows that follow events (the outbox, the drafts) read again then, so a
 * window that was not listening still converges. Returns the function that stops listening.
 */
export function onWindowResync(listener: () => void): () => void {
  const onVisible = () => {
    if (document.visibilityState === 'visible') listener();
  };
  window.addEventListener('focus', listener);
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    window.removeEventListener('focus', listener);
    document.removeEventListener('visibilitychange', onVisible);
  };
}
