import type * as Y from 'yjs';
import type { StoryDocKey, StoryDocs } from '../collab/story-docs';

/**
 * What the desk connection needs of main's story documents: keep one open while it syncs, even with
 * no window attached, and let it go after. The story-documents module is to offer this itself
 * (`hold`/`release`); until then `holdThroughSessions` keeps a document open the way a window does.
 */
export interface StoryDocHost {
  hold(key: StoryDocKey, holder: string): Y.Doc;
  release(key: StoryDocKey, holder: string): void;
}

/**
 * Holds a document as one more attached session, without becoming the editor asked to write the
 * body: story-docs asks the first session to open an empty body to write it (Lexical's bootstrap),
 * and the desk has no editor, so no window would ever write the article file's body in. The
 * document is opened under a stand-in session that takes the bootstrap, then under the holder's
 * name, and the stand-in closes: that hands the bootstrap back to the next window that opens.
 */
export function holdThroughSessions(docs: StoryDocs): StoryDocHost {
  return {
    hold(key, holder) {
      const standIn = `${holder}:opening`;
      docs.open(key, standIn);
      docs.open(key, holder);
      docs.close(key, standIn);
      const doc = docs.get(key);
      if (!doc) throw new Error(`The story document ${key.id} did not stay open.`);
      return doc;
    },
    release: (key, holder) => docs.close(key, holder),
  };
}
