// A baseline of the typing benchmark: bare Lexical (rich text, the same nodes as main.ts) bound to a
// Y.Doc by Lexical's own CollaborationPlugin, with a provider that keeps the document in the page
// (no IPC, no main). Against bare Lexical it shows what the Yjs binding itself costs per key;
// against the full app, what the rest (the IPC provider, the desk's plugins) adds.
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Provider } from '@lexical/yjs';
import { createRoot } from 'react-dom/client';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import './style.css';

const doc = (window as unknown as { __benchDoc: unknown }).__benchDoc;

type Listener = (...args: never[]) => void;

/** The smallest provider: the document stays here, and it is "synced" as soon as it connects. */
function inPageProvider(ydoc: Y.Doc): Provider {
  const listeners = new Map<string, Set<Listener>>();
  const emit = (type: string, ...args: unknown[]) => listeners.get(type)?.forEach((listener) => (listener as (...a: unknown[]) => void)(...args));
  const provider = {
    awareness: new Awareness(ydoc),
    connect() {
      // After the plugin subscribed, as a real provider's first sync arrives.
      queueMicrotask(() => {
        emit('status', { status: 'connected' });
        emit('sync', true);
      });
    },
    disconnect() {},
    on(type: string, listener: Listener) {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)!.add(listener);
    },
    off(type: string, listener: Listener) {
      listeners.get(type)?.delete(listener);
    },
  };
  // y-protocols types awareness states looser than Lexical's UserState.
  return provider as unknown as Provider;
}

function CollabEditor() {
  return (
    <LexicalCollaboration>
      <LexicalComposer initialConfig={{ namespace: 'bare-collab', nodes: [HeadingNode, QuoteNode], editorState: null, onError: (error) => { throw error; } }}>
        <RichTextPlugin contentEditable={<ContentEditable id="editor" />} ErrorBoundary={LexicalErrorBoundary} />
        <CollaborationPlugin
          id="bench"
          providerFactory={(id, docMap) => {
            const ydoc = new Y.Doc();
            docMap.set(id, ydoc);
            return inPageProvider(ydoc);
          }}
          shouldBootstrap
          initialEditorState={JSON.stringify(doc)}
        />
      </LexicalComposer>
    </LexicalCollaboration>
  );
}

createRoot(document.getElementById('root')!).render(<CollabEditor />);
// Ready once the binding wrote the document into the Y.Doc and the editor shows it.
const waitForBody = () => {
  if (document.querySelectorAll('#editor p').length > 80) (window as unknown as { __benchReady: boolean }).__benchReady = true;
  else requestAnimationFrame(waitForBody);
};
requestAnimationFrame(waitForBody);
