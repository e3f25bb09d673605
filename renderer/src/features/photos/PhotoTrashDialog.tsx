import { useCallback, useEffect, useState } from 'react';
import type { TrashedPhoto } from '../../../../shared/model/media-library';
import { call } from '../../api/newsdesk';
import { ModalDialog } from '../../ui/components/ModalDialog';
import { useNotify } from '../../ui/components/Toasts';
import { formatFull } from '../../ui/time';
import { countPhotos } from './photo-display';
import { thumbnailUrl } from '../../ui/photos/photo-urls';

interface PhotoTrashDialogProps {
  onClose(): void;
  /** Photos put back into the library. */
  onRestored(): void;
}

/** The photo trash: what was deleted and when, Restore per photo, and Empty Trash after a confirmation. */
export function PhotoTrashDialog({ onClose, onRestored }: PhotoTrashDialogProps) {
  const notify = useNotify();
  const [items, setItems] = useState<TrashedPhoto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmingEmpty, setConfirmingEmpty] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await call('media:listTrash', {});
    if (result.ok) setItems(result.value);
    else setError(result.error.message);
  }, []);
  useEffect(() => void load(), [load]);

  const restore = async (item: TrashedPhoto) => {
    setBusy(true);
    try {
      const result = await call('media:restoreFromTrash', { ids: [item.photo.id] });
      if (!result.ok) return setError(result.error.message);
      setError(null);
      notify(`Restored “${item.photo.fileName}” to the library.`);
      onRestored();
      await load();
    } finally {
      setBusy(false);
    }
  };

  const empty = async () => {
    setBusy(true);
    try {
      const result = await call('media:emptyTrash', {});
      setConfirmingEmpty(false);
      if (!result.ok) setError(result.error.message);
      else notify(`Deleted ${countPhotos(result.value.removed)} for good.`);
      await load();
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalDialog className="nd-photo-trash" testId="photo-trash-dialog" title="Photo Trash" error={error} onClose={onClose}>
      <div className="nd-photo-trash__body">
        {items === null ? (
          <p>Loading…</p>
        ) : items.length === 0 ? (
          <p className="nd-photo-trash__empty">The trash is empty.</p>
        ) : (
          <ul className="nd-photo-trash__list" aria-label="Deleted photos">
            {items.map((item) => (
              <li key={item.photo.id} className="nd-photo-trash__item">
                <img src={thumbnailUrl(item.photo.id)} alt="" className="nd-photo-trash__thumb" />
                <div className="nd-photo-trash__text">
                  <strong>{item.photo.fileName}</strong>
                  <span>{item.photo.metadata.description || item.photo.metadata.headline || 'No caption'}</span>
                  <span className="nd-photo-trash__when">Deleted {formatFull(item.trashedAt)}</span>
                </div>
                <button type="button" className="nd-button" disabled={busy} onClick={() => void restore(item)} aria-label={`Restore ${item.photo.fileName}`}>
                  Restore
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <footer className="nd-dialog__foot">
        {confirmingEmpty ? (
          <>
            <p className="nd-dialog__note" role="alert">
              Delete {countPhotos(items?.length ?? 0)} for good? This cannot be undone.
            </p>
            <button type="button" className="nd-button" onClick={() => setConfirmingEmpty(false)}>
              Keep Them
            </button>
            <button type="button" className="nd-button nd-button--danger" disabled={busy} onClick={() => void empty()}>
              Delete for Good
            </button>
          </>
        ) : (
          <>
            <p className="nd-dialog__note">Photos stay here until the trash is emptied.</p>
            <button type="button" className="nd-button nd-button--danger" disabled={busy || !items || items.length === 0} onClick={() => setConfirmingEmpty(true)}>
              Empty Trash…
            </button>
            <button type="button" className="nd-button nd-button--primary" onClick={onClose}>
              Done
            </button>
          </>
        )}
      </footer>
    </ModalDialog>
  );
}
