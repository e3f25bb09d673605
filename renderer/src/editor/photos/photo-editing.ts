import type { HistoryState } from '@lexical/history';
import { createContext, useContext } from 'react';
import type * as Y from 'yjs';

/**
 * What the article editor hands down to the photos in its body. Captions are nested editors, so
 * their edits never reach the article editor's update listeners: they report them here (for
 * autosave), and record their undo steps in the article's history, so Ctrl/Cmd+Z in the text undoes
 * a caption edit in the order it was made.
 */
export interface PhotoEditing {
  historyState: HistoryState | null;
  onCaptionChange(): void;
  /** The story's shared document, which holds each caption's shared text; null where nothing is shared (previews). */
  storyDoc: Y.Doc | null;
}

export const PhotoEditingContext = createContext<PhotoEditing>({ historyState: null, onCaptionChange: () => {}, storyDoc: null });

export function usePhotoEditing(): PhotoEditing {
  return useContext(PhotoEditingContext);
}
