import { useCallback, useRef, useState } from 'react';
import type { ConflictChoice } from '../../../../shared/ipc/publishing-contract';
import type { PublishJob } from '../../../../shared/model/publishing';
import { request } from '../../api/newsdesk';
import { useNotify } from '../../ui/components/Toasts';
import { headlineOf } from './job-display';

/** The article open in the editor, so taking the site's version can save it first and show the result. */
export interface OpenArticleHandle {
  articleId: string;
  /** Saves pending edits; false when they could not be saved. */
  flush(): Promise<boolean>;
  /** Reads the article again from the library into the editor. */
  reload(): Promise<void>;
}

export interface ConflictChoiceState {
  /** The job whose conflict dialog is open, if any. */
  conflictJobId: string | null;
  showConflict(jobId: string | null): void;
  resolveConflict(job: PublishJob, choice: ConflictChoice): Promise<void>;
  registerOpenArticle(handle: OpenArticleHandle): () => void;
  /** Goes up each time an article's text is replaced by the site's version (the draft list re-reads). */
  articlesReplaced: number;
  /** Main changed this article's text (a correction was appended): the open editor and the lists read it again. */
  articleReplaced(articleId: string): Promise<void>;
}

/** The editor's choice between its version and the site's, with the open article kept in step. */
export function useConflictChoice(refresh: () => Promise<void>): ConflictChoiceState {
  const notify = useNotify();
  const [conflictJobId, showConflict] = useState<string | null>(null);
  const [articlesReplaced, setArticlesReplaced] = useState(0);
  const openArticle = useRef<OpenArticleHandle | null>(null);

  const resolveConflict = useCallback(
    async (job: PublishJob, choice: ConflictChoice) => {
      const open = openArticle.current?.articleId === job.articleId ? openArticle.current : null;
      // The site's text becomes a new revision: edits not yet saved must be saved first, or a late
      // autosave would put them back over it.
      if (choice === 'takeRemote' && open && !(await open.flush())) {
        throw new Error('The open draft could not be saved, so the site’s version was not taken. Fix the problem shown under the text, then try again.');
      }
      await request('outbox:resolveConflict', { id: job.id, choice });
      await refresh();
      if (choice === 'takeRemote') {
        setArticlesReplaced((count) => count + 1);
        await open?.reload();
        notify(`The site’s version of “${headlineOf(job)}” is now the current text; the earlier one is in its revisions.`);
      }
    },
    [notify, refresh],
  );

  const registerOpenArticle = useCallback((handle: OpenArticleHandle) => {
    openArticle.current = handle;
    return () => {
      if (openArticle.current === handle) openArticle.current = null;
    };
  }, []);
  const articleReplaced = useCallback(async (articleId: string) => {
    setArticlesReplaced((count) => count + 1);
    if (openArticle.current?.articleId === articleId) await openArticle.current.reload();
  }, []);
  return { conflictJobId, showConflict, resolveConflict, registerOpenArticle, articlesReplaced, articleReplaced };
}
