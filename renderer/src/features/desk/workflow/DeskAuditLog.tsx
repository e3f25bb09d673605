import { useCallback, useEffect, useState } from 'react';
import { AUDIT_KIND_LABELS, AUDIT_KINDS, type AuditEntry, type AuditKind } from '../../../../../shared/desk/audit';
import { call } from '../../../api/newsdesk';
import { ModalDialog } from '../../../ui/components/ModalDialog';
import { AuditTable } from './AuditTable';
import { isSignedIn } from '../desk-labels';
import { useDeskStatus } from '../desk-status';

const PAGE = 50;

interface Page {
  entries: AuditEntry[];
  more: boolean;
}

/**
 * The whole desk's log, newest first: every status change, assignment, publish and credit edit,
 * who and when, filtered by kind and read a page at a time ("Show older"). The desk decides who
 * may read it (editors, publishers, admins); anyone else sees the desk's reason.
 */
export function DeskAuditLogDialog({ onClose }: { onClose(): void }) {
  const [kind, setKind] = useState<AuditKind | 'all'>('all');
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [headlines, setHeadlines] = useState<ReadonlyMap<string, string>>(new Map());

  const read = useCallback(async (before: string | undefined, shown: AuditEntry[]) => {
    setBusy(true);
    const result = await call('desk:deskAudit', { limit: PAGE, ...(kind === 'all' ? {} : { kind }), ...(before ? { before } : {}) });
    setBusy(false);
    if (!result.ok) {
      setError(`The desk’s audit log could not be read: ${result.error.message}`);
      return;
    }
    setError(null);
    setPage({ entries: [...shown, ...result.value.entries], more: result.value.more });
  }, [kind]);

  useEffect(() => {
    setPage(null);
    void read(undefined, []);
  }, [read]);

  useEffect(() => {
    let cancelled = false;
    // Headlines only make the log easier to read: without them it names the story by its id.
    void call('desk:stories', {}).then((result) => {
      if (!cancelled && result.ok) setHeadlines(new Map(result.value.stories.map((story) => [story.storyId, story.headline])));
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const storyOf = (entry: AuditEntry): string => (entry.storyId === null ? 'The desk' : headlines.get(entry.storyId) || entry.storyId);

  return (
    <ModalDialog title="Desk audit log" className="nd-audit-dialog" testId="desk-audit-dialog" error={error} onClose={onClose}>
      <div className="nd-audit-dialog__body">
        <label className="nd-audit-dialog__filter">
          <span className="nd-field__label">Show</span>
          <select className="nd-input" data-testid="desk-audit-kind" value={kind} onChange={(event) => setKind(event.target.value as AuditKind | 'all')}>
            <option value="all">Everything</option>
            {AUDIT_KINDS.map((option) => (
              <option key={option} value={option}>
                {AUDIT_KIND_LABELS[option]}
              </option>
            ))}
          </select>
        </label>
        {page === null && !error && <p>Reading the desk’s log…</p>}
        {page?.entries.length === 0 && <p>Nothing of this kind recorded yet.</p>}
        {page && page.entries.length > 0 && (
          <AuditTable entries={page.entries} rowTestId="desk-audit-entry" storyOf={storyOf} />
        )}
      </div>
      <footer className="nd-dialog__foot">
        {page?.more && (
          <button type="button" className="nd-button" disabled={busy} onClick={() => void read(page.entries.at(-1)?.id, page.entries)}>
            {busy ? 'Reading…' : 'Show older'}
          </button>
        )}
        <button type="button" className="nd-button nd-button--primary" onClick={onClose}>
          Close
        </button>
      </footer>
    </ModalDialog>
  );
}

/** "Desk audit log…" beside the desk chip, while signed in to a desk. */
export function DeskAuditLogButton() {
  const status = useDeskStatus();
  const [open, setOpen] = useState(false);
  if (!isSignedIn(status)) return null;
  return (
    <>
      <button type="button" className="nd-button nd-button--small nd-desk-audit-button" data-testid="desk-audit-open" onClick={() => setOpen(true)}>
        Desk audit log…
      </button>
      {open && <DeskAuditLogDialog onClose={() => setOpen(false)} />}
    </>
  );
}
