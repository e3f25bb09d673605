import { useState } from 'react';
import { PHOTO_FIELD_LABELS, type Photo } from '../../../../shared/model/photo';
import type { Restriction } from '../../../../shared/rules/rights';
import { call } from '../../api/newsdesk';
import { Icon } from '../../ui/components/Icon';
import { useNotify } from '../../ui/components/Toasts';
import { formatFull } from '../../ui/time';
import { formatBytes, formatPixels } from './photo-display';

/** A sentence only a few characters longer than its label ("POOL PHOTO." for POOL) adds nothing. */
const ADDS_NOTHING_WITHIN = 12;

/** Where the restriction was found, with the sentence when that says more than the label. */
function describeRestriction(restriction: Restriction): string {
  const where = `in ${PHOTO_FIELD_LABELS[restriction.field].toLowerCase()}`;
  const detail = restriction.detail.trim();
  return detail.length <= restriction.label.length + ADDS_NOTHING_WITHIN ? where : `“${detail}” ${where}`;
}

/** Usage restrictions found in the metadata, as warnings the desk cannot miss. */
export function RestrictionWarnings({ restrictions }: { restrictions: readonly Restriction[] }) {
  if (restrictions.length === 0) return null;
  return (
    <section className="nd-photo-warnings nd-photo-warnings--rights" aria-label="Usage restrictions" data-testid="photo-restrictions">
      <h3 className="nd-photo-warnings__title">
        <Icon name="warning" size={15} /> Usage restrictions
      </h3>
      <ul>
        {restrictions.map((restriction, index) => (
          <li key={`${restriction.kind}:${index}`}>
            <strong>{restriction.label}</strong>
            <span className="nd-photo-warnings__detail">{describeRestriction(restriction)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Problems met while reading the file's metadata (the picture itself was fine). */
export function MetadataWarnings({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <section className="nd-photo-warnings" aria-label="Problems reading the metadata" data-testid="metadata-warnings">
      <h3 className="nd-photo-warnings__title">
        <Icon name="warning" size={15} /> Problems reading the file’s metadata
      </h3>
      <ul>
        {warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </ul>
    </section>
  );
}

const FORMAT_NAMES: Record<Photo['format'], string> = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP', gif: 'GIF', avif: 'AVIF', tiff: 'TIFF' };

interface PhotoFileProps {
  photo: Photo;
  writeXmpOnExport: boolean;
  /** The desk-wide setting, also used when publishing: write credits into the copy's XMP. */
  onWriteXmpOnExportChange(write: boolean): void;
  /** Saves pending edits first, so the copy carries them; false when that failed. */
  beforeExport(): Promise<boolean>;
}

/** File facts and "Export copy…", which says where the copy went and what was written into it. */
export function PhotoFile({ photo, writeXmpOnExport, onWriteXmpOnExportChange, beforeExport }: PhotoFileProps) {
  const notify = useNotify();
  const [exported, setExported] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const exportCopy = async () => {
    setBusy(true);
    try {
      if (!(await beforeExport())) return notify('The latest edits could not be saved, so no copy was exported. Try again.', { tone: 'error' });
      const result = await call('media:exportCopy', { id: photo.id });
      if (!result.ok) return notify(result.error.message, { tone: 'error' });
      if (!result.value) return; // the save dialog was closed
      const written = writeXmpOnExport ? ' Credit, creator and copyright were written into its XMP metadata.' : '';
      setExported(`Saved a copy to ${result.value.path}.${written}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="nd-photo-file" aria-label="File">
      <h3 className="nd-pane-title">File</h3>
      <dl className="nd-facts">
        <dt>Name</dt>
        <dd title={photo.fileName}>{photo.fileName}</dd>
        <dt>Format</dt>
        <dd>{FORMAT_NAMES[photo.format]}</dd>
        <dt>Size</dt>
        <dd>{formatBytes(photo.bytes)}</dd>
        <dt>Pixels</dt>
        <dd>{formatPixels(photo)}</dd>
        <dt>Imported</dt>
        <dd>{formatFull(photo.importedAt)}</dd>
      </dl>
      <label className="nd-photo-file__option">
        <input
          type="checkbox"
          checked={writeXmpOnExport}
          onChange={(event) => onWriteXmpOnExportChange(event.target.checked)}
        />
        Write credit, creator and copyright into exported and published copies
      </label>
      <button type="button" className="nd-button" disabled={busy} onClick={() => void exportCopy()}>
        {busy ? 'Exporting…' : 'Export copy…'}
      </button>
      {exported && (
        <p className="nd-photo-file__exported" role="status" data-testid="export-result">
          {exported}
        </p>
      )}
    </section>
  );
}
