import { $isLinkNode, LinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HeadingNode } from '@lexical/rich-text';
import { mergeRegister, ParagraphNode, TextNode } from 'lexical';
import { useEffect } from 'react';
import { isAllowedUrl } from '../url';

/**
 * Rules every article body obeys, however content got in (typing, paste, Markdown shortcut, a
 * stored file, a crafted clipboard): headings are H2 or H3, text carries no inline CSS, and links
 * point only at http(s) or mailto. Node transforms run on every change to a node, so they hold the
 * rules with no extra pass; each check is a comparison, cheap enough for every keystroke.
 */
export function DocumentRulesPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerNodeTransform(HeadingNode, (node) => {
          const tag = node.getTag();
          if (tag === 'h1') node.setTag('h2');
          else if (tag !== 'h2' && tag !== 'h3') node.setTag('h3');
        }),
        editor.registerNodeTransform(TextNode, (node) => {
          if (node.getStyle() !== '') node.setStyle('');
        }),
        editor.registerNodeTransform(ParagraphNode, (node) => {
          if (node.getTextStyle() !== '') node.setTextStyle('');
        }),
        editor.registerNodeTransform(LinkNode, (node) => {
          if ($isLinkNode(node) && !isAllowedUrl(node.getURL())) {
            // Keep the words, drop the link.
            for (const child of node.getChildren()) node.insertBefore(child);
            node.remove();
          }
        }),
      ),
    [editor],
  );
  return null;
}
