import { useEffect, useState } from 'react';
import { thumbnailUrl } from './photo-urls';

/** Thumbnails are made in the background after import, so a fresh photo may not have one yet. */
const RETRY_DELAYS_MS = [300, 700, 1500, 3000, 6000];

/**
 * A photo's thumbnail. If it is not there yet it asks again a few times, then says there is no
 * preview instead of showing a broken image.
 */
export function Thumbnail({ id, alt = '' }: { id: string; alt?: string }) {
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    setAttempt(0);
    setFailed(false);
  }, [id]);

  useEffect(() => {
    if (!failed) return;
    const delay = RETRY_DELAYS_MS[attempt];
    if (delay === undefined) return;
    const timer = setTimeout(() => {
      setFailed(false);
      setAttempt((n) => n + 1);
    }, delay);
    return () => clearTimeout(timer);
  }, [attempt, failed]);

  if (failed && attempt >= RETRY_DELAYS_MS.length) {
    return <span className="nd-thumb nd-thumb--missing">No preview</span>;
  }
  // The attempt number only makes each retry a fresh request; the server reads the path alone.
  const src = attempt === 0 ? thumbnailUrl(id) : `${thumbnailUrl(id)}?attempt=${attempt}`;
  return <img className="nd-thumb" src={src} alt={alt} loading="lazy" decoding="async" draggable={false} onError={() => setFailed(true)} />;
}
