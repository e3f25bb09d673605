import { useId, useMemo, useState } from 'react';
import type { BatchPhotoChanges } from '../../../../shared/model/media-library';
import { KEYWORD_LIMITS, PHOTO_FIELD_LABELS, type Photo } from '../../../../shared/model/photo';
import { call } from '../../api/newsdesk';
import { ModalDialog } from '../../ui/components/ModalDialog';
import { useNotify } from '../../ui/components/Toasts';
import { ChipInput } from '../../ui/components/ChipInput';
import { countPhotos } from './photo-display';

/** The fields a selection can be given in one step (the rest differ from picture to picture). */
const BATCH_FIELDS = ['creator', 'creditLine', 'source', 'copyright', 'usageTerms'] as const;
type BatchField = (typeof BATCH_FIELDS)[number];

type FieldEdits = Partial<Record<BatchField, string>>;

interface BatchEditDialogProps {
  photos: readonly Photo[];
  onClose(): void;
  /** The photos as they are after the change (or after its Undo). */
  onApplied(photos: Photo[]): void;
}

/** What the selection holds for a field today: the one shared value, or that they differ. */
function currentValue(photos: readonly Photo[], field: BatchField): { same: boolean; value: string } {
  const values = new Set(photos.map((photo) => photo.metadata[field]));
  return values.size === 1 ? { same: true, value: [...values][0] ?? '' } : { same: false, value: '' };
}

function BatchFieldRow({ field, photos, value, onChange }: { field: BatchField; photos: readonly Photo[]; value: string | undefined; onChange(value: string | undefined): void }) {
  const inputId = useId();
  const current = currentValue(photos, field);
  const label = PHOTO_FIELD_LABELS[field];
  const placeholder = current.same ? current.value || '(empty in all)' : 'Differs between photos';
  return (
    <div className="nd-batch__row">
      <input
        type="checkbox"
        checked={value !== undefined}
        aria-label={`Change ${label.toLowerCase()}`}
        onChange={(event) => onChange(event.target.checked ? (current.same ? current.value : '') : undefined)}
      />
      <label className="nd-field__label" htmlFor={inputId}>
        {label}
      </label>
      <input
        id={inputId}
        type="text"
        className="nd-input"
        value={value ?? ''}
        placeholder={placeholder}
        maxLength={10_000}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/**
 * Gives several photos the same creator, credit line, source, copyright or usage terms, and adds or
 * removes keywords, in one step. A toast offers Undo, which puts back each photo's own details.
 */
export function BatchEditDialog({ photos, onClose, onApplied }: BatchEditDialogProps) {
  const notify = useNotify();
  const [fields, setFields] = useState<FieldEdits>({});
  const [keywordsAdd, setKeywordsAdd] = useState<string[]>([]);
  const [keywordsRemove, setKeywordsRemove] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [applying, setApplying] = useState(false);

  const existingKeywords = useMemo(() => [...new Set(photos.flatMap((photo) => photo.metadata.keywords))].sort((a, b) => a.localeCompare(b)), [photos]);
  const changes: BatchPhotoChanges = {
    ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
    ...(keywordsAdd.length > 0 ? { keywordsAdd } : {}),
    ...(keywordsRemove.length > 0 ? { keywordsRemove } : {}),
  };
  const nothingToDo = Object.keys(changes).length === 0;

  const undo = async (previous: { id: string; metadata: Photo['metadata'] }[]) => {
    const result = await call('media:restoreMetadata', { items: previous });
    if (!result.ok) return notify(`The change could not be undone: ${result.error.message}`, { tone: 'error' });
    onApplied(result.value);
    notify(`Put back the earlier details of ${countPhotos(result.value.length)}.`);
  };

  const apply = async () => {
    setApplying(true);
    setError(null);
    const result = await call('media:updateMany', { ids: photos.map((photo) => photo.id), changes });
    setApplying(false);
    if (!result.ok) return setError(result.error.message);
    const { photos: updated, previous } = result.value;
    onApplied(updated);
    onClose();
    notify(`Updated ${countPhotos(updated.length)}.`, { action: { label: 'Undo', run: () => void undo(previous) } });
  };

  const toggleRemove = (keyword: string) =>
    setKeywordsRemove((list) => (list.includes(keyword) ? list.filter((k) => k !== keyword) : [...list, keyword]));

  return (
    <ModalDialog className="nd-batch" testId="batch-dialog" title={`Edit ${countPhotos(photos.length)}`} error={error} onClose={onClose}>
      <div className="nd-batch__body">
        <p className="nd-field__hint">Tick what to change. The same value goes to every selected photo; an empty box clears the field. The rest stays as it is.</p>
        {BATCH_FIELDS.map((field) => (
          <BatchFieldRow key={field} field={field} photos={photos} value={fields[field]} onChange={(value) => setFields({ ...fields, [field]: value })} />
        ))}
        <div className="nd-field">
          <span className="nd-field__label">Add keywords</span>
          <ChipInput items={keywordsAdd} onChange={setKeywordsAdd} label="Add a keyword to all" noun="keyword" {...KEYWORD_LIMITS} />
        </div>
        {existingKeywords.length > 0 && (
          <div className="nd-field">
            <span className="nd-field__label">Remove keywords</span>
            <div className="nd-batch__remove" role="group" aria-label="Keywords to remove">
              {existingKeywords.map((keyword) => (
                <button key={keyword} type="button" className="nd-chip nd-chip--toggle" aria-pressed={keywordsRemove.includes(keyword)} onClick={() => toggleRemove(keyword)}>
                  {keyword}
                </button>
              ))}
            </div>
          </div>
        )}
      </div>
      <footer className="nd-dialog__foot">
        <p className="nd-dialog__note">You can undo this right after.</p>
        <button type="button" className="nd-button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="nd-button nd-button--primary" disabled={nothingToDo || applying} onClick={() => void apply()}>
          {applying ? 'Applying…' : `Apply to ${countPhotos(photos.length)}`}
        </button>
      </footer>
    </ModalDialog>
  );
}
