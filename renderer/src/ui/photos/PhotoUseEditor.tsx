import { useEffect, useId, useMemo, useState } from 'react';
import type { Photo } from '../../../../shared/model/photo';
import type { PhotoUse } from '../../../../shared/model/photo-use';
import type { CreditStyle } from '../../../../shared/model/settings';
import { buildCredit } from '../../../../shared/rules/credit';
import { followPhotoCredit, withCredit } from '../../../../shared/rules/photo-use';
import { findRestrictions } from '../../../../shared/rules/rights';
import { AltTextField, CreditField } from './PhotoUseFields';
import { RestrictionBadges } from './RestrictionBadges';

interface PhotoUseEditorProps {
  use: PhotoUse;
  /** The used photo as the library has it; null while it loads or when it is gone (`missing`). */
  photo: Photo | null;
  missing: boolean;
  /** Said when the photo is no longer in the library. */
  missingMessage: string;
  creditStyle: CreditStyle;
  /** Whether the house credit style has been read (until then an unedited credit is not followed). */
  styleReady: boolean;
  captionRows: number;
  onChange(use: PhotoUse): void;
}

/**
 * One use of a library photo (an article's lead photo, a video's poster): its restrictions, and
 * this use's caption, credit (house style, editable, with where it came from) and alt text.
 */
export function PhotoUseEditor({ use, photo, missing, missingMessage, creditStyle, styleReady, captionRows, onChange }: PhotoUseEditorProps) {
  const captionId = useId();
  const house = useMemo(() => (photo ? buildCredit(photo.metadata, creditStyle) : null), [photo, creditStyle]);
  const restrictions = useMemo(() => (photo ? findRestrictions(photo.metadata) : []), [photo]);
  const [caption, setCaption] = useState(use.caption);
  useEffect(() => setCaption(use.caption), [use.caption]);

  // Until edited by hand, the credit follows the photo's metadata and the house style.
  useEffect(() => {
    if (!photo || !styleReady) return;
    const followed = followPhotoCredit(use, photo, creditStyle);
    if (followed !== use) onChange(followed);
  }, [use, photo, styleReady, creditStyle, onChange]);

  return (
    <>
      {missing && (
        <p className="nd-field-error" role="alert">
          {missingMessage}
        </p>
      )}
      <RestrictionBadges restrictions={restrictions} />
      <div className="nd-field nd-photo-field">
        <label className="nd-field__label" htmlFor={captionId}>
          Caption
        </label>
        <textarea
          id={captionId}
          className="nd-input"
          rows={captionRows}
          maxLength={5000}
          value={caption}
          onChange={(event) => {
            setCaption(event.target.value);
            onChange({ ...use, caption: event.target.value });
          }}
        />
      </div>
      <CreditField
        value={use.credit}
        edited={use.creditEdited}
        house={house}
        onEdit={(value) => onChange(house ? withCredit(use, value, house.text) : { ...use, credit: value, creditEdited: true })}
        onReset={() => onChange({ ...use, credit: house?.text ?? use.credit, creditEdited: false })}
      />
      <AltTextField value={use.altText} onEdit={(altText) => onChange({ ...use, altText })} />
    </>
  );
}
