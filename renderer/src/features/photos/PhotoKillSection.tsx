import { useState } from 'react';
import type { Photo } from '../../../../shared/model/photo';
import { KillPhotoDialog } from './KillPhotoDialog';

/** In the photo's details: its kill notice when killed (and where it is still used), else the Kill… button. */
export function PhotoKillSection({ photo, onKilled }: { photo: Photo; onKilled(photo: Photo): void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      {photo.kill ? (
        <div className="nd-photo-killed" role="note" data-testid="photo-killed">
          <strong>Killed {photo.kill.at.slice(0, 10)}:</strong> {photo.kill.reason} It can no longer be placed or published.{' '}
          <button type="button" className="nd-link-button" onClick={() => setOpen(true)}>
            Where it is used…
          </button>
        </div>
      ) : (
        <button type="button" className="nd-button nd-button--small nd-button--danger" data-testid="kill-photo" onClick={() => setOpen(true)}>
          Kill…
        </button>
      )}
      {open && (
        <KillPhotoDialog
          photo={photo}
          onClose={() => setOpen(false)}
          onKilled={(photos) => {
            const self = photos.find((each) => each.id === photo.id);
            if (self) onKilled(self);
          }}
        />
      )}
    </>
  );
}
