import type { MouseEvent } from 'react';
import type { Photo } from '../../../../shared/model/photo';
import type { Restriction } from '../../../../shared/rules/rights';
import { photoName } from './photo-display';
import { Thumbnail } from '../../ui/photos/Thumbnail';

/** Badges shown on a tile; the rest are counted in a "+2" badge (all are in the details panel). */
const MAX_BADGES = 2;

interface PhotoTileProps {
  photo: Photo;
  /** The credit in house style; "" shows the "No credit" badge. */
  credit: string;
  restrictions: readonly Restriction[];
  domId: string;
  selected: boolean;
  active: boolean;
  onClick(event: MouseEvent): void;
  onDoubleClick(): void;
}

/** One photo in a grid: thumbnail, name, credit, and badges for what needs attention. */
export function PhotoTile({ photo, credit, restrictions, domId, selected, active, onClick, onDoubleClick }: PhotoTileProps) {
  const name = photoName(photo);
  const label = [photo.fileName, credit ? `Credit: ${credit}` : 'No credit', ...restrictions.map((r) => r.label)].join('. ');
  const className = ['nd-tile', selected && 'nd-tile--selected', active && 'nd-tile--active'].filter(Boolean).join(' ');
  return (
    <div
      id={domId}
      role="option"
      aria-selected={selected}
      aria-label={label}
      className={className}
      data-testid="photo-tile"
      data-photo-id={photo.id}
      onClick={onClick}
      onDoubleClick={onDoubleClick}
    >
      <div className="nd-tile__frame">
        <Thumbnail id={photo.id} />
        {selected && (
          <span className="nd-tile__check" aria-hidden="true">
            ✓
          </span>
        )}
      </div>
      <div className="nd-tile__name" title={name}>
        {name}
      </div>
      <div className="nd-tile__credit" title={credit}>
        {credit || <span className="nd-badge nd-badge--danger">No credit</span>}
      </div>
      {restrictions.length > 0 && (
        <ul className="nd-tile__badges" aria-hidden="true">
          {restrictions.slice(0, MAX_BADGES).map((restriction) => (
            <li key={`${restriction.kind}:${restriction.label}`} className="nd-badge nd-badge--warning" title={restriction.detail}>
              {restriction.label}
            </li>
          ))}
          {restrictions.length > MAX_BADGES && (
            <li className="nd-badge nd-badge--warning" title={restrictions.slice(MAX_BADGES).map((r) => r.label).join(', ')}>
              +{restrictions.length - MAX_BADGES}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
