import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $insertNodeToNearestRoot } from '@lexical/utils';
import { $createParagraphNode, $getSelection, $isParagraphNode, $isRangeSelection, COMMAND_PRIORITY_CRITICAL, COMMAND_PRIORITY_HIGH, createCommand, PASTE_COMMAND, type LexicalCommand } from 'lexical';
import { useEffect } from 'react';
import { parseEmbedUrl } from '../../../../shared/rules/embed-providers';
import { $createEmbedNode } from '../nodes/EmbedNode';

/** Inserts an embed for a URL; false (nothing inserted) when the URL is not on the allow-list. */
export const INSERT_EMBED_COMMAND: LexicalCommand<string> = createCommand('INSERT_EMBED_COMMAND');

/**
 * A known provider's address pasted on its own (YouTube, X, Bluesky, a map…) becomes an embed
 * card; pasted inside a sentence, or any other address, it stays text (and a link as today).
 */
export function EmbedPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const $insert = (url: string): boolean => {
      const embed = parseEmbedUrl(url);
      if (embed === null) return false;
      const node = $createEmbedNode(embed);
      const selection = $getSelection();
      const line = $isRangeSelection(selection) ? selection.anchor.getNode().getTopLevelElement() : null;
      // On an empty line the card takes the line's place, with a fresh line after it to type on.
      if ($isParagraphNode(line) && line.getTextContent().trim() === '') {
        line.replace(node);
        const next = $createParagraphNode();
        node.insertAfter(next);
        next.select();
      } else {
        $insertNodeToNearestRoot(node);
      }
      return true;
    };
    const removePaste = editor.registerCommand(
      PASTE_COMMAND,
      (event) => {
        const data = 'clipboardData' in event ? event.clipboardData : null;
        const text = data?.getData('text/plain').trim() ?? '';
        if (text === '' || parseEmbedUrl(text) === null) return false;
        const selection = $getSelection();
        // Only on an empty line: a URL pasted into a sentence is part of that sentence.
        if (!$isRangeSelection(selection) || !selection.isCollapsed() || selection.anchor.getNode().getTopLevelElementOrThrow().getTextContent().trim() !== '') return false;
        event.preventDefault();
        return $insert(text);
      },
      COMMAND_PRIORITY_CRITICAL,
    );
    const removeInsert = editor.registerCommand(INSERT_EMBED_COMMAND, $insert, COMMAND_PRIORITY_HIGH);
    return () => {
      removePaste();
      removeInsert();
    };
  }, [editor]);
  return null;
}
