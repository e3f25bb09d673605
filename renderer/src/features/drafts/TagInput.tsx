import { useId, useState, type KeyboardEvent } from 'react';

const MAX_TAGS = 50;

/** Tags as chips: Enter or comma adds, Backspace in the empty field removes the last one. */
export function TagInput({ tags, onChange }: { tags: string[]; onChange: (tags: string[]) => void }) {
  const [draft, setDraft] = useState('');
  const hintId = useId();

  const add = () => {
    const tag = draft.trim().replace(/,+$/, '').trim();
    setDraft('');
    if (!tag || tags.length >= MAX_TAGS) return;
    if (tags.some((existing) => existing.toLowerCase() === tag.toLowerCase())) return;
    onChange([...tags, tag.slice(0, 80)]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  };

  return (
    <div className="nd-tags">
      {tags.length > 0 && (
        <ul className="nd-tags__list" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag} className="nd-chip">
              <span>{tag}</span>
              <button type="button" className="nd-chip__remove" aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        type="text"
        className="nd-input"
        aria-label="Add a tag"
        aria-describedby={hintId}
        placeholder="Add a tag and press Enter"
        value={draft}
        maxLength={80}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={add}
      />
      <span id={hintId} className="nd-visually-hidden">
        Press Enter or comma to add. Backspace in the empty field removes the last tag.
      </span>
    </div>
  );
}
