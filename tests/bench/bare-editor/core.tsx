// The middle step of the typing benchmark: Newsdesk's editor core (its nodes, theme, styles and
// page layout, with rich text, history, lists and links) and none of the drafting desk's own
// plugins, toolbar or status bar. Against bare Lexical it shows what the editor itself costs;
// against the full app, what the desk's plugins cost. The document arrives as window.__benchDoc.
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { createRoot } from 'react-dom/client';
import { ARTICLE_NODES } from '../../../renderer/src/editor/nodes';
import { editorTheme } from '../../../renderer/src/editor/theme';
import '../../../renderer/src/ui/styles/tokens.css';
import '../../../renderer/src/ui/styles/base.css';
import '../../../renderer/src/ui/styles/layout.css';
import '../../../renderer/src/ui/styles/editor.css';

const doc = (window as unknown as { __benchDoc: unknown }).__benchDoc;

function CoreEditor() {
  return (
    <LexicalComposer
      initialConfig={{
        namespace: 'newsdesk-core',
        nodes: ARTICLE_NODES,
        theme: editorTheme,
        editorState: JSON.stringify(doc),
        onError: (error) => {
          throw error;
        },
      }}
    >
      <main className="nd-main" style={{ height: '100vh' }}>
        <div className="nd-editor-slot">
          <div className="nd-editor-scroll">
            <div className="nd-editor-page">
              <RichTextPlugin contentEditable={<ContentEditable className="nd-editor" aria-label="Article body" spellCheck />} ErrorBoundary={LexicalErrorBoundary} />
            </div>
          </div>
        </div>
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin />
      </main>
    </LexicalComposer>
  );
}

createRoot(document.getElementById('root')!).render(<CoreEditor />);
requestAnimationFrame(() => {
  (window as unknown as { __benchReady: boolean }).__benchReady = true;
});
