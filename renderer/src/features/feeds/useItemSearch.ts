import { useEffect, useRef, useState } from 'react';
import type { Feed } from '../../../../shared/model/feed';
import type { BoardItem } from '../../../../shared/model/placement';
import { call } from '../../api/newsdesk';

/** Typing pauses this long before the search runs, so a word costs one search, not one per letter. */
const SEARCH_DELAY_MS = 180;
const RESULT_LIMIT = 60;

/** What a feed of this kind can take, as the search asks for it. */
function kindFor(feed: Pick<Feed, 'kind'>): 'article' | 'video' | undefined {
  return feed.kind === 'articles' ? 'article' : feed.kind === 'video' ? 'video' : undefined;
}

/**
 * Articles and videos matching `text` (board:findItems), newest first. Only the latest search's
 * answer is kept: a slow answer to "elec" never replaces the answer to "election".
 */
export function useItemSearch(text: string, feed: Pick<Feed, 'kind'>): { items: BoardItem[]; loading: boolean; error: string | null } {
  const [items, setItems] = useState<BoardItem[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const kind = kindFor(feed);

  useEffect(() => {
    const asked = ++latest.current;
    setLoading(true);
    const run = async () => {
      const result = await call('board:findItems', { text: text.trim(), limit: RESULT_LIMIT, ...(kind ? { kind } : {}) });
      if (asked !== latest.current) return;
      setLoading(false);
      if (result.ok) {
        setItems(result.value);
        setError(null);
      } else {
        setError(`The search did not run: ${result.error.message}`);
      }
    };
    // The first list (empty search) shows at once; typing waits for a pause.
    const timer = setTimeout(() => void run(), text === '' ? 0 : SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, kind]);

  return { items, loading, error };
}
