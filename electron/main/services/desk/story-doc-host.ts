import type * as Y from 'yjs';
import type { StoryDocKey } from '../collab/story-docs';

/**
 * What the desk connection needs of main's story documents: keep one open (loaded from disk) while
 * it syncs, even with no window attached, and let it go after. Main's story documents offer exactly
 * this (`hold`/`release`, holders are not editors, so a window opening an empty body is still the
 * one asked to write it); the interface keeps the desk's modules to these two calls.
 */
export interface StoryDocHost {
  hold(key: StoryDocKey, holder: string): Promise<Y.Doc>;
  release(key: StoryDocKey, holder: string): Promise<void>;
}
