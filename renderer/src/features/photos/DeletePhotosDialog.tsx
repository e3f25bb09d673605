import type { PhotoUsage } from '../../../../shared/model/media-library';
import { ModalDialog } from '../../ui/components/ModalDialog';
import { countPhotos } from './photo-display';

interface DeletePhotosDialogProps {
  /** How many photos are being deleted in all (some may not be in use). */
  count: number;
  inUse: PhotoUsage[];
  onConfirm(): void;
  onCancel(): void;
}

/** "These photos are in use": where each is used, before anything moves to the trash. */
export function DeletePhotosDialog({ count, inUse, onConfirm, onCancel }: DeletePhotosDialogProps) {
  const title = inUse.length === 1 ? 'This photo is in use' : `${countPhotos(inUse.length)} are in use`;
  return (
    <ModalDialog className="nd-photo-delete" testId="photo-delete-dialog" title={title} onClose={onCancel}>
      <div className="nd-photo-delete__body">
        <p>
          Moved to the trash, {inUse.length === 1 ? 'it' : 'they'} will be missing from these stories and videos until restored, and the
          pre-publish check will stop them:
        </p>
        <ul className="nd-photo-delete__uses" aria-label="Where the photos are used">
          {inUse.map((usage) => (
            <li key={usage.photoId}>
              <strong>{usage.fileName}</strong>
              <ul>
                {usage.places.map((place) => (
                  <li key={`${place.kind}:${place.id}`}>
                    {place.kind === 'article' ? 'Article' : 'Video'}: {place.title}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </div>
      <footer className="nd-dialog__foot">
        <button type="button" className="nd-button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="nd-button nd-button--danger" onClick={onConfirm}>
          Move {countPhotos(count)} to Trash
        </button>
      </footer>
    </ModalDialog>
  );
}
