import { useState } from 'react';
import type { BudgetEntry } from '../../../../../shared/desk/budget';
import type { DeskPhoto } from '../../../../../shared/desk/photos';
import { call } from '../../../api/newsdesk';
import { useNotify } from '../../../ui/components/Toasts';
import { useBudget } from '../budget/useBudget';
import './photo-request.css';

const nameOf = (photo: DeskPhoto): string => photo.metadata.headline || photo.provenance.fileName;

function RequestRow({ entry, photos, onAttached }: { entry: BudgetEntry; photos: DeskPhoto[]; onAttached(photo: DeskPhoto): void }) {
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headline = entry.headline || 'Untitled';
  const photo = photos.find((candidate) => candidate.mediaId === chosen) ?? photos[0] ?? null;

  const attach = async () => {
    if (!photo) return;
    setBusy(true);
    setError(null);
    const result = await call('deskPhotos:fulfilRequest', { articleId: entry.storyId, mediaId: photo.mediaId });
    setBusy(false);
    if (result.ok) onAttached(photo);
    else setError(result.error.message);
  };

  return (
    <li className="nd-photo-requests__item" data-testid="photo-request-item" data-story={entry.storyId}>
      <strong>{headline}</strong>
      <span className="nd-photo-requests__wanted">Photo wanted: {entry.photoWanted}</span>
      {photos.length === 0 ? (
        <span className="nd-photo-requests__wanted">Share a photo to the desk to attach it here.</span>
      ) : (
        <div className="nd-photo-requests__attach">
          <select className="nd-input" aria-label={`Desk photo for ${headline}`} value={photo?.mediaId ?? ''} onChange={(event) => setChosen(event.target.value)}>
            {photos.map((candidate) => (
              <option key={candidate.mediaId} value={candidate.mediaId}>
                {nameOf(candidate)}
              </option>
            ))}
          </select>
          <button type="button" className="nd-button nd-button--small nd-button--primary" disabled={busy} onClick={() => void attach()}>
            {busy ? 'Attaching…' : 'Attach'}
          </button>
        </div>
      )}
      {error && (
        <p className="nd-photo-request__error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/**
 * The desk's open photo requests, for the photo desk: every story (planned or not) whose document
 * asks for a photo it does not have yet, as the budget shows them. Attaching a desk photo places
 * it as the story's lead with its credit and marks the request ready on every desktop.
 */
export function PhotoRequestsList({ photos }: { photos: DeskPhoto[] }) {
  const { budget } = useBudget();
  const notify = useNotify();
  const open = budget.entries.filter((entry) => entry.photo === 'wanted' && entry.photoWanted !== '');
  if (budget.state === 'signed-out') return null;
  return (
    <section className="nd-photo-requests" aria-label="Photo requests" data-testid="photo-requests">
      <h3 className="nd-pane-title">Photo requests</h3>
      {open.length === 0 ? (
        <p className="nd-library__hint">No story is waiting for a photo.</p>
      ) : (
        <ul className="nd-photo-requests__list">
          {open.map((entry) => (
            <RequestRow key={entry.storyId} entry={entry} photos={photos} onAttached={(photo) => notify(`Attached “${nameOf(photo)}” to “${entry.headline || 'Untitled'}”: photo ready.`)} />
          ))}
        </ul>
      )}
    </section>
  );
}
