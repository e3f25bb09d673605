import { useCallback, useState } from 'react';
import type { PhotoUsage } from '../../../../shared/model/media-library';
import { call } from '../../api/newsdesk';
import { useNotify } from '../../ui/components/Toasts';
import { countPhotos } from './photo-display';

export interface PhotoDelete {
  /** Photos in use waiting for the person's answer, with where each is used; null when none. */
  asking: { ids: string[]; inUse: PhotoUsage[] } | null;
  /** Deletes to the trash; photos in use are only moved once `confirm` is called. */
  start(ids: readonly string[]): Promise<void>;
  confirm(): Promise<void>;
  cancel(): void;
}

/** Delete (to the photo trash) from the library: asks first when a photo is in use. */
export function usePhotoDelete(onTrashed: (ids: string[]) => void): PhotoDelete {
  const notify = useNotify();
  const [asking, setAsking] = useState<PhotoDelete['asking']>(null);

  const send = useCallback(
    async (ids: string[], evenIfUsed: boolean) => {
      const result = await call('media:trash', { ids, evenIfUsed });
      if (!result.ok) return notify(result.error.message, { tone: 'error' });
      if (result.value.inUse.length > 0) return setAsking({ ids, inUse: result.value.inUse });
      setAsking(null);
      onTrashed(result.value.trashed);
      notify(`Moved ${countPhotos(result.value.trashed.length)} to the photo trash.`);
    },
    [notify, onTrashed],
  );

  return {
    asking,
    start: (ids) => (ids.length === 0 ? Promise.resolve() : send([...ids], false)),
    confirm: async () => {
      if (asking) await send(asking.ids, true);
    },
    cancel: () => setAsking(null),
  };
}
