import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { ItemContent } from '../../../../shared/ipc/feeds-contract';
import type { ItemKey } from '../../../../shared/model/placement';
import { messageOf, request } from '../../api/newsdesk';

/** board:contents takes at most this many keys in one call. */
const MAX_KEYS_PER_CALL = 200;

interface Cached {
  /** The item's version (its card's updatedAt) when it was fetched; a newer one is fetched again. */
  version: string;
  /** null: main no longer has the item (trashed since the board was read). */
  content: ItemContent | null;
}

export interface ItemContents {
  /** undefined: not fetched yet; null: gone. */
  get(key: ItemKey): ItemContent | null | undefined;
  error: string | null;
  retry(): void;
}

/**
 * The whole articles and videos behind `keys`, fetched with board:contents only for keys not held
 * yet (or changed since), so "Show More" fetches just the next page and going back to an earlier
 * "As of" fetches nothing. `versionOf` gives each key's current version (the board card's updatedAt).
 */
export function useItemContents(keys: readonly ItemKey[], versionOf: (key: ItemKey) => string): ItemContents {
  const [cache, setCache] = useState<ReadonlyMap<ItemKey, Cached>>(() => new Map());
  const [error, setError] = useState<string | null>(null);
  const [attempt, retry] = useReducer((n: number) => n + 1, 0);
  const asking = useRef(new Set<ItemKey>());

  const wanted = keys.filter((key) => cache.get(key)?.version !== versionOf(key));
  const wantedKey = wanted.join(' ');

  useEffect(() => {
    const batch = wanted.filter((key) => !asking.current.has(key)).slice(0, MAX_KEYS_PER_CALL);
    if (batch.length === 0) return;
    const versions = new Map(batch.map((key) => [key, versionOf(key)]));
    for (const key of batch) asking.current.add(key);
    // Not cancelled when the keys change: another run skips keys being asked for, so this answer
    // is the only one coming for them and must land.
    request('board:contents', { keys: batch })
      .then((contents) => {
        const byKey = new Map(contents.map((content) => [content.key, content]));
        setError(null);
        setCache((previous) => {
          const next = new Map(previous);
          for (const key of batch) next.set(key, { version: versions.get(key) ?? '', content: byKey.get(key) ?? null });
          return next;
        });
      })
      .catch((failure: unknown) => {
        setError(`The items could not be read: ${messageOf(failure)}`);
      })
      .finally(() => {
        for (const key of batch) asking.current.delete(key);
      });
    // wantedKey stands for `wanted`; versionOf is read at the time of asking.
  }, [wantedKey, attempt]);

  return useMemo(
    () => ({
      get: (key: ItemKey) => {
        const cached = cache.get(key);
        return cached === undefined ? undefined : cached.content;
      },
      error,
      retry,
    }),
    [cache, error],
  );
}
