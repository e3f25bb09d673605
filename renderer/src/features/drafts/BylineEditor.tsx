import { useRef, useState } from 'react';
import type { Author } from '../../../../shared/model/article';
import { Icon } from '../../ui/components/Icon';
import { AVATAR_ACCEPT, avatarFromFile } from './avatar';

const MAX_AUTHORS = 20;

function AuthorRow(props: { author: Author; index: number; onChange: (author: Author) => void; onRemove: () => void }) {
  const { author, index } = props;
  const fileRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const who = author.name.trim() || `author ${index + 1}`;

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    try {
      props.onChange({ ...author, avatar: await avatarFromFile(file) });
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : 'The image could not be used.');
    }
  };

  return (
    <li className="nd-author" data-testid="author">
      <div className="nd-author__avatar">
        {author.avatar ? <img src={author.avatar} alt={`Photo of ${who}`} width={40} height={40} /> : <Icon name="user" size={22} />}
      </div>
      <div className="nd-author__fields">
        <input
          className="nd-input"
          type="text"
          aria-label="Author name"
          placeholder="Name"
          value={author.name}
          maxLength={120}
          onChange={(event) => props.onChange({ ...author, name: event.target.value })}
        />
        <input
          className="nd-input nd-input--quiet"
          type="text"
          aria-label={`Role of ${who}`}
          placeholder="Role, e.g. News Editor"
          value={author.role}
          maxLength={120}
          onChange={(event) => props.onChange({ ...author, role: event.target.value })}
        />
        <div className="nd-author__actions">
          <button type="button" className="nd-link-button" onClick={() => fileRef.current?.click()}>
            {author.avatar ? 'Change photo' : 'Add photo'}
          </button>
          {author.avatar && (
            <button type="button" className="nd-link-button" onClick={() => props.onChange({ ...author, avatar: null })}>
              Remove photo
            </button>
          )}
          <input
            ref={fileRef}
            type="file"
            accept={AVATAR_ACCEPT}
            className="nd-visually-hidden"
            tabIndex={-1}
            aria-label={`Photo of ${who}`}
            data-testid="avatar-input"
            onChange={(event) => {
              void pick(event.target.files?.[0]);
              event.target.value = ''; // picking the same file again still fires change
            }}
          />
        </div>
        {error && (
          <p className="nd-field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <button type="button" className="nd-icon-button" aria-label={`Remove ${who} from the byline`} title="Remove from byline" onClick={props.onRemove}>
        <Icon name="close" size={16} />
      </button>
    </li>
  );
}

/** The byline: who wrote the story, in order, with role and a small photo. */
export function BylineEditor({ authors, onChange }: { authors: Author[]; onChange: (authors: Author[]) => void }) {
  const listRef = useRef<HTMLUListElement>(null);
  const add = () => {
    onChange([...authors, { name: '', role: '', avatar: null }]);
    // Put the caret in the new author's name field.
    requestAnimationFrame(() => {
      const inputs = listRef.current?.querySelectorAll<HTMLInputElement>('input[aria-label="Author name"]');
      inputs?.[inputs.length - 1]?.focus();
    });
  };
  return (
    <div className="nd-byline">
      <ul className="nd-byline__list" ref={listRef} aria-label="Authors">
        {authors.map((author, index) => (
          <AuthorRow
            key={index}
            author={author}
            index={index}
            onChange={(next) => onChange(authors.map((a, i) => (i === index ? next : a)))}
            onRemove={() => onChange(authors.filter((_, i) => i !== index))}
          />
        ))}
      </ul>
      <button type="button" className="nd-button nd-button--small" onClick={add} disabled={authors.length >= MAX_AUTHORS}>
        <Icon name="plus" size={14} /> Add author
      </button>
    </div>
  );
}
