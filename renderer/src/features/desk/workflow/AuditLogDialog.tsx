import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../../../shared/desk/audit';
import { call } from '../../../api/newsdesk';
import { ModalDialog } from '../../../ui/components/ModalDialog';
import { AuditTable } from './AuditTable';

/** Who did what to a desk story, and when, newest first, as the desk server records it. */
export function AuditLogDialog({ articleId, title, onClose }: { articleId: string; title: string; onClose(): void }) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    void call('desk:audit', { id: articleId }).then((result) => {
      if (cancelled) return;
      if (result.ok) setEntries(result.value.entries);
      else setError(`The audit log could not be read: ${result.error.message}`);
    });
    return () => {
      cancelled = true;
    };
  }, [articleId]);

  return (
    <ModalDialog title={`Audit log — ${title || 'Untitled'}`} className="nd-audit-dialog" testId="audit-dialog" error={error} onClose={onClose}>
      <div className="nd-audit-dialog__body">
        {entries === null && !error && <p>Reading the desk’s log…</p>}
        {entries?.length === 0 && <p>Nothing recorded yet.</p>}
        {entries && entries.length > 0 && (
          <AuditTable entries={entries} rowTestId="audit-entry" />
        )}
      </div>
      <footer className="nd-dialog__foot">
        <button type="button" className="nd-button nd-button--primary" onClick={onClose}>
          Close
        </button>
      </footer>
    </ModalDialog>
  );
}
