import { useId, type ReactNode } from 'react';
import { isoOfLocalInput, readableTime } from './timing-fields';

interface TimeFieldProps {
  label: string;
  /** The datetime-local value: local wall-clock time, '' for none. */
  value: string;
  onChange(value: string): void;
  /** Names the button that empties an optional field ("Clear the embargo"); none for required fields. */
  clearLabel?: string;
  disabled?: boolean;
  invalid?: boolean;
  /** Said under the field when it is empty (what no time means). */
  emptyHint: string;
  /** Quick choices, shown after the input. */
  children?: ReactNode;
}

/**
 * A date and time in the editor's own clock. Under it, the time spelled out with its weekday (a
 * datetime-local box shows digits only, and "Sat" catches a wrong day), or what an empty field means.
 */
export function TimeField({ label, value, onChange, clearLabel, disabled = false, invalid = false, emptyHint, children }: TimeFieldProps) {
  const id = useId();
  const noteId = useId();
  const reading = isoOfLocalInput(value);
  let note: ReactNode = emptyHint;
  if (!reading.ok) note = <span className="nd-field-error">{reading.message}</span>;
  else if (reading.iso && reading.shifted) {
    note = <span className="nd-field-error">The clocks skip that time on this day; it means {readableTime(reading.iso)}.</span>;
  } else if (reading.iso) note = readableTime(reading.iso);

  return (
    <div className="nd-field nd-time-field">
      <label className="nd-field__label" htmlFor={id}>
        {label}
      </label>
      <div className="nd-time-field__row">
        <input
          id={id}
          className="nd-input nd-time-field__input"
          type="datetime-local"
          value={value}
          disabled={disabled}
          aria-invalid={invalid || !reading.ok}
          aria-describedby={noteId}
          onChange={(event) => onChange(event.target.value)}
        />
        {clearLabel && (
          <button type="button" className="nd-button nd-button--small nd-button--ghost" aria-label={clearLabel} title={clearLabel} disabled={disabled || value === ''} onClick={() => onChange('')}>
            Clear
          </button>
        )}
      </div>
      {children && !disabled && <div className="nd-time-field__quick">{children}</div>}
      <p className="nd-field__hint" id={noteId}>
        {disabled ? '' : note}
      </p>
    </div>
  );
}
