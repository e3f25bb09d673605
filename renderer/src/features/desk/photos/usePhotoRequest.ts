import { useCallback, useEffect, useState } from 'react';
import type { PhotoRequest } from '../../../../../shared/desk/photos';
import { call } from '../../../api/newsdesk';
import { onStoryChanged } from '../../../api/story-docs';

export interface StoryPhotoRequest {
  /** Null while unread, and when the story asks for no photo. */
  request: PhotoRequest | null;
  error: string | null;
  busy: boolean;
  ask(wanted: string): Promise<boolean>;
}

/** A burst of changes (typing in the story) is read once after it. */
const READ_AFTER_CHANGE_MS = 300;

/**
 * A story's photo request as its document holds it (the one place it lives), read again whenever
 * the story changes, so a photo attached on another desktop shows here as "photo ready".
 */
export function usePhotoRequest(articleId: string, enabled: boolean): StoryPhotoRequest {
  const [request, setRequest] = useState<PhotoRequest | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const read = useCallback(async () => {
    const result = await call('deskPhotos:photoRequest', { articleId });
    if (result.ok) setRequest(result.value);
  }, [articleId]);

  useEffect(() => {
    if (!enabled) return undefined;
    void read();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = onStoryChanged((id) => {
      if (id !== articleId) return;
      clearTimeout(timer);
      timer = setTimeout(() => void read(), READ_AFTER_CHANGE_MS);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [articleId, enabled, read]);

  const ask = useCallback(async (wanted: string) => {
    setBusy(true);
    setError(null);
    const result = await call('deskPhotos:requestPhoto', { articleId, wanted });
    setBusy(false);
    if (result.ok) setRequest(result.value);
    else setError(result.error.message);
    return result.ok;
  }, [articleId]);

  return { request, error, busy, ask };
}
