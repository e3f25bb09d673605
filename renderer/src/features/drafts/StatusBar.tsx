import type { BodyStats } from '../../editor/plugins/ChangePlugin';
import { formatClock, formatWords } from '../../ui/time';
import type { SaveState } from './autosave';

export function saveLabel(state: SaveState): string {
  switch (state.kind) {
    case 'saved':
      return 'Saved';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'error':
      return `Not saved: ${state.message}`;
  }
}

/** Under the text: live word count and read time, and the save state (never "Saved" too early). */
export function StatusBar({ stats, saveState, onRetry }: { stats: BodyStats | null; saveState: SaveState; onRetry: () => void }) {
  const savedTitle = saveState.kind === 'saved' && saveState.at ? `Saved at ${formatClock(saveState.at)}` : undefined;
  return (
    <footer className="nd-statusbar">
      <span className="nd-statusbar__stats">
        <span data-testid="word-count">{formatWords(stats?.words ?? 0)}</span>
        <span aria-hidden="true">·</span>
        <span data-testid="read-time">{stats?.label ?? '1 min read'}</span>
      </span>
      <span className={`nd-save nd-save--${saveState.kind}`} role="status" aria-live="polite" data-testid="save-state" title={savedTitle}>
        <span className="nd-save__dot" aria-hidden="true" />
        {saveLabel(saveState)}
        {saveState.kind === 'error' && saveState.retrying && <span className="nd-save__retry"> (retrying…)</span>}
      </span>
      {saveState.kind === 'error' && !saveState.retrying && (
        <button type="button" className="nd-link-button" onClick={onRetry}>
          Try again
        </button>
      )}
    </footer>
  );
}
