import { useEffect, useState } from 'react';
import { PHOTO_FILTERS, type PhotoFilter } from '../../../../shared/model/media-library';
import type { Photo } from '../../../../shared/model/photo';
import { call } from '../../api/newsdesk';

export interface PhotoPageState {
  items: Photo[];
  total: number;
  loading: boolean;
  error: string | null;
}

/** The most the contract returns per call; longer lists are fetched in slices. */
const MAX_SLICE = 500;
/** Typing in a search box waits this long before asking main. */
const SEARCH_DELAY_MS = 150;

/**
 * The first `count` photos matching the search and filter, in the library's order. Re-queried when
 * `version` changes (after an import or an edit); the previous rows stay while a query runs.
 */
export function usePhotoPage(text: string, filter: PhotoFilter, count: number, version: number): PhotoPageState {
  const [state, setState] = useState<PhotoPageState>({ items: [], total: 0, loading: true, error: null });

  useEffect(() => {
    let cancelled = false;
    setState((prev) => (prev.loading ? prev : { ...prev, loading: true }));
    const timer = setTimeout(async () => {
      const items: Photo[] = [];
      let total = 0;
      do {
        const result = await call('media:list', { text: text.trim(), filter, offset: items.length, limit: Math.min(MAX_SLICE, count - items.length) });
        if (cancelled) return;
        if (!result.ok) return setState((prev) => ({ ...prev, loading: false, error: result.error.message }));
        items.push(...result.value.items);
        total = result.value.total;
        if (result.value.items.length === 0) break;
      } while (items.length < Math.min(count, total));
      setState({ items, total, loading: false, error: null });
    }, text.trim() ? SEARCH_DELAY_MS : 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [text, filter, count, version]);

  return state;
}

export type FilterCounts = Record<PhotoFilter, number | null>;

function noCounts(): FilterCounts {
  return Object.fromEntries(PHOTO_FILTERS.map((filter) => [filter, null])) as FilterCounts;
}

/** How many photos each filter chip would show for the current search (null until known). */
export function useFilterCounts(text: string, version: number): FilterCounts {
  const [counts, setCounts] = useState<FilterCounts>(() => noCounts());
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(async () => {
      const filters = [...PHOTO_FILTERS];
      const results = await Promise.all(filters.map((filter) => call('media:list', { text: text.trim(), filter, limit: 1 })));
      if (cancelled) return;
      const next = noCounts();
      filters.forEach((filter, index) => {
        const result = results[index];
        next[filter] = result?.ok ? result.value.total : null;
      });
      setCounts(next);
    }, text.trim() ? SEARCH_DELAY_MS : 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [text, version]);
  return counts;
}
