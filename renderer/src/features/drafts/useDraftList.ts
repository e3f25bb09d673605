import { useEffect, useRef, useState } from 'react';
import type { DraftSummary, ArticleStatus } from '../../../../shared/model/article';
import { call } from '../../api/newsdesk';
import { AnswerOrder } from '../../ui/answer-order';

export interface DraftFilters {
  text: string;
  status: ArticleStatus | '';
  section: string;
}

export interface DraftListState {
  items: DraftSummary[];
  total: number;
  loading: boolean;
  error: string | null;
}

/** How many drafts the list asks for; the desk works on recent stories, search finds the rest. */
const PAGE_SIZE = 200;
/** Typing in the search box waits this long before asking main. */
const SEARCH_DELAY_MS = 150;

const byLastChange = (a: DraftSummary, b: DraftSummary) => b.updatedAt.localeCompare(a.updatedAt);

/** Drafts matching the filters, newest change first; re-queried whenever `version` changes. */
export function useDraftList(filters: DraftFilters, version: number): DraftListState {
  const [state, setState] = useState<DraftListState>({ items: [], total: 0, loading: true, error: null });
  // An answer still on its way when the list is asked again is shown all the same (see AnswerOrder).
  const order = useRef(new AnswerOrder()).current;
  const filterKey = `${filters.text}\u0000${filters.status}\u0000${filters.section}`;
  const currentFilters = useRef(filterKey);

  useEffect(() => {
    let cancelled = false;
    // Keep the current rows while asking, but say a query is under way: on a first start with a
    // large library, main may still be building its search index and answer only after a while.
    setState((prev) => (prev.loading ? prev : { ...prev, loading: true }));
    const timer = setTimeout(async () => {
      const number = order.ask();
      const result = await call('drafts:list', {
        text: filters.text.trim(),
        status: filters.status || undefined,
        section: filters.section || undefined,
        limit: PAGE_SIZE,
      });
      // Results for other filters than the ones shown now are of no use.
      if (cancelled && currentFilters.current !== filterKey) return;
      if (!order.take(number)) return;
      const stillLatest = order.isLatest(number);
      if (result.ok) {
        setState({ items: [...result.value.items].sort(byLastChange), total: result.value.total, loading: !stillLatest, error: null });
      } else {
        setState((prev) => ({ ...prev, loading: !stillLatest, error: result.error.message }));
      }
    }, filters.text ? SEARCH_DELAY_MS : 0);
    currentFilters.current = filterKey;
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [filters.text, filters.status, filters.section, filterKey, version]);

  return state;
}

/** The Trash: deleted drafts, restorable, newest deletion first as main returns them. */
export function useTrashList(active: boolean, version: number): DraftListState {
  const [state, setState] = useState<DraftListState>({ items: [], total: 0, loading: true, error: null });
  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    void call('drafts:listTrash', {}).then((result) => {
      if (cancelled) return;
      if (result.ok) setState({ items: result.value, total: result.value.length, loading: false, error: null });
      else setState((prev) => ({ ...prev, loading: false, error: result.error.message }));
    });
    return () => {
      cancelled = true;
    };
  }, [active, version]);
  return state;
}
