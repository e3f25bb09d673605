import { useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { DEFAULT_CREDIT_STYLE, type CreditStyle } from '../../../../shared/model/settings';
import { buildCredit, type CreditInput } from '../../../../shared/rules/credit';
import { checkCreditStyle, type CreditStyleErrors } from '../../../../shared/rules/credit-style-check';
import { ModalDialog } from '../../ui/components/ModalDialog';
import { MOD } from '../../ui/shortcuts';
import { CreditExplanation } from '../../ui/photos/CreditExplanation';
import { PairRows, TextField } from './CreditStyleFields';

interface CreditStyleDialogProps {
  open: boolean;
  style: CreditStyle;
  onSave(style: CreditStyle): void;
  onClose(): void;
}

/** Photos as agencies send them, to show what the style being edited makes of each. */
const SAMPLES: { name: string; metadata: CreditInput }[] = [
  { name: 'Getty Images pool', metadata: { creator: 'GONZALO FUENTES', creditLine: 'POOL/AFP via Getty Images', source: 'AFP' } },
  { name: 'AP', metadata: { creator: 'Evan Vucci', creditLine: 'Associated Press', source: 'AP' } },
  { name: 'Reuters', metadata: { creator: 'Yves Herman', creditLine: 'REUTERS', source: 'REUTERS' } },
  { name: 'Handout', metadata: { creator: 'HANDOUT', creditLine: '', source: 'Ukrainian Presidential Press Service' } },
  { name: 'Handout, source HO', metadata: { creator: 'Maria Kovalenko', creditLine: 'REUTERS', source: 'HO' } },
  {
    name: 'Handout photo in caption',
    metadata: { creator: 'Tom Bradley', creditLine: 'via REUTERS', source: 'Reuters', description: 'HANDOUT PHOTO. Smoke over the port.' },
  },
  { name: 'Staff, no agency', metadata: { creator: 'Jane Doe', creditLine: '', source: '' } },
];

/** Rows carry a key of their own so removing one keeps focus and typing in the others. */
type Row<T> = T & { key: number };
type RowGroup = 'agencyRules' | 'aliases';
type HandoutForm = NonNullable<CreditStyle['handoutForm']>;

/** Handout patterns desks use, offered as examples next to the handout pattern field. */
const HANDOUT_PATTERN_EXAMPLES = ['Handout/{agency}', '{creator}/Handout via {agency}', '{agency} handout'];
interface Draft {
  pattern: string;
  handoutPattern: string;
  handoutForm: HandoutForm;
  agencyRules: Row<CreditStyle['agencyRules'][number]>[];
  aliases: Row<CreditStyle['aliases'][number]>[];
}

let nextRowKey = 1;
function withKey<T extends object>(value: T): Row<T> {
  nextRowKey += 1;
  return { ...value, key: nextRowKey };
}

function draftOf(style: CreditStyle): Draft {
  return { ...style, handoutForm: style.handoutForm ?? 'pattern', agencyRules: style.agencyRules.map(withKey), aliases: style.aliases.map(withKey) };
}

function styleOf(draft: Draft): CreditStyle {
  return {
    pattern: draft.pattern,
    handoutPattern: draft.handoutPattern,
    handoutForm: draft.handoutForm,
    agencyRules: draft.agencyRules.map(({ agency, pattern }) => ({ agency, pattern })),
    aliases: draft.aliases.map(({ from, to }) => ({ from, to })),
  };
}

function describe(metadata: CreditInput): string {
  const agency = metadata.creditLine && metadata.source === 'HO' ? `${metadata.creditLine} · Source HO` : metadata.creditLine || metadata.source;
  return [metadata.creator, agency, metadata.description && `“${metadata.description}”`].filter(Boolean).join(' · ');
}

/**
 * Edits how the desk writes credit lines: the default and handout patterns, agencies with their own
 * pattern, and aliases for agency names, with examples rebuilt as you type. Esc closes without
 * saving; Ctrl/Cmd+Enter saves. A modal <dialog>, so focus stays inside.
 */
export function CreditStyleDialog({ open, style, onSave, onClose }: CreditStyleDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(style));
  const [errors, setErrors] = useState<CreditStyleErrors>({});

  // Each opening starts from the saved style as it is at that moment; an abandoned edit is not kept.
  const startFromSavedStyle = () => {
    setDraft(draftOf(style));
    setErrors({});
  };

  const examples = useMemo(() => {
    const current = styleOf(draft);
    return SAMPLES.map((sample) => ({ ...sample, credit: buildCredit(sample.metadata, current) }));
  }, [draft]);

  const update = (path: string, change: (previous: Draft) => Draft) => {
    setDraft(change);
    setErrors(({ [path]: _fixed, ...rest }) => rest);
  };

  const save = (event?: FormEvent) => {
    event?.preventDefault();
    const checked = checkCreditStyle(styleOf(draft));
    if (!checked.ok) {
      setErrors(checked.errors);
      const firstPath = Object.keys(checked.errors)[0];
      dialogRef.current?.querySelector<HTMLInputElement>(`[data-path="${firstPath}"]`)?.focus();
      return;
    }
    setErrors({});
    onSave(checked.style);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      save();
    }
  };

  const setRowField = (group: RowGroup, index: number, field: string, value: string) =>
    update(`${group}.${index}.${field}`, (previous) => ({
      ...previous,
      [group]: previous[group].map((row, at) => (at === index ? { ...row, [field]: value } : row)),
    }));
  // Paths name rows by position, so errors are dropped when rows are added or removed.
  const changeRows = (change: (previous: Draft) => Draft) => {
    setDraft(change);
    setErrors({});
  };
  const removeRow = (group: RowGroup, index: number) =>
    changeRows((previous) => ({ ...previous, [group]: previous[group].filter((_, at) => at !== index) }));
  const errorCount = Object.keys(errors).length;

  return (
    <ModalDialog
      open={open}
      className="nd-credit-style"
      testId="credit-style-dialog"
      titleId={titleId}
      title="Credit style"
      error={errorCount > 0 && `${errorCount === 1 ? 'One field needs fixing' : `${errorCount} fields need fixing`} before the style can be saved.`}
      dialogRef={dialogRef}
      onKeyDown={onKeyDown}
      onOpened={startFromSavedStyle}
      onClose={onClose}
    >
      <div className="nd-credit-style__body">
        <form id={`${titleId}-form`} className="nd-credit-style__form" noValidate onSubmit={save}>
          <TextField
            path="pattern"
            label="Default pattern"
            value={draft.pattern}
            errors={errors}
            hint="{creator} and {agency} are filled in from the photo, e.g. {creator}/{agency}."
            onChange={(value) => update('pattern', (previous) => ({ ...previous, pattern: value }))}
          />
          <TextField
            path="handoutPattern"
            label="Handout pattern"
            value={draft.handoutPattern}
            errors={errors}
            hint="For photos marked Handout or HO in their creator, credit line or source, or “handout photo” in caption, title or instructions."
            onChange={(value) => update('handoutPattern', (previous) => ({ ...previous, handoutPattern: value }))}
          />
          <div className="nd-credit-style__choices" role="group" aria-label="Examples to start from">
            {HANDOUT_PATTERN_EXAMPLES.map((example) => (
              <button
                key={example}
                type="button"
                className="nd-button nd-button--ghost nd-button--small"
                aria-pressed={draft.handoutPattern === example}
                onClick={() => update('handoutPattern', (previous) => ({ ...previous, handoutPattern: example }))}
              >
                {example}
              </button>
            ))}
          </div>
          <fieldset className="nd-credit-style__handout-form">
            <legend>Handout credits</legend>
            <label>
              <input
                type="radio"
                name={`${titleId}-handout-form`}
                checked={draft.handoutForm === 'pattern'}
                onChange={() => update('handoutForm', (previous) => ({ ...previous, handoutForm: 'pattern' }))}
              />
              Built by the pattern above
            </label>
            <label>
              <input
                type="radio"
                name={`${titleId}-handout-form`}
                checked={draft.handoutForm === 'agency'}
                onChange={() => update('handoutForm', (previous) => ({ ...previous, handoutForm: 'agency' }))}
              />
              The agency’s own handout credit line, as written
            </label>
          </fieldset>
          <PairRows
            group="agencyRules"
            fields={['agency', 'pattern']}
            legend="Agencies with their own pattern"
            hint="Matched against the agency name after aliases, in any case."
            addLabel="Add an agency"
            testId="credit-agency-rule"
            rows={draft.agencyRules.map((rule) => ({ key: rule.key, values: [rule.agency, rule.pattern] }))}
            errors={errors}
            labelsFor={(index) => [`Agency ${index + 1}`, `Pattern for agency ${index + 1}`]}
            removeLabelFor={(row, index) => `Remove the rule for ${row.values[0] || `agency ${index + 1}`}`}
            onChange={(index, field, value) => setRowField('agencyRules', index, field, value)}
            onRemove={(index) => removeRow('agencyRules', index)}
            onAdd={() => changeRows((previous) => ({ ...previous, agencyRules: [...previous.agencyRules, withKey({ agency: '', pattern: '{agency}/{creator}' })] }))}
          />
          <PairRows
            group="aliases"
            fields={['from', 'to']}
            legend="Agency aliases"
            hint="A name as files write it (the whole value, any case), then as the desk writes it."
            addLabel="Add an alias"
            testId="credit-alias"
            rows={draft.aliases.map((alias) => ({ key: alias.key, values: [alias.from, alias.to] }))}
            errors={errors}
            labelsFor={(index) => [`Alias ${index + 1}: name in files`, `Alias ${index + 1}: written as`]}
            removeLabelFor={(row, index) => `Remove the alias for ${row.values[0] || `alias ${index + 1}`}`}
            onChange={(index, field, value) => setRowField('aliases', index, field, value)}
            onRemove={(index) => removeRow('aliases', index)}
            onAdd={() => changeRows((previous) => ({ ...previous, aliases: [...previous.aliases, withKey({ from: '', to: '' })] }))}
          />
        </form>
        <section className="nd-credit-style__examples" aria-labelledby={`${titleId}-examples`}>
          <h3 id={`${titleId}-examples`}>Examples</h3>
          <ul>
            {examples.map((example) => (
              <li key={example.name} className="nd-credit-sample" data-testid="credit-example">
                <span className="nd-credit-sample__name">{example.name}</span>
                <span className="nd-credit-sample__input">{describe(example.metadata)}</span>
                <span className="nd-credit-sample__result" data-testid="credit-example-result">
                  {example.credit.text || 'No credit'}
                </span>
                <CreditExplanation credit={example.credit} compact />
              </li>
            ))}
          </ul>
        </section>
      </div>
      <footer className="nd-dialog__foot">
        <p className="nd-dialog__note">{MOD}Enter saves. Credits already typed by hand in articles keep their text.</p>
        <button type="button" className="nd-button nd-button--ghost" onClick={() => changeRows(() => draftOf(DEFAULT_CREDIT_STYLE))}>
          Restore the defaults
        </button>
        <button type="button" className="nd-button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" form={`${titleId}-form`} className="nd-button nd-button--primary">
          Save
        </button>
      </footer>
    </ModalDialog>
  );
}
