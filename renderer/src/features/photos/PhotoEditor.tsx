import { CONTROL_OR_META, isExactShortcutMatch } from 'lexical';
import { useMemo, type KeyboardEvent } from 'react';
import { KEYWORD_LIMITS, PHOTO_TEXT_FIELDS, type FieldSource, type Photo, type PhotoField, type PhotoTextField } from '../../../../shared/model/photo';
import type { CreditStyle } from '../../../../shared/model/settings';
import { buildCredit } from '../../../../shared/rules/credit';
import { suggestCreditFromCopyright } from '../../../../shared/rules/credit-suggestion';
import { disagreeingFields } from '../../../../shared/rules/metadata-agreement';
import { findRestrictions } from '../../../../shared/rules/rights';
import { MOD } from '../../ui/shortcuts';
import { CreditExplanation } from '../../ui/photos/CreditExplanation';
import { ChipInput } from '../../ui/components/ChipInput';
import { MetadataField } from './MetadataField';
import { MetadataWarnings, PhotoFile, RestrictionWarnings } from './PhotoFacts';
import { Thumbnail } from '../../ui/photos/Thumbnail';
import { PhotoKillSection } from './PhotoKillSection';
import { usePhotoEdits, type SaveState } from './usePhotoEdits';

/** Fields whose text runs to sentences get a growing text area; the rest are one line. */
const MULTILINE: ReadonlySet<PhotoTextField> = new Set(['description', 'extendedDescription', 'usageTerms', 'instructions', 'altText', 'copyright', 'webStatement']);

const HINTS: Partial<Record<PhotoField, string>> = {
  description: 'Stays with the photo. Each article that uses it has its own caption.',
  altText: 'Read aloud to people who cannot see the picture. Say what it shows.',
  dateCreated: 'As in the file, e.g. 2026-03-14 or 2026-03-14T09:30:00+01:00.',
};

function SaveStateLabel({ state }: { state: SaveState }) {
  const text = { saved: 'Saved', unsaved: 'Unsaved changes', saving: 'Saving…', failed: 'Not saved' }[state.kind];
  return (
    <span className={`nd-photo-save nd-photo-save--${state.kind}`} role="status" data-testid="photo-save-state" title={state.kind === 'failed' ? state.message : undefined}>
      {text}
    </span>
  );
}

interface PhotoEditorProps {
  photo: Photo;
  creditStyle: CreditStyle;
  writeXmpOnExport: boolean;
  onWriteXmpOnExportChange(write: boolean): void;
  onSaved(photo: Photo): void;
}

/**
 * The side panel for one photo: every metadata field with where its value came from, the credit in
 * house style and how it was built, restrictions and reading problems as warnings, and the file.
 * Edits save by themselves; Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z step through them.
 */
export function PhotoEditor({ photo, creditStyle, writeXmpOnExport, onWriteXmpOnExportChange, onSaved }: PhotoEditorProps) {
  const edits = usePhotoEdits(photo, onSaved);
  const { values, saved } = edits;
  const credit = useMemo(() => buildCredit(values, creditStyle), [values, creditStyle]);
  const suggestion = useMemo(() => suggestCreditFromCopyright(values, creditStyle), [values, creditStyle]);
  // Taking the suggestion fills creator and credit line; only then does the photo have a credit.
  const confirmSuggestion = () => {
    if (!suggestion) return;
    edits.change('creator', suggestion.creator);
    edits.change('creditLine', suggestion.creditLine);
    edits.commit();
  };
  const restrictions = useMemo(() => findRestrictions(values), [values]);
  const disagreeing = useMemo(() => new Set(disagreeingFields(saved.embedded)), [saved.embedded]);

  const sourceOf = (field: PhotoField): FieldSource => (edits.isEdited(field) ? 'edited' : (saved.sources[field] ?? 'none'));

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const native = event.nativeEvent;
    const isUndo = isExactShortcutMatch(native, 'z', CONTROL_OR_META);
    const isRedo = isExactShortcutMatch(native, 'z', { ...CONTROL_OR_META, shiftKey: true }) || isExactShortcutMatch(native, 'y', { ctrlKey: true });
    if (!isUndo && !isRedo) return;
    // Our own history, not the browser's: it spans fields and matches what was saved.
    event.preventDefault();
    if (isUndo) edits.undo();
    else edits.redo();
  };

  const textField = (field: PhotoTextField) => (
    <MetadataField
      key={field}
      field={field}
      source={sourceOf(field)}
      embedded={saved.embedded}
      disagrees={disagreeing.has(field)}
      hint={HINTS[field] && <span className="nd-field__hint">{HINTS[field]}</span>}>
      {(inputId) => {
        const common = {
          id: inputId,
          className: 'nd-input',
          value: values[field],
          maxLength: 10_000,
          onBlur: edits.commit,
        };
        return MULTILINE.has(field) ? (
          <textarea {...common} rows={field === 'description' ? 3 : 2} onChange={(event) => edits.change(field, event.target.value)} />
        ) : (
          <input {...common} type="text" onChange={(event) => edits.change(field, event.target.value)} />
        );
      }}
    </MetadataField>
  );

  const creditBox = (
    <div key="house-credit" className="nd-house-credit" data-testid="house-credit">
      <span className="nd-field__label">Credit in house style</span>
      <p className={`nd-house-credit__text${credit.text ? '' : ' nd-house-credit__text--missing'}`}>
        {credit.text || 'No credit: the file names no creator, credit line or source.'}
      </p>
      <CreditExplanation credit={credit} />
      {suggestion && (
        <div className="nd-credit-suggestion" data-testid="credit-suggestion">
          <span className="nd-credit-suggestion__mark">Suggestion</span> from the copyright notice, not used until confirmed:{' '}
          <strong>{suggestion.credit.text}</strong>
          <button type="button" className="nd-button nd-button--small" onClick={confirmSuggestion}>
            Use this credit
          </button>
        </div>
      )}
    </div>
  );

  return (
    <section className="nd-photo-editor" aria-label="Photo details" data-testid="photo-editor" onKeyDown={onKeyDown}>
      <header className="nd-photo-editor__head">
        <h2 className="nd-pane-title">Photo details</h2>
        <SaveStateLabel state={edits.saveState} />
      </header>
      {edits.saveState.kind === 'failed' && (
        <p className="nd-field-error" role="alert">
          {edits.saveState.message}
        </p>
      )}
      <div className="nd-photo-editor__preview">
        <Thumbnail id={photo.id} alt={values.altText} />
      </div>
      <PhotoKillSection photo={photo} onKilled={onSaved} />
      <RestrictionWarnings restrictions={restrictions} />
      <MetadataWarnings warnings={saved.metadataWarnings} />
      <p className="nd-field__hint nd-photo-editor__undo">Changes save by themselves. {MOD}Z undoes one.</p>
      {PHOTO_TEXT_FIELDS.flatMap((field) => (field === 'source' ? [textField(field), creditBox] : [textField(field)]))}
      <MetadataField field="keywords" source={sourceOf('keywords')} embedded={saved.embedded} disagrees={disagreeing.has('keywords')}>
        {(inputId) => (
          <ChipInput
            id={inputId}
            items={values.keywords}
            label="Add a keyword"
            noun="keyword"
            {...KEYWORD_LIMITS}
            onChange={(keywords) => {
              edits.change('keywords', keywords);
              edits.commit();
            }}
          />
        )}
      </MetadataField>
      <PhotoFile
        photo={saved}
        writeXmpOnExport={writeXmpOnExport}
        onWriteXmpOnExportChange={onWriteXmpOnExportChange}
        beforeExport={edits.flush}
      />
    </section>
  );
}
