import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { HorizontalRulePlugin } from '@lexical/react/LexicalHorizontalRulePlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { LexicalEditor } from 'lexical';
import { useMemo, useState, type ReactNode } from 'react';
import type { LexicalDocument } from '../../../shared/model/article';
import { ARTICLE_TRANSFORMERS } from './markdown';
import { ARTICLE_NODES } from './nodes';
import { ChangePlugin, type BodyStats } from './plugins/ChangePlugin';
import { DocumentRulesPlugin } from './plugins/DocumentRulesPlugin';
import { LinkEditorPlugin } from './plugins/LinkEditorPlugin';
import { PastePlugin } from './plugins/PastePlugin';
import { ShortcutsPlugin } from './plugins/ShortcutsPlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { editorTheme } from './theme';
import { isAllowedUrl } from './url';

export interface ArticleEditorProps {
  /** The body to start from. Read once: remount (change the React key) to load another. */
  initialBody: LexicalDocument;
  /** Called with the editor once it exists (for saving its body from outside the composer). */
  onEditor: (editor: LexicalEditor) => void;
  onChange: () => void;
  onStats: (stats: BodyStats) => void;
  /** Rendered under the text, inside the composer (the status bar). */
  footer?: ReactNode;
}

function reportError(error: Error): void {
  // A broken node must not take the whole desk down; the error boundary shows what happened.
  console.error('Editor error', error);
}

/** The body editor: Lexical rich text with the article's nodes, toolbar and plugins. */
export function ArticleEditor({ initialBody, onEditor, onChange, onStats, footer }: ArticleEditorProps) {
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: 'newsdesk-article',
      nodes: ARTICLE_NODES,
      theme: editorTheme,
      onError: reportError,
      editorState: JSON.stringify(initialBody),
    }),
    // Read once by design (see initialBody).
    [],
  );

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <ToolbarPlugin />
      <div className="nd-editor-scroll" ref={setScroller}>
        <div className="nd-editor-page">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="nd-editor"
                aria-label="Article body"
                aria-multiline
                data-testid="article-body"
                spellCheck
                aria-placeholder="Write the story…"
                placeholder={<div className="nd-editor-placeholder">Write the story…</div>}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <LinkEditorPlugin anchorElem={scroller} />
      </div>
      {footer}
      <HistoryPlugin />
      <ListPlugin />
      <LinkPlugin validateUrl={isAllowedUrl} />
      <HorizontalRulePlugin />
      <MarkdownShortcutPlugin transformers={ARTICLE_TRANSFORMERS} />
      <DocumentRulesPlugin />
      <PastePlugin />
      <ShortcutsPlugin />
      <ChangePlugin onChange={onChange} onStats={onStats} />
      <EditorRefPlugin editorRef={onEditor} />
    </LexicalComposer>
  );
}
