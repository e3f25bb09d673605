import { useEffect } from 'react';
import { request } from '../../api/newsdesk';
import type { DraftSession } from '../drafts/useDraftSession';
import { useOutbox } from './OutboxContext';

/**
 * Tells the outbox which article the editor holds, so "Take the site's version" saves pending
 * edits first and then shows the new text in the editor instead of a stale copy.
 */
export function useOpenArticleForOutbox(session: DraftSession): void {
  const { registerOpenArticle } = useOutbox();
  const id = session.article?.id ?? null;
  const { flush, load } = session;
  useEffect(() => {
    if (!id) return;
    return registerOpenArticle({
      articleId: id,
      flush,
      reload: async () => load(await request('drafts:get', { id })),
    });
  }, [id, flush, load, registerOpenArticle]);
}
