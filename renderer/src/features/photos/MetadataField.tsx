import { useId, useState, type ReactNode } from 'react';
import { FIELD_SOURCE_LABELS, PHOTO_FIELD_LABELS, type EmbeddedMetadata, type FieldSource, type PhotoField } from '../../../../shared/model/photo';

const BLOCKS = [
  ['xmp', 'XMP'],
  ['iim', 'IPTC IIM'],
  ['exif', 'EXIF'],
] as const;

function shown(value: string | readonly string[] | undefined): string | null {
  if (value === undefined) return null;
  return typeof value === 'string' ? value : value.join(', ');
}

interface MetadataFieldProps {
  field: PhotoField;
  source: FieldSource;
  embedded: EmbeddedMetadata;
  /** The control, labelled by the id passed to it. */
  children: (inputId: string) => ReactNode;
  hint?: ReactNode;
  /** The file's IPTC IIM and XMP blocks (or, for the date, any two blocks) give different values. */
  disagrees?: boolean;
}

/**
 * One metadata field: label, a badge saying where its value came from, and behind the badge what
 * each metadata block of the file said for it, so the desk can see which one won.
 */
export function MetadataField({ field, source, embedded, children, hint, disagrees = false }: MetadataFieldProps) {
  const inputId = useId();
  const detailsId = useId();
  const [open, setOpen] = useState(false);
  const label = PHOTO_FIELD_LABELS[field];
  return (
    <div className={`nd-field nd-photo-field${disagrees ? ' nd-photo-field--disagrees' : ''}`} data-field={field}>
      <div className="nd-photo-field__head">
        <label className="nd-field__label" htmlFor={inputId}>
          {label}
        </label>
        <button
          type="button"
          className={`nd-source nd-source--${source}`}
          aria-expanded={open}
          aria-controls={detailsId}
          aria-label={`${label}: ${FIELD_SOURCE_LABELS[source]}. Show what the file says`}
          title="Show what each metadata block of the file says"
          data-testid="field-source"
          onClick={() => setOpen(!open)}
        >
          {FIELD_SOURCE_LABELS[source]}
        </button>
        {disagrees && (
          <button
            type="button"
            className="nd-disagree-mark"
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={`${label}: the file's metadata blocks disagree. Show the difference`}
            title="The file's metadata blocks give different values: show them"
            data-testid="field-disagrees"
            onClick={() => setOpen(!open)}
          >
            Blocks differ
          </button>
        )}
      </div>
      {children(inputId)}
      {hint}
      {open && (
        <dl id={detailsId} className="nd-embedded" aria-label={`${label} in the file`}>
          {BLOCKS.map(([block, name]) => {
            const value = shown(embedded[block][field]);
            return (
              <div key={block} className="nd-embedded__row">
                <dt>{name}</dt>
                <dd className={value === null ? 'nd-embedded__absent' : undefined}>{value === null ? 'Not in this block' : value || '(empty)'}</dd>
              </div>
            );
          })}
        </dl>
      )}
    </div>
  );
}
