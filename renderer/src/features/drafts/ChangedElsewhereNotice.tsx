import { Icon } from '../../ui/components/Icon';
import type { DraftSession } from './useDraftSession';
import { useChangedElsewhere } from './useChangedElsewhere';

/** Above the editor when the open story was changed in another window: reload it, or keep this text. */
export function ChangedElsewhereNotice({ session }: { session: DraftSession }) {
  const { changed, reload, keepMine } = useChangedElsewhere(session);
  if (!changed) return null;
  return (
    <div className="nd-banner nd-banner--warning" role="alert" data-testid="changed-elsewhere">
      <Icon name="warning" />
      <div className="nd-banner__text">
        <p className="nd-banner__title">This story was changed in another window. Changes here are not being saved.</p>
      </div>
      <button type="button" className="nd-button" onClick={() => void reload()}>
        Reload
      </button>
      <button type="button" className="nd-button" onClick={keepMine}>
        Keep this version
      </button>
    </div>
  );
}
