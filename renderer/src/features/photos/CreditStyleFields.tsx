import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { CreditStyleErrors } from '../../../../shared/rules/credit-style-check';

interface TextFieldProps {
  /** Where the value sits in the style ("pattern", "aliases.2.to"); errors are keyed by it. */
  path: string;
  label: string;
  value: string;
  errors: CreditStyleErrors;
  onChange(value: string): void;
  hint?: ReactNode;
  /** Rows label their inputs for screen readers only; the group's legend says what they are. */
  hiddenLabel?: boolean;
}

/** One pattern or name input of the credit style dialog, with its hint and its error. */
export function TextField({ path, label, value, errors, onChange, hint, hiddenLabel = false }: TextFieldProps) {
  const id = useId();
  const error = errors[path];
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="nd-field nd-credit-style__field">
      <label className={hiddenLabel ? 'nd-visually-hidden' : 'nd-field__label'} htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        className="nd-input nd-input--mono"
        value={value}
        maxLength={200}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        data-path={path}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <span id={`${id}-hint`} className="nd-field__hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="nd-field-error">
          {error}
        </span>
      )}
    </div>
  );
}

export interface PairRow {
  /** Stable across edits, so removing a row keeps focus and typing in the others. */
  key: number;
  values: [string, string];
}

interface PairRowsProps {
  /** The style's list these rows edit: "agencyRules" or "aliases". */
  group: string;
  /** The two fields of each entry, e.g. ["agency", "pattern"]. */
  fields: [string, string];
  legend: string;
  hint: string;
  addLabel: string;
  testId: string;
  rows: PairRow[];
  errors: CreditStyleErrors;
  labelsFor(index: number): [string, string];
  removeLabelFor(row: PairRow, index: number): string;
  onChange(index: number, field: string, value: string): void;
  onRemove(index: number): void;
  onAdd(): void;
}

/** A list of two-field entries (agency → pattern, name → alias) with Remove and Add buttons. */
export function PairRows({ group, fields, legend, hint, addLabel, testId, rows, errors, labelsFor, removeLabelFor, onChange, onRemove, onAdd }: PairRowsProps) {
  const groupRef = useRef<HTMLFieldSetElement>(null);
  // A removed row takes the focused button with it; focus moves to the row that took its place (or
  // the Add button), so it stays in the dialog and Esc and Ctrl/Cmd+Enter keep working.
  const [refocus, setRefocus] = useState<number | null>(null);
  useEffect(() => {
    if (refocus === null) return;
    const removeButtons = groupRef.current?.querySelectorAll<HTMLElement>('[data-remove]') ?? [];
    const target = removeButtons[Math.min(refocus, removeButtons.length - 1)] ?? groupRef.current?.querySelector<HTMLElement>('[data-add]');
    target?.focus();
    setRefocus(null);
  }, [refocus]);

  return (
    <fieldset ref={groupRef} className="nd-credit-style__group">
      <legend className="nd-field__label">{legend}</legend>
      <p className="nd-field__hint">{hint}</p>
      {rows.map((row, index) => {
        const [firstLabel, secondLabel] = labelsFor(index);
        return (
          <div key={row.key} className="nd-credit-style__row" data-testid={testId}>
            <TextField hiddenLabel path={`${group}.${index}.${fields[0]}`} label={firstLabel} value={row.values[0]} errors={errors} onChange={(value) => onChange(index, fields[0], value)} />
            <TextField hiddenLabel path={`${group}.${index}.${fields[1]}`} label={secondLabel} value={row.values[1]} errors={errors} onChange={(value) => onChange(index, fields[1], value)} />
            <button
              type="button"
              className="nd-icon-button"
              aria-label={removeLabelFor(row, index)}
              data-remove
              onClick={() => {
                onRemove(index);
                setRefocus(index);
              }}
            >
              ×
            </button>
          </div>
        );
      })}
      <button type="button" className="nd-link-button" data-add onClick={onAdd}>
        {addLabel}
      </button>
    </fieldset>
  );
}
