import { useId, useState, type KeyboardEvent } from 'react';

const MAX_KEYWORDS = 200;
const MAX_KEYWORD_LENGTH = 200;

interface KeywordInputProps {
  keywords: readonly string[];
  onChange(keywords: string[]): void;
  /** Names the text box, e.g. "Add a keyword". */
  label: string;
  onBlur?(): void;
  /** How chips are named for their remove buttons ("Remove keyword x"). */
  noun?: string;
  id?: string;
}

/** Keywords as chips: Enter or comma adds, Backspace in the empty box removes the last one. */
export function KeywordInput({ keywords, onChange, label, onBlur, noun = 'keyword', id }: KeywordInputProps) {
  const [draft, setDraft] = useState('');
  const hintId = useId();

  const add = () => {
    const keyword = draft.trim().replace(/,+$/, '').trim().slice(0, MAX_KEYWORD_LENGTH);
    setDraft('');
    if (!keyword || keywords.length >= MAX_KEYWORDS) return;
    if (keywords.some((existing) => existing.toLowerCase() === keyword.toLowerCase())) return;
    onChange([...keywords, keyword]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && draft === '' && keywords.length > 0) {
      onChange(keywords.slice(0, -1));
    }
  };

  return (
    <div className="nd-tags">
      {keywords.length > 0 && (
        <ul className="nd-tags__list" aria-label={`${noun[0]?.toUpperCase()}${noun.slice(1)}s`}>
          {keywords.map((keyword) => (
            <li key={keyword} className="nd-chip">
              <span>{keyword}</span>
              <button type="button" className="nd-chip__remove" aria-label={`Remove ${noun} ${keyword}`} onClick={() => onChange(keywords.filter((k) => k !== keyword))}>
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
        maxLength={MAX_KEYWORD_LENGTH}
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
