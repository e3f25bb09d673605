import { useState } from 'react';
import type { DeskPhoto } from '../../../../../shared/desk/photos';
import type { Photo } from '../../../../../shared/model/photo';
import { call } from '../../../api/newsdesk';
import { useNotify } from '../../../ui/components/Toasts';
import { PhotoRequestsList } from './PhotoRequestsList';
import { useDeskPhotos } from './useDeskPhotos';

interface DeskPhotosPanelProps {
  /** The one library photo selected, which "Share to desk" sends; null for none or several. */
  selected: Photo | null;
  /** Photos already in this library (by id), so a desk photo here says so instead of offering a fetch. */
  isLocal(mediaId: string): boolean;
  /** A desk photo arrived in this library. */
  onFetched(photo: Photo): void;
}

function percent(received: number, total: number): number {
  return total > 0 ? Math.min(100, Math.round((received / total) * 100)) : 0;
}

function DeskPhotoRow({ photo, thumbnail, local, transfer, onFetch }: {
  photo: DeskPhoto; thumbnail: string | undefined; local: boolean; transfer: { received: number; total: number } | undefined; onFetch(): void;
}) {
  const name = photo.metadata.headline || photo.provenance.fileName;
  return (
    <li className="nd-desk-photos__item" data-testid="desk-photo">
      {thumbnail ? <img className="nd-desk-photos__thumb" src={thumbnail} alt={photo.metadata.altText || name} /> : <span className="nd-desk-photos__thumb" aria-hidden="true" />}
      <div className="nd-desk-photos__facts">
        <strong>{name}</strong>
        <span className="nd-desk-photos__credit">{photo.credit || 'No credit'}</span>
        <span className="nd-desk-photos__who">Shared by {photo.sharedBy}</span>
        {transfer ? (
          <progress max={100} value={percent(transfer.received, transfer.total)} aria-label={`Fetching ${name}`}>
            {percent(transfer.received, transfer.total)}%
          </progress>
        ) : local ? (
          <span className="nd-desk-photos__here">In this library</span>
        ) : (
          <button type="button" className="nd-button" onClick={onFetch}>
            Fetch original ({(photo.bytes / 1024 / 1024).toFixed(1)} MB)
          </button>
        )}
      </div>
    </li>
  );
}

/**
 * The desk's shared photos under the library's selection panel, while signed in to a desk: each
 * with its thumbnail, credit and who shared it; "Fetch original" brings it into this library
 * with progress, after which it is placed like any local photo. "Share to desk" sends the
 * selected library photo with its credit and metadata.
 */
export function DeskPhotosPanel({ selected, isLocal, onFetched }: DeskPhotosPanelProps) {
  const notify = useNotify();
  const desk = useDeskPhotos();
  const [sharing, setSharing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!desk.signedIn) return null;

  const share = async (photo: Photo) => {
    setSharing(true);
    setError(null);
    const shared = await call('deskPhotos:share', { photoId: photo.id });
    setSharing(false);
    if (shared.ok) notify(`Shared “${photo.fileName}” to the desk, credited ${shared.value.credit || 'without a credit'}.`);
    else setError(shared.error.message);
  };
  const fetchOriginal = async (photo: DeskPhoto) => {
    setError(null);
    const fetched = await desk.fetchOriginal(photo);
    if (fetched.ok) onFetched(fetched.value);
    else setError(fetched.error.message);
  };

  return (
    <section className="nd-desk-photos" aria-label="Desk photos" data-testid="desk-photos">
      <h2 className="nd-pane-title">On the desk</h2>
      {selected && (
        <button type="button" className="nd-button nd-button--primary" disabled={sharing} onClick={() => void share(selected)}>
          {sharing ? 'Sharing…' : 'Share to desk'}
        </button>
      )}
      {error && (
        <p className="nd-list__error" role="alert">
          {error}
        </p>
      )}
      <PhotoRequestsList photos={desk.photos} />
      {desk.photos.length === 0 ? (
        <p className="nd-library__hint">No photos shared on the desk yet.</p>
      ) : (
        <ul className="nd-desk-photos__list">
          {desk.photos.map((photo) => (
            <DeskPhotoRow
              key={photo.mediaId}
              photo={photo}
              thumbnail={desk.thumbnails.get(photo.mediaId)}
              local={isLocal(photo.mediaId)}
              transfer={desk.transfers.get(photo.mediaId)}
              onFetch={() => void fetchOriginal(photo)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
