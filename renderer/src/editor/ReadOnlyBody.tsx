import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { useMemo, type MouseEvent } from 'react';
import type { LexicalDocument } from '../../../shared/model/article';
import { PhotoEditingContext, type PhotoEditing } from './photos/photo-editing';
import { ARTICLE_NODES } from './nodes';
import { editorTheme } from './theme';

/** Photo captions in a read-only body keep their own (unused) history and never report edits. */
const READ_ONLY_PHOTOS: PhotoEditing = { historyState: null, onCaptionChange: () => {}, storyDoc: null };

/**
 * A stored body shown exactly as the editor would show it (same nodes and theme), not editable.
 * Photos show as readers see them: the picture, then "caption (credit)".
 * Links in a non-editable view are live anchors: a click would navigate the app window away, so
 * clicks on them are swallowed here. The composer reads its state once: give each body its own
 * React key.
 */
export function ReadOnlyBody({ body, label }: { body: LexicalDocument; label: string }) {
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: 'newsdesk-preview',
      nodes: ARTICLE_NODES,
      theme: editorTheme,
      editable: false,
      onError: (error) => console.error('Preview error', error),
      editorState: JSON.stringify(body),
    }),
    [body],
  );
  const swallowLinks = (event: MouseEvent) => {
    if (event.target instanceof Element && event.target.closest('a')) event.preventDefault();
  };
  return (
    <div className="nd-readonly" onClickCapture={swallowLinks}>
      {/* The reader preview sits inside the article editor: its captions must not join that editor's history. */}
      <PhotoEditingContext.Provider value={READ_ONLY_PHOTOS}>
        <LexicalComposer initialConfig={initialConfig}>
          <RichTextPlugin
            contentEditable={<ContentEditable className="nd-editor nd-editor--readonly" aria-label={label} aria-readonly />}
            ErrorBoundary={LexicalErrorBoundary}
          />
        </LexicalComposer>
      </PhotoEditingContext.Provider>
    </div>
  );
}
