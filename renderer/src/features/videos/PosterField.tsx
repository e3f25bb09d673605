import { useEffect, useId, useState } from 'react';
import type { Photo } from '../../../../shared/model/photo';
import type { PhotoUse } from '../../../../shared/model/photo-use';
import type { CreditStyle } from '../../../../shared/model/settings';
import { call } from '../../api/newsdesk';
import { PhotoUseEditor } from '../../ui/photos/PhotoUseEditor';
import { Thumbnail } from '../../ui/photos/Thumbnail';

interface PosterFieldProps {
  poster: PhotoUse | null;
  creditStyle: CreditStyle;
  /** Whether the house credit style has been read (until then an unedited credit is not followed). */
  styleReady: boolean;
  onChoose(): void;
  onChange(poster: PhotoUse | null): void;
}

type Lookup = { status: 'loading' | 'missing'; photo: null } | { status: 'found'; photo: Photo };

/** The poster's photo from the library, for its house credit and restrictions. */
function usePosterPhoto(id: string | null): Lookup {
  const [lookup, setLookup] = useState<Lookup>({ status: 'loading', photo: null });
  useEffect(() => {
    if (!id) return;
    let cancelled = false;
    setLookup({ status: 'loading', photo: null });
    void call('media:get', { id }).then((result) => {
      if (cancelled) return;
      setLookup(result.ok ? { status: 'found', photo: result.value } : { status: 'missing', photo: null });
    });
    return () => {
      cancelled = true;
    };
  }, [id]);
  return lookup;
}

/**
 * The video's poster: a photo from the library, credited like any photo in an article. Its caption,
 * credit (house style, editable, with where it came from) and alt text belong to this video.
 */
export function PosterField({ poster, creditStyle, styleReady, onChoose, onChange }: PosterFieldProps) {
  const labelId = useId();
  const lookup = usePosterPhoto(poster?.photoId ?? null);

  const uncredited = poster !== null && poster.credit.trim() === '';

  return (
    <section className="nd-poster" role="group" aria-labelledby={labelId} data-testid="video-poster">
      <div className="nd-poster__head">
        <span className="nd-field__label" id={labelId}>
          Poster
        </span>
        <button type="button" className="nd-button nd-button--small" onClick={onChoose}>
          Choose poster…
        </button>
        {poster && (
          <button type="button" className="nd-button nd-button--small nd-button--ghost" onClick={() => onChange(null)}>
            Remove
          </button>
        )}
      </div>
      {poster ? (
        <div className="nd-poster__chosen">
          <div className="nd-poster__picture">
            <Thumbnail id={poster.photoId} alt={poster.altText} />
            {uncredited && <span className="nd-badge nd-badge--danger nd-poster__badge">No credit</span>}
          </div>
          <div className="nd-poster__fields">
            <PhotoUseEditor
              use={poster}
              photo={lookup.photo}
              missing={lookup.status === 'missing'}
              missingMessage="This photo is no longer in the library. Choose another poster."
              creditStyle={creditStyle}
              styleReady={styleReady}
              captionRows={2}
              onChange={onChange}
            />
          </div>
        </div>
      ) : (
        <p className="nd-poster__empty">No poster yet. Readers see it before the video plays; choose a credited photo from the library.</p>
      )}
    </section>
  );
}
