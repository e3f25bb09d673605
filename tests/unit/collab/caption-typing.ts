import { $getRoot, $isElementNode, type LexicalEditor } from 'lexical';
import { captionTextOf } from '../../../renderer/src/editor/photos/caption';

// Typing in a caption editor as the keyboard does, for the caption co-editing tests.

export const textOf = (caption: LexicalEditor): string => captionTextOf(caption.getEditorState());

export function typeAt(caption: LexicalEditor, where: 'start' | 'end', text: string): void {
  caption.update(
    () => {
      const paragraph = $getRoot().getFirstChild();
      if (!$isElementNode(paragraph)) throw new Error('a caption is one paragraph');
      (where === 'start' ? paragraph.selectStart() : paragraph.selectEnd()).insertText(text);
    },
    { discrete: true },
  );
}
