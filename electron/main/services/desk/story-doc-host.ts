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
 * Holds a document as one more attached session. Its one difference from a real hold: when the
 * desk opens a story whose body is still empty, it is the editor asked to write the body, so a
 * window opening it after waits for the body from the desk instead.
 */
export function holdThroughSessions(docs: StoryDocs): StoryDocHost {
  return {
    hold(key, holder) {
      docs.open(key, holder);
      const doc = docs.get(key);
      if (!doc) throw new Error(`The story document ${key.id} did not stay open.`);
      return doc;
    },
    release: (key, holder) => docs.close(key, holder),
  };
}
