import { useState, type ReactNode } from 'react';
import type { PhotoUse } from '../../../../shared/model/photo-use';
import { captionWithCredit } from '../../../../shared/rules/photo-use';
import { originalUrl } from '../../ui/photos/photo-urls';

interface ReaderFigureProps {
  use: PhotoUse;
  className: string;
  testId: string;
  /** Drawn over the picture (a video poster's play mark and duration). */
  overlay?: ReactNode;
}

/**
 * A photo as readers get it: the picture, then "caption (credit)" from the same rule the editor,
 * exports and publishing use. The picture comes from the local library only; when it cannot be
 * loaded the caption and credit still show, under a plain note.
 */
export function ReaderFigure({ use, className, testId, overlay }: ReaderFigureProps) {
  // Remembered per photo, so a figure given another photo tries to load it.
  const [brokenId, setBrokenId] = useState<string | null>(null);
  const broken = brokenId === use.photoId;
  const caption = captionWithCredit(use.caption, use.credit);
  return (
    <figure className={className} data-testid={testId} data-photo-id={use.photoId}>
      <div className="nd-reader-figure__media">
        {broken ? (
          <div className="nd-reader-figure__missing" role="img" aria-label={use.altText || 'Missing photo'}>
            The picture could not be loaded from the photo library.
          </div>
        ) : (
          <img src={originalUrl(use.photoId)} alt={use.altText} decoding="async" onError={() => setBrokenId(use.photoId)} />
        )}
        {overlay}
      </div>
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
