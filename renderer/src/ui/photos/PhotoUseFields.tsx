import { useEffect, useId, useState } from 'react';
import type { BuiltCredit } from '../../../../shared/rules/credit';
import { CreditExplanation } from './CreditExplanation';

/**
 * The text a field shows while it is being typed in. Photo fields write to a Lexical node or the
 * article, which answer a moment later; a controlled input fed only by that answer would lose the
 * caret, so the field keeps its own copy and takes the stored value whenever that changes (undo,
 * reset to house style).
 */
function useDraft(value: string): [string, (next: string) => void] {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return [draft, setDraft];
}

interface CreditFieldProps {
  value: string;
  edited: boolean;
  /** The credit the photo's metadata gives in house style, once the photo is known. */
  house: BuiltCredit | null;
  onEdit(value: string): void;
  onReset(): void;
  onFocus?(): void;
}

/** The credit of one use: prefilled in house style, editable, with where each part came from and a way back. */
export function CreditField({ value, edited, house, onEdit, onReset, onFocus }: CreditFieldProps) {
  const id = useId();
  const noteId = useId();
  const [draft, setDraft] = useDraft(value);
  const missing = value.trim() === '';
  const differs = house !== null && house.text !== value;
  return (
    <div className="nd-field nd-photo-field">
      <label className="nd-field__label" htmlFor={id}>
        Credit
      </label>
      <input
        id={id}
        className="nd-input"
        type="text"
        data-field="credit"
        maxLength={500}
        value={draft}
        aria-invalid={missing}
        aria-describedby={noteId}
        placeholder="Name/Agency"
        onFocus={onFocus}
        onChange={(event) => {
          setDraft(event.target.value);
          onEdit(event.target.value);
        }}
      />
      <div className="nd-photo-field__note" id={noteId}>
        {missing && <p className="nd-field-error">No credit: the photo cannot be published without one.</p>}
        {edited && <p className="nd-field__hint">Edited by hand.</p>}
        {!edited && house && house.text !== '' && <CreditExplanation credit={house} />}
        {!edited && house && house.text === '' && (
          <p className="nd-field__hint">The photo&rsquo;s metadata names no creator or agency. Type the credit.</p>
        )}
        {edited && differs && house.text !== '' && (
          <button type="button" className="nd-link-button" onClick={onReset} title={`Use “${house.text}”`}>
            Reset to house style
          </button>
        )}
      </div>
    </div>
  );
}

/** Alt text of one use: what a screen reader says instead of the picture. */
export function AltTextField({ value, onEdit, onFocus }: { value: string; onEdit(value: string): void; onFocus?(): void }) {
  const id = useId();
  const noteId = useId();
  const [draft, setDraft] = useDraft(value);
  const missing = value.trim() === '';
  return (
    <div className="nd-field nd-photo-field">
      <label className="nd-field__label" htmlFor={id}>
        Alt text
      </label>
      <textarea
        id={id}
        className="nd-input"
        rows={2}
        data-field="alt"
        maxLength={2000}
        value={draft}
        aria-invalid={missing}
        aria-describedby={noteId}
        placeholder="What the picture shows, for readers who cannot see it"
        onFocus={onFocus}
        onChange={(event) => {
          setDraft(event.target.value);
          onEdit(event.target.value);
        }}
      />
      <p className={missing ? 'nd-field-error' : 'nd-field__hint'} id={noteId}>
        {missing ? 'No alt text: the photo cannot be published without it.' : 'Read aloud by screen readers in place of the picture.'}
      </p>
    </div>
  );
}
