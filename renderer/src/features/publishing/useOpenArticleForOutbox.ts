import { useEffect } from 'react';
import { request } from '../../api/newsdesk';
import type { Article } from '../../../../shared/model/article';
import { useOutbox } from './OutboxContext';

/**
 * The part of the drafting desk's session the outbox needs. Declared here rather than imported from
 * the drafts feature, which itself imports publishing: features must not import each other in a circle.
 */
export interface OpenArticleSession {
  article: Pick<Article, 'id'> | null;
  flush(): Promise<boolean>;
  load(article: Article): void;
}

/**
 * Tells the outbox which article the editor holds, so "Take the site's version" saves pending
 * edits first and then shows the new text in the editor instead of a stale copy.
 */
export function useOpenArticleForOutbox(session: OpenArticleSession): void {
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
