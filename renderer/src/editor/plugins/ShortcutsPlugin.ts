import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  COMMAND_PRIORITY_NORMAL,
  CONTROL_OR_META,
  FORMAT_TEXT_COMMAND,
  isExactShortcutMatch,
  KEY_DOWN_COMMAND,
  mergeRegister,
} from 'lexical';
import { useEffect } from 'react';
import { setBlockType, type BlockType } from '../blocks';
import { OPEN_LINK_EDITOR_COMMAND } from '../commands';

const MOD_ALT = { ...CONTROL_OR_META, altKey: true };
const MOD_SHIFT = { ...CONTROL_OR_META, shiftKey: true };

// Ctrl/Cmd+Alt+digit, as in Google Docs. Matching on event.key (Lexical's matcher) rather than the
// physical key means AltGr+2, which is Ctrl+Alt+2 on Windows and types "@" on many European
// layouts, still types "@" instead of making a heading.
const BLOCK_SHORTCUTS: [string, BlockType][] = [
  ['0', 'paragraph'],
  ['2', 'h2'],
  ['3', 'h3'],
];

/**
 * Keyboard shortcuts beyond the ones Lexical's rich-text core already handles (bold, italic,
 * underline, undo, redo incl. Ctrl+Y).
 */
export function ShortcutsPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            if (isExactShortcutMatch(event, 'k', CONTROL_OR_META)) {
              event.preventDefault();
              return editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined);
            }
            if (isExactShortcutMatch(event, 'x', MOD_SHIFT)) {
              event.preventDefault();
              return editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'strikethrough');
            }
            for (const [key, type] of BLOCK_SHORTCUTS) {
              if (isExactShortcutMatch(event, key, MOD_ALT)) {
                event.preventDefault();
                setBlockType(editor, type, { toggle: false });
                return true;
              }
            }
            return false;
          },
          COMMAND_PRIORITY_NORMAL,
        ),
      ),
    [editor],
  );
  return null;
}
