import { useId, useState, type FormEvent } from 'react';
import { storyPhotoLabel, storyPhotoState } from '../../../../../shared/desk/photo-request';
import { usePhotoRequest } from './usePhotoRequest';
import './photo-request.css';

interface PhotoRequestFieldProps {
  articleId: string;
  /** Whether the story has a lead photo now: a request is only "ready" while it does. */
  hasLeadPhoto: boolean;
}

/**
 * "Photo wanted: …" in a desk story's metadata panel: the editor asks the photo desk for a photo,
 * and sees "Photo ready" once one is attached (on any desktop). The request is written into the
 * story's document, so it works offline and reaches the desk with the story.
 */
export function PhotoRequestField({ articleId, hasLeadPhoto }: PhotoRequestFieldProps) {
  const { request, error, busy, ask } = usePhotoRequest(articleId, true);
  const [text, setText] = useState('');
  const inputId = useId();
  const state = storyPhotoState(request, hasLeadPhoto);
  const label = storyPhotoLabel(request, hasLeadPhoto);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await ask(text)) setText('');
  };

  return (
    <section className="nd-photo-request" data-testid="photo-request" aria-label="Photo request">
      <div className="nd-field">
        <label className="nd-field__label" htmlFor={inputId}>
          Photo wanted
        </label>
        {label && (
          <p className={`nd-photo-request__state nd-photo-request__state--${state}`} data-testid="photo-request-state" role="status">
            {label}
          </p>
        )}
        <form className="nd-photo-request__ask" onSubmit={(event) => void submit(event)}>
          <input
            id={inputId}
            className="nd-input"
            maxLength={500}
            placeholder={request ? 'Ask for another photo…' : 'the minister at the lectern'}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" className="nd-button nd-button--small" disabled={busy || text.trim() === ''}>
            {request ? 'Change request' : 'Ask the photo desk'}
          </button>
        </form>
        {error && (
          <p className="nd-photo-request__error" role="alert">
            {error}
          </p>
        )}
      </div>
    </section>
  );
}
