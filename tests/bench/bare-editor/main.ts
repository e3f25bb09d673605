// The baseline for the typing benchmark: Lexical with rich text and history only, holding the same
// document as the Newsdesk editor. The document arrives from the bench as window.__benchDoc.
import { registerHistory, createEmptyHistoryState } from '@lexical/history';
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import { mergeRegister } from '@lexical/utils';
import { createEditor } from 'lexical';
import './style.css';

const editor = createEditor({
  namespace: 'bare',
  nodes: [HeadingNode, QuoteNode],
  onError: (error) => {
    throw error;
  },
});
editor.setRootElement(document.getElementById('editor'));
mergeRegister(registerRichText(editor), registerHistory(editor, createEmptyHistoryState(), 300));
const doc = (window as unknown as { __benchDoc: unknown }).__benchDoc;
editor.setEditorState(editor.parseEditorState(JSON.stringify(doc)));
(window as unknown as { __benchReady: boolean }).__benchReady = true;
