import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { commentsMapOf, mentionsOf, readThreads, type CommentThread, type Mention } from '../../../../../shared/desk/comments';

/**
 * The story's comment threads, live: read again whenever the shared map changes (a thread added,
 * answered or resolved here, in another window or on another desktop). `mentions` are the comments
 * that arrived from elsewhere mentioning `name` since the story was opened: the in-app notice.
 */
export function useCommentThreads(doc: Y.Doc, name: string): { threads: CommentThread[]; mentions: Mention[]; dismiss(): void } {
  const [threads, setThreads] = useState<CommentThread[]>(() => readThreads(doc));
  const [mentions, setMentions] = useState<Mention[]>([]);

  useEffect(() => {
    const map = commentsMapOf(doc);
    // Mentions already in the story when it was opened were seen (or notified) before.
    const seen = new Set(mentionsOf(readThreads(doc), name).map((mention) => mention.comment.id));
    const onChange = () => {
      const next = readThreads(doc);
      setThreads(next);
      // Others' comments only (mentionsOf leaves out the person's own): they came from elsewhere.
      const fresh = mentionsOf(next, name).filter((mention) => !seen.has(mention.comment.id));
      for (const mention of fresh) seen.add(mention.comment.id);
      if (fresh.length > 0) setMentions((shown) => [...shown, ...fresh]);
    };
    setThreads(readThreads(doc));
    map.observeDeep(onChange);
    return () => map.unobserveDeep(onChange);
  }, [doc, name]);

  return { threads, mentions, dismiss: () => setMentions([]) };
}
