import type { BodyStats } from '../../editor/plugins/ChangePlugin';
import { useArticlePhotos } from '../../editor/photos/ArticlePhotosContext';
import type { CheckSummary } from '../article-photos';
import { formatClock, formatWords } from '../../ui/time';
import type { SaveState } from './autosave';
import { useStoreValue, type ValueStore } from './value-store';

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

interface StatusBarProps {
  stats: ValueStore<BodyStats | null>;
  saveState: ValueStore<SaveState>;
  onRetry: () => void;
  /** The pre-publish check in one line; a click opens the full list. */
  check: CheckSummary;
  onCheck: () => void;
}

/** Photos being imported from a drop or paste into the article, with a way to stop them. */
function ImportProgress() {
  const { imports } = useArticlePhotos();
  if (imports.length === 0) return null;
  const total = imports.reduce((sum, run) => sum + run.total, 0);
  const settled = imports.reduce((sum, run) => sum + run.settled, 0);
  return (
    <span className="nd-statusbar__import" data-testid="import-progress">
      Importing photos: {settled} of {total}
      <button type="button" className="nd-link-button" onClick={() => imports.forEach((run) => run.cancel())}>
        Cancel
      </button>
    </span>
  );
}

/** Word count and read time: re-rendered on its own as the count moves, about twice a second while typing. */
function BodyStatsLabel({ stats }: { stats: ValueStore<BodyStats | null> }) {
  const current = useStoreValue(stats);
  return (
    <span className="nd-statusbar__stats">
      <span data-testid="word-count">{formatWords(current?.words ?? 0)}</span>
      <span aria-hidden="true">·</span>
      <span data-testid="read-time">{current?.label ?? '1 min read'}</span>
    </span>
  );
}

/** The save state (never "Saved" too early), with a way to try again after a failure. */
function SaveStateLabel({ store, onRetry }: { store: ValueStore<SaveState>; onRetry: () => void }) {
  const saveState = useStoreValue(store);
  // An error too long for the bar is still readable in full on hover.
  const savedTitle = saveState.kind === 'saved' && saveState.at ? `Saved at ${formatClock(saveState.at)}` : saveState.kind === 'error' ? saveLabel(saveState) : undefined;
  return (
    <>
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
    </>
  );
}

/** Why a save failed, said in full just above the bar (the bar itself is one short line). */
function SaveAlert({ store }: { store: ValueStore<SaveState> }) {
  const saveState = useStoreValue(store);
  if (saveState.kind !== 'error') return null;
  return (
    <p className="nd-save-alert" role="alert" data-testid="save-alert">
      Not saved: {saveState.message}
    </p>
  );
}

/**
 * Under the text: live word count and read time, photo imports under way, what the pre-publish
 * check says, and the save state.
 */
export function StatusBar({ stats, saveState, onRetry, check, onCheck }: StatusBarProps) {
  return (
    <>
      <SaveAlert store={saveState} />
      <footer className="nd-statusbar">
        <BodyStatsLabel stats={stats} />
        <ImportProgress />
        <button type="button" className={`nd-statusbar__check nd-statusbar__check--${check.tone}`} data-testid="check-summary" onClick={onCheck}>
          {check.text}
        </button>
        <SaveStateLabel store={saveState} onRetry={onRetry} />
      </footer>
    </>
  );
}
