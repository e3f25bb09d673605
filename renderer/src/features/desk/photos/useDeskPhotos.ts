import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeskPhoto } from '../../../../../shared/desk/photos';
import { call } from '../../../api/newsdesk';

/** How often the window asks main for the desk's photos while the list shows (a local call). */
const LIST_EVERY_MS = 1000;
/** How often a running fetch's progress is asked for. */
const PROGRESS_EVERY_MS = 200;

export interface Transfer {
  received: number;
  total: number;
}

/**
 * The desk's photos as main follows them live, the thumbnails fetched once each, and the
 * originals being fetched with their progress. Main holds the live list; the window asks for it
 * each second while shown, so there is no event to miss.
 */
export function useDeskPhotos() {
  const [photos, setPhotos] = useState<DeskPhoto[]>([]);
  const [signedIn, setSignedIn] = useState(false);
  const [thumbnails, setThumbnails] = useState<ReadonlyMap<string, string>>(new Map());
  const [transfers, setTransfers] = useState<ReadonlyMap<string, Transfer>>(new Map());
  const asked = useRef(new Set<string>());

  useEffect(() => {
    let stopped = false;
    const read = async () => {
      const answer = await call('deskPhotos:list', {});
      if (stopped || !answer.ok) return;
      setSignedIn(answer.value.signedIn);
      setPhotos(answer.value.photos);
      for (const photo of answer.value.photos) {
        if (asked.current.has(photo.mediaId)) continue;
        asked.current.add(photo.mediaId);
        void call('deskPhotos:thumbnail', { mediaId: photo.mediaId }).then((thumb) => {
          if (thumb.ok && !stopped) setThumbnails((map) => new Map(map).set(photo.mediaId, thumb.value.dataUrl));
          // A thumbnail that did not come is asked for again at the next read.
          if (!thumb.ok) asked.current.delete(photo.mediaId);
        });
      }
    };
    void read();
    const timer = setInterval(() => void read(), LIST_EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);

  const fetchOriginal = useCallback(async (photo: DeskPhoto) => {
    const update = (transfer: Transfer | null) =>
      setTransfers((map) => {
        const next = new Map(map);
        if (transfer) next.set(photo.mediaId, transfer);
        else next.delete(photo.mediaId);
        return next;
      });
    update({ received: 0, total: photo.bytes });
    const timer = setInterval(() => {
      void call('deskPhotos:progress', { mediaId: photo.mediaId }).then((progress) => {
        if (progress.ok && progress.value) update(progress.value);
      });
    }, PROGRESS_EVERY_MS);
    try {
      return await call('deskPhotos:fetch', { mediaId: photo.mediaId });
    } finally {
      clearInterval(timer);
      update(null);
    }
  }, []);

  return { photos, signedIn, thumbnails, transfers, fetchOriginal };
}
