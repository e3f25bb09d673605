import { $isMarkNode } from '@lexical/mark';
import { $dfs } from '@lexical/utils';
import { $createParagraphNode, $createTextNode, $getNodeByKey, $getRoot, createEditor, type LexicalEditor, type TextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { markRange, readSelectedRange, unmarkThread } from '../../../renderer/src/features/desk/comments/comment-marks';
import { ARTICLE_NODES } from '../../../renderer/src/editor/nodes';

// The editor's side of comments, headless: marking the selected words, and refusing when they were
// deleted or changed (by another editor) between selecting them and adding the comment.

function editorWith(text: string): { editor: LexicalEditor; node: () => TextNode } {
  // `node` is for use inside an update.
  const editor = createEditor({ nodes: [...ARTICLE_NODES], onError: (error) => { throw error; } });
  let key = '';
  editor.update(
    () => {
      const words = $createTextNode(text);
      key = words.getKey();
      $getRoot().append($createParagraphNode().append(words));
      words.select(15, 36);
    },
    { discrete: true },
  );
  const node = () => $getNodeByKey<TextNode>(key)!;
  return { editor, node };
}

const marks = (editor: LexicalEditor) =>
  editor.getEditorState().read(() => $dfs().flatMap(({ node }) => ($isMarkNode(node) ? [{ ids: node.getIDs(), text: node.getTextContent() }] : [])));

describe('comment marks in the editor', () => {
  it('marks the selected words with the thread id, and takes the mark off again', () => {
    const { editor } = editorWith('The mayor said the bridge reopens Monday.');
    const range = readSelectedRange(editor);
    expect(range?.quote).toBe('the bridge reopens Mo');
    expect(markRange(editor, range!, 'thread-1')).toBe('marked');
    expect(marks(editor)).toEqual([{ ids: ['thread-1'], text: 'the bridge reopens Mo' }]);
    unmarkThread(editor, 'thread-1');
    expect(marks(editor)).toEqual([]);
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toBe('The mayor said the bridge reopens Monday.');
  });

  it('refuses, changing nothing, when the words were deleted or changed after they were selected', () => {
    const deleted = editorWith('The mayor said the bridge reopens Monday.');
    const first = readSelectedRange(deleted.editor)!;
    deleted.editor.update(() => deleted.node().remove(), { discrete: true });
    expect(markRange(deleted.editor, first, 'thread-2')).toBe('gone');
    expect(marks(deleted.editor)).toEqual([]);

    const changed = editorWith('The mayor said the bridge reopens Monday.');
    const second = readSelectedRange(changed.editor)!;
    changed.editor.update(() => changed.node().setTextContent('The mayor said the tunnel reopens Monday.'), { discrete: true });
    expect(markRange(changed.editor, second, 'thread-3')).toBe('changed');
    expect(marks(changed.editor)).toEqual([]);

    const shortened = editorWith('The mayor said the bridge reopens Monday.');
    const third = readSelectedRange(shortened.editor)!;
    shortened.editor.update(() => shortened.node().setTextContent('The mayor'), { discrete: true });
    expect(markRange(shortened.editor, third, 'thread-4')).toBe('gone');
  });

  it('reads no range from a caret or a selection of spaces only', () => {
    const { editor } = editorWith('The mayor    said');
    editor.update(() => $getRoot().getFirstDescendant<TextNode>()!.select(3, 3), { discrete: true });
    expect(readSelectedRange(editor)).toBeNull();
    editor.update(() => $getRoot().getFirstDescendant<TextNode>()!.select(10, 12), { discrete: true });
    expect(readSelectedRange(editor)).toBeNull();
  });
});
