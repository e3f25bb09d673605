import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { useMemo, type MouseEvent } from 'react';
import type { LexicalDocument } from '../../../shared/model/article';
import { ARTICLE_NODES } from './nodes';
import { editorTheme } from './theme';

/**
 * A stored body shown exactly as the editor would show it (same nodes and theme), not editable.
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
      <LexicalComposer initialConfig={initialConfig}>
        <RichTextPlugin
          contentEditable={<ContentEditable className="nd-editor nd-editor--readonly" aria-label={label} aria-readonly />}
          ErrorBoundary={LexicalErrorBoundary}
        />
      </LexicalComposer>
    </div>
  );
}
