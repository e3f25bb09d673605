import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { storyPhotoLabel, storyPhotoState } from '../../../../../shared/desk/photo-request';
import { call } from '../../../api/newsdesk';
import { useArticlePhotos } from '../../../editor/photos/ArticlePhotosContext';
import { usePhotoRequest } from './usePhotoRequest';
import './photo-request.css';

interface PhotoRequestFieldProps {
  articleId: string;
  /** The story's lead photo now (null for none): a request is only "ready" while it has one. */
  leadPhotoId: string | null;
}

/**
 * "Photo wanted: …" in a desk story's metadata panel: the editor asks the photo desk for a photo,
 * and sees "Photo ready" once one is attached (on any desktop). The request is written into the
 * story's document, so it works offline and reaches the desk with the story.
 */
export function PhotoRequestField({ articleId, leadPhotoId }: PhotoRequestFieldProps) {
  const { request, error, busy, ask } = usePhotoRequest(articleId, true);
  const [text, setText] = useState('');
  const [fetching, setFetching] = useState<string | null>(null);
  const [fetchError, setFetchError] = useState<string | null>(null);
  const fetched = useRef<string | null>(null);
  const { refresh } = useArticlePhotos();
  const hasLeadPhoto = leadPhotoId !== null;

  // The attached photo was shared from another machine: its original comes into this library
  // once, so the lead photo shows here and is checked and written back like a local one.
  const attached = request?.state === 'ready' && request.mediaId === leadPhotoId ? request.mediaId : null;
  useEffect(() => {
    if (!attached || fetched.current === attached) return;
    fetched.current = attached;
    setFetching(attached);
    setFetchError(null);
    void call('deskPhotos:fetch', { mediaId: attached }).then((result) => {
      setFetching(null);
      if (result.ok) refresh();
      else setFetchError(`The attached photo could not be fetched from the desk: ${result.error.message}`);
    });
  }, [attached, refresh]);
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
        {fetching && <p className="nd-field__hint">Fetching the attached photo from the desk…</p>}
        {(error ?? fetchError) && (
          <p className="nd-photo-request__error" role="alert">
            {error ?? fetchError}
          </p>
        )}
      </div>
    </section>
  );
}
