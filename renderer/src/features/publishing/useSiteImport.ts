import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PublishTarget, RemotePostId } from '../../../../shared/model/publishing';
import type { ImportOutcome, SitePostPage } from '../../../../shared/model/site-import';
import { call } from '../../api/newsdesk';

/**
 * The state of the "Import from site…" picker: which site, the search, the page of posts shown, the
 * posts picked (kept across pages and searches), and the import under way with its results. Posts
 * are imported one request each, so the dialog can say how far it is and a failure stops nothing.
 */

export const PAGE_SIZE = 20;
/** Typing in the search box asks the site once the typing pauses, not at every key. */
const SEARCH_PAUSE_MS = 350;

export type ImportTarget = Extract<PublishTarget, { kind: 'wordpress' | 'ghost' }>;

export interface SiteImportState {
  targets: ImportTarget[];
  targetId: string;
  setTargetId(id: string): void;
  search: string;
  setSearch(text: string): void;
  page: number;
  setPage(page: number): void;
  listing: SitePostPage | null;
  loading: boolean;
  error: string | null;
  picked: ReadonlyMap<string, { remoteId: RemotePostId; title: string }>;
  toggle(remoteId: RemotePostId, title: string): void;
  progress: { done: number; total: number } | null;
  results: ImportOutcome[] | null;
  importPicked(): Promise<void>;
  startOver(): void;
}

export const keyOf = (remoteId: RemotePostId): string => String(remoteId);

export function useSiteImport(): SiteImportState {
  const [targets, setTargets] = useState<ImportTarget[]>([]);
  const [targetId, setTargetIdState] = useState('');
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [listing, setListing] = useState<SitePostPage | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<Map<string, { remoteId: RemotePostId; title: string }>>(new Map());
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [results, setResults] = useState<ImportOutcome[] | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    void call('targets:list', {}).then((result) => {
      if (!result.ok) return setError(result.error.message);
      const sites = result.value.filter((target): target is ImportTarget => target.kind === 'wordpress' || target.kind === 'ghost');
      setTargets(sites);
      setTargetIdState((current) => current || sites[0]?.id || '');
    });
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(search);
      setPage(1);
    }, SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [search]);

  useEffect(() => {
    if (!targetId) return;
    let current = true;
    setLoading(true);
    void call('siteImport:list', { targetId, search: query, page, perPage: PAGE_SIZE }).then((result) => {
      if (!current) return;
      setLoading(false);
      if (result.ok) {
        setListing(result.value);
        setError(null);
      } else {
        setListing(null);
        setError(result.error.message);
      }
    });
    // An answer to an older question (another page, another search) is dropped.
    return () => {
      current = false;
    };
  }, [targetId, query, page, reload]);

  const setTargetId = useCallback((id: string) => {
    setTargetIdState(id);
    setPage(1);
    // Post ids belong to one site: what was picked on another does not carry over.
    setPicked(new Map());
  }, []);

  const toggle = useCallback((remoteId: RemotePostId, title: string) => {
    setPicked((before) => {
      const next = new Map(before);
      if (next.has(keyOf(remoteId))) next.delete(keyOf(remoteId));
      else next.set(keyOf(remoteId), { remoteId, title });
      return next;
    });
  }, []);

  const importPicked = useCallback(async () => {
    const posts = [...picked.values()];
    if (posts.length === 0 || !targetId) return;
    const outcomes: ImportOutcome[] = [];
    setProgress({ done: 0, total: posts.length });
    for (const post of posts) {
      const result = await call('siteImport:import', { targetId, postIds: [post.remoteId] });
      if (result.ok) outcomes.push(...result.value.results);
      else outcomes.push({ remoteId: post.remoteId, title: post.title, outcome: 'failed', articleId: null, message: result.error.message, leftOut: [] });
      setProgress({ done: outcomes.length, total: posts.length });
    }
    setProgress(null);
    setResults(outcomes);
    setPicked(new Map());
  }, [picked, targetId]);

  const startOver = useCallback(() => {
    setResults(null);
    // The list now says which posts are already in Newsdesk.
    setReload((count) => count + 1);
  }, []);

  return useMemo(
    () => ({ targets, targetId, setTargetId, search, setSearch, page, setPage, listing, loading, error, picked, toggle, progress, results, importPicked, startOver }),
    [targets, targetId, setTargetId, search, page, listing, loading, error, picked, toggle, progress, results, importPicked, startOver],
  );
}
