import { useId, useState, type KeyboardEvent } from 'react';

interface ChipInputProps {
  items: readonly string[];
  onChange(items: string[]): void;
  /** Names the text box, e.g. "Add a keyword". */
  label: string;
  /** How chips are named: the list ("Keywords") and each remove button ("Remove keyword x"). */
  noun: string;
  maxItems: number;
  maxLength: number;
  onBlur?(): void;
  id?: string;
}

/**
 * Short texts as chips (article tags, photo keywords): Enter or comma adds, Backspace in the empty
 * box removes the last one. A chip already there, in any case, is not added twice.
 */
export function ChipInput({ items, onChange, label, noun, maxItems, maxLength, onBlur, id }: ChipInputProps) {
  const [draft, setDraft] = useState('');
  const hintId = useId();

  const add = () => {
    const item = draft.trim().replace(/,+$/, '').trim().slice(0, maxLength);
    setDraft('');
    if (!item || items.length >= maxItems) return;
    if (items.some((existing) => existing.toLowerCase() === item.toLowerCase())) return;
    onChange([...items, item]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && draft === '' && items.length > 0) {
      onChange(items.slice(0, -1));
    }
  };

  return (
    <div className="nd-tags">
      {items.length > 0 && (
        <ul className="nd-tags__list" aria-label={`${noun[0]?.toUpperCase()}${noun.slice(1)}s`}>
          {items.map((item) => (
            <li key={item} className="nd-chip">
              <span>{item}</span>
              <button type="button" className="nd-chip__remove" aria-label={`Remove ${noun} ${item}`} onClick={() => onChange(items.filter((other) => other !== item))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        type="text"
        className="nd-input"
        aria-label={label}
        aria-describedby={hintId}
        placeholder={`${label} and press Enter`}
        value={draft}
        maxLength={maxLength}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          add();
          onBlur?.();
        }}
      />
      <span id={hintId} className="nd-visually-hidden">
        Press Enter or comma to add. Backspace in the empty box removes the last one.
      </span>
    </div>
  );
}
