import { useEffect, useState } from 'react';
import type { RevisionInfo } from '../../../../shared/model/drafts';
import type { Article } from '../../../../shared/model/article';
import { call } from '../../api/newsdesk';
import { ReadOnlyBody } from '../../editor/ReadOnlyBody';
import { ModalDialog } from '../../ui/components/ModalDialog';
import { formatPrecise, formatWords } from '../../ui/time';
import { titleOf } from './DraftListItem';
import { RevisionComparison } from './RevisionComparison';

const REASON_LABELS: Record<RevisionInfo['reason'], string> = {
  auto: 'Autosave',
  manual: 'Saved with Ctrl+S',
  'before-restore': 'Before a restore',
  created: 'Created',
};

interface Props {
  articleId: string;
  onClose: () => void;
  /** Restores the revision; resolves when the editor shows it (or rejects with a readable error). */
  onRestore: (revision: RevisionInfo) => Promise<void>;
  /** The article as it is now, to compare a revision with; without it there is no comparison. */
  current?: Article | null;
}

/** Revision history: list, read-only preview, restore. A modal <dialog>: focus is trapped, Esc closes. */
export function RevisionsDialog({ articleId, onClose, onRestore, current = null }: Props) {
  const [revisions, setRevisions] = useState<RevisionInfo[] | null>(null);
  const [selected, setSelected] = useState<RevisionInfo | null>(null);
  const [preview, setPreview] = useState<Article | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [comparing, setComparing] = useState(false);

  useEffect(() => {
    void call('drafts:revisions', { id: articleId }).then((result) => {
      if (!result.ok) return setError(result.error.message);
      const newestFirst = [...result.value].sort((a, b) => b.savedAt.localeCompare(a.savedAt));
      setRevisions(newestFirst);
      setSelected(newestFirst[0] ?? null);
    });
  }, [articleId]);

  useEffect(() => {
    if (!selected) return;
    let cancelled = false;
    setPreview(null);
    void call('drafts:getRevision', { id: articleId, revisionId: selected.revisionId }).then((result) => {
      if (cancelled) return;
      if (result.ok) setPreview(result.value);
      else setError(result.error.message);
    });
    return () => {
      cancelled = true;
    };
  }, [articleId, selected]);

  const restore = async () => {
    if (!selected) return;
    setRestoring(true);
    setError(null);
    try {
      await onRestore(selected);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : 'The revision could not be restored.');
      setRestoring(false);
    }
  };

  return (
    <ModalDialog className="nd-revisions" titleId="nd-revisions-title" title="Revision history" closeLabel="Close revision history" error={error} onClose={onClose}>
      <div className="nd-revisions__body">
        <ul className="nd-revisions__list" aria-label="Revisions">
          {revisions?.length === 0 && <li className="nd-revisions__empty">No revisions yet.</li>}
          {revisions?.map((revision) => (
            <li key={revision.revisionId}>
              <button
                type="button"
                className="nd-revision"
                aria-current={selected?.revisionId === revision.revisionId ? 'true' : undefined}
                data-testid="revision"
                onClick={() => setSelected(revision)}
              >
                <span className="nd-revision__time">{formatPrecise(revision.savedAt)}</span>
                <span className="nd-revision__meta">
                  {REASON_LABELS[revision.reason]} · {formatWords(revision.wordCount)}
                </span>
                <span className="nd-revision__headline">{titleOf(revision)}</span>
              </button>
            </li>
          ))}
        </ul>
        <section className="nd-revisions__preview" aria-label="Preview" data-testid="revision-preview">
          {current && preview && (
            <label className="nd-compare__toggle">
              <input type="checkbox" checked={comparing} onChange={(event) => setComparing(event.target.checked)} />
              Compare with the current text
            </label>
          )}
          {preview && comparing && current ? (
            <RevisionComparison revision={preview} current={current} />
          ) : preview ? (
            <>
              <h3 className="nd-preview__headline">{titleOf(preview)}</h3>
              {preview.dek && <p className="nd-preview__dek">{preview.dek}</p>}
              <ReadOnlyBody key={selected?.revisionId} body={preview.body} label="Revision text" />
            </>
          ) : (
            <p className="nd-revisions__loading">{selected ? 'Loading…' : 'Choose a revision to preview it.'}</p>
          )}
        </section>
      </div>
      <footer className="nd-dialog__foot">
        <p className="nd-dialog__note">Restoring keeps the current text as a revision too, so nothing is lost.</p>
        <button type="button" className="nd-button" onClick={onClose}>
          Close
        </button>
        <button type="button" className="nd-button nd-button--primary" disabled={!preview || restoring} onClick={() => void restore()}>
          {restoring ? 'Restoring…' : 'Restore this version'}
        </button>
      </footer>
    </ModalDialog>
  );
}
