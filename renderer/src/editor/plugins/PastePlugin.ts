import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $generateNodesFromDOM } from '@lexical/html';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $dfs } from '@lexical/utils';
import {
  $getSelection,
  $isElementNode,
  $isTextNode,
  COMMAND_PRIORITY_HIGH,
  PASTE_COMMAND,
  PASTE_TAG,
  type LexicalNode,
} from 'lexical';
import { useEffect } from 'react';
import { $takePictureMarks, slotsOfPaste } from '../paste/picture-slots';
import { sanitizePastedHtml } from '../paste/sanitize';

/** Lexical's own clipboard format: copies between Newsdesk editors keep every node as it was. */
const LEXICAL_MIME = 'application/x-lexical-editor';

/** No inline CSS survives a paste; emphasis was already turned into formats by the sanitizer. */
function $clearStyles(nodes: LexicalNode[]): void {
  for (const top of nodes) {
    const all = $isElementNode(top) ? [top, ...$dfs(top).map((entry) => entry.node)] : [top];
    for (const node of all) {
      if ($isTextNode(node)) node.setStyle('');
      else if ($isElementNode(node)) {
        node.setFormat('');
        node.setIndent(0);
        node.setStyle('');
        if ('setTextStyle' in node && typeof node.setTextStyle === 'function') node.setTextStyle('');
      }
    }
  }
}

/**
 * Replaces the rich-text paste for HTML from outside (Word, Google Docs, web pages): the HTML is
 * sanitized first, then converted with Lexical's importer. Lexical's own format and plain text go
 * through the default handler, which runs after this one when it returns false.
 */
export function PastePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = 'clipboardData' in event ? event.clipboardData : null;
          if (!data || data.types.includes(LEXICAL_MIME)) return false;
          const html = data.getData('text/html');
          if (!html) return false;
          event.preventDefault();
          const clean = sanitizePastedHtml(html, { markPictures: true });
          editor.update(
            () => {
              const selection = $getSelection();
              if (selection === null) return;
              const dom = new DOMParser().parseFromString(clean, 'text/html');
              const nodes = $generateNodesFromDOM(editor, dom);
              $clearStyles(nodes);
              $insertGeneratedNodes(editor, nodes, selection);
              // Where each picture stood is noted for the photo it becomes (PhotoPlugin reads it).
              $takePictureMarks(slotsOfPaste.get(event));
            },
            // Its own undo step, as Lexical does for its paste.
            { tag: PASTE_TAG },
          );
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  );
  return null;
}
