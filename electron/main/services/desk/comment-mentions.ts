import type * as Y from 'yjs';
import { commentsMapOf, mentionsOf, readThreads, type Mention } from '../../../../shared/desk/comments';

/** A comment from someone else on the desk that mentions the signed-in person. */
export interface DeskMention extends Mention {
  articleId: string;
}

export interface MentionWatch {
  /** Starts following a shared story's document (once per story; again is a no-op). */
  follow(articleId: string, doc: Y.Doc): void;
  stop(): void;
}

/**
 * Tells of new comments that mention `name` in the desk stories this desktop syncs, whether or not
 * a window shows the story (a window shows its own notice too). Only changes the desk brought
 * count (`fromDesk`): what this desktop's windows write is its own person's. Mentions already in a
 * document when it is first followed were there before this session and are not told again.
 */
export function watchMentions(name: string, fromDesk: (origin: unknown) => boolean, onMention: (mention: DeskMention) => void): MentionWatch {
  const stops = new Map<string, () => void>();
  return {
    follow(articleId, doc) {
      if (stops.has(articleId)) return;
      const seen = new Set(mentionsOf(readThreads(doc), name).map((mention) => mention.comment.id));
      const map = commentsMapOf(doc);
      const observer = (_events: unknown, transaction: Y.Transaction) => {
        if (!fromDesk(transaction.origin)) return;
        for (const mention of mentionsOf(readThreads(doc), name)) {
          if (seen.has(mention.comment.id)) continue;
          seen.add(mention.comment.id);
          onMention({ ...mention, articleId });
        }
      };
      map.observeDeep(observer);
      stops.set(articleId, () => map.unobserveDeep(observer));
    },
    stop() {
      for (const stop of stops.values()) stop();
      stops.clear();
    },
  };
}
