import { useEffect, useRef, useState, type FormEvent } from 'react';
import { DEFAULT_LIMITS, type Limits } from '../../../../shared/model/settings';
import { call, messageOf, request } from '../../api/newsdesk';
import { boundsOf, LIMIT_ROWS, limitText, limitWithUnit, parseLimit, patchOf, problemsOf, textsOf, type LimitKey, type LimitTexts } from './limits-form';

const fieldId = (key: LimitKey) => `nd-limit-${key}`;

/**
 * Preferences › Limits: the sizes past which main refuses input. Unlike the General pane a value is
 * saved when its field is left (or with Save), not at each keystroke, because a half-typed number
 * ("0." on the way to "0.5") must not be saved. A value out of range is refused next to its field
 * before anything is sent.
 */
export function LimitsPane() {
  const [saved, setSaved] = useState<Limits | null>(null);
  const [texts, setTexts] = useState<LimitTexts | null>(null);
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    let current = true;
    // Read each time the pane opens: another window may have changed them.
    void call('settings:get', {}).then((result) => {
      if (!current) return;
      if (result.ok) {
        setSaved(result.value.limits);
        setTexts(textsOf(result.value.limits));
      } else setStatus({ text: `The limits could not be read: ${result.error.message}`, failed: true });
    });
    return () => {
      current = false;
    };
  }, []);

  if (!saved || !texts) {
    return status ? <p className="nd-field-error" role="alert">{status.text}</p> : <p className="nd-field__hint">Reading the limits…</p>;
  }
  const problems = problemsOf(texts);

  const store = async (patch: Partial<Limits>, done: string) => {
    try {
      const next = await request('settings:update', { limits: patch });
      setSaved(next.limits);
      // Only the fields saved: another may be half-typed while this answer was on its way.
      const shown = textsOf(next.limits);
      setTexts((current) => current && { ...current, ...Object.fromEntries(Object.keys(patch).map((key) => [key, shown[key as LimitKey]])) });
      setStatus({ text: done, failed: false });
    } catch (caught) {
      setStatus({ text: `The limits could not be saved: ${messageOf(caught)}`, failed: true });
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const patch = patchOf(texts, saved);
    if (!patch) {
      // The sentence is already next to the field; take the keyboard there.
      form.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
      setStatus(null);
      return;
    }
    void store(patch, 'Limits saved.');
  };

  // Leaving a field (Tab, a click on Done) saves a valid change, so closing the dialog never drops it.
  const leave = (key: LimitKey) => {
    const parsed = parseLimit(key, texts[key]);
    if (parsed.ok && texts[key].trim() !== limitText(key, saved[key])) void store({ [key]: parsed.value }, 'Limits saved.');
  };

  return (
    <form ref={form} className="nd-limits" aria-label="Limits" noValidate onSubmit={submit}>
      <p className="nd-field__hint">Sizes past which Newsdesk refuses input with a message. The defaults are far beyond everyday work; raise one only where the desk needs more.</p>
      {LIMIT_ROWS.map((row) => {
        const { min, max } = boundsOf(row.key);
        const problem = problems[row.key];
        return (
          <div key={row.key} className="nd-field nd-limits__row">
            <label className="nd-field__label" htmlFor={fieldId(row.key)}>
              {row.label}
            </label>
            <div className="nd-limits__value">
              <input
                id={fieldId(row.key)}
                className="nd-input"
                inputMode={row.unit === 'MB' ? 'decimal' : 'numeric'}
                value={texts[row.key]}
                aria-invalid={problem !== undefined}
                aria-describedby={`${fieldId(row.key)}-hint${problem ? ` ${fieldId(row.key)}-problem` : ''}`}
                onBlur={() => leave(row.key)}
                onChange={(event) => {
                  setTexts({ ...texts, [row.key]: event.target.value });
                  setStatus(null);
                }}
              />
              <span className="nd-limits__unit">{row.unit}</span>
            </div>
            {problem && (
              <p className="nd-field-error" id={`${fieldId(row.key)}-problem`} data-testid={`limit-problem-${row.key}`}>
                {problem}
              </p>
            )}
            <p className="nd-field__hint" id={`${fieldId(row.key)}-hint`}>
              {row.protects} Default {limitWithUnit(row.key, DEFAULT_LIMITS[row.key])}; from {limitWithUnit(row.key, min)} to {limitWithUnit(row.key, max)}.
            </p>
          </div>
        );
      })}
      <div className="nd-limits__actions">
        <button type="button" className="nd-button" onClick={() => void store({ ...DEFAULT_LIMITS }, 'Default limits restored and saved.')}>
          Restore defaults
        </button>
        <button type="submit" className="nd-button nd-button--primary">
          Save limits
        </button>
        {/* Always present, so a screen reader announces what appears in it. */}
        <span className={status?.failed ? 'nd-field-error' : 'nd-field__hint'} role="status" data-testid="limits-status">
          {status?.text}
        </span>
      </div>
    </form>
  );
}
