import { useState } from 'react';
import { call } from '../../api/newsdesk';
import { ModalDialog } from '../../ui/components/ModalDialog';
import { useDeskStatus } from './desk-status';

interface ShareToDeskDialogProps {
  id: string;
  title: string;
  /** The story is on the desk now (with its desk story id). */
  onShared(id: string, deskName: string): void;
  onClose(): void;
}

/**
 * Asks before a story of this machine goes on the desk (everyone on it can then read and edit
 * it), and says why when the desk refused. The story stays on this machine either way.
 */
export function ShareToDeskDialog({ id, title, onShared, onClose }: ShareToDeskDialogProps) {
  const status = useDeskStatus();
  const deskName = status?.desk?.name ?? 'the desk';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Why the story stays where it is: it is already on another of the person's desks. */
  const [elsewhere, setElsewhere] = useState<string | null>(null);

  const share = async () => {
    setBusy(true);
    setError(null);
    const result = await call('desk:share', { id });
    setBusy(false);
    if (!result.ok) {
      setError(`“${title}” was not shared: ${result.error.message}`);
      return;
    }
    // A story shared earlier to another of the person's desks stays on that desk.
    const onDesk = result.value.deskId;
    if (status?.desk && onDesk !== status.desk.id) {
      const name = status.desks?.find((desk) => desk.id === onDesk)?.name ?? onDesk;
      // No question left to answer: the dialog says where the story is and offers only OK.
      setElsewhere(`“${title}” is already on ${name} and stays there. To work on it with that desk, choose ${name} under Preferences\u00a0›\u00a0Desk.`);
      return;
    }
    onShared(id, deskName);
  };

  return (
    <ModalDialog title="Share to desk" className="nd-share-dialog" testId="share-dialog" error={error} onClose={onClose}>
      <div className="nd-share-dialog__body">
        {elsewhere === null ? (
          <p>
            Put “{title}” on <strong>{deskName}</strong>? Everyone on the desk can then open and edit it with you. It stays on this machine too, and edits
            made offline sync when the desk is back.
          </p>
        ) : (
          <p role="status">{elsewhere}</p>
        )}
      </div>
      <footer className="nd-dialog__foot">
        <button type="button" className="nd-button" onClick={onClose} disabled={busy}>
          {elsewhere === null ? 'Cancel' : 'OK'}
        </button>
        {elsewhere === null && (
          <button type="button" className="nd-button nd-button--primary" onClick={() => void share()} disabled={busy} aria-busy={busy}>
            {busy ? 'Sharing…' : 'Share'}
          </button>
        )}
      </footer>
    </ModalDialog>
  );
}
