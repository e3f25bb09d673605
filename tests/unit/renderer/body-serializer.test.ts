import { registerHistory, createEmptyHistoryState } from '@lexical/history';
import { $createListItemNode, $createListNode } from '@lexical/list';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  createEditor,
  REDO_COMMAND,
  TextNode,
  UNDO_COMMAND,
  type ElementNode,
  type LexicalEditor,
} from 'lexical';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerBodySerializer, serializeBody } from '../../../renderer/src/editor/body-serializer';
import { ARTICLE_NODES } from '../../../renderer/src/editor/nodes';
import { longArticleBody } from '../../bench/fixtures/long-article';

// Saves serialize the body incrementally (only the blocks edited since the last save). Whatever
// happens to the document, what they store must be exactly what editorState.toJSON() gives.

function editorWith(words: number): LexicalEditor {
  const editor = createEditor({ namespace: 'test', nodes: ARTICLE_NODES, onError: (error) => { throw error; } });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(longArticleBody(words))));
  return editor;
}

const edit = (editor: LexicalEditor, fn: () => void) => editor.update(fn, { discrete: true });
const full = (editor: LexicalEditor) => JSON.parse(JSON.stringify(editor.getEditorState().toJSON())) as unknown;
const incremental = (editor: LexicalEditor) => JSON.parse(JSON.stringify(serializeBody(editor))) as unknown;

function $firstText(blockIndex: number): TextNode {
  const block = $getRoot().getChildAtIndex(blockIndex);
  const text = $isElementNode(block) ? block.getFirstDescendant() : null;
  if (!$isTextNode(text)) throw new Error(`block ${blockIndex} has no text`);
  return text;
}

describe('the body serializer used by saves', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives exactly editorState.toJSON() through typing, formatting, new and removed blocks, lists, undo, redo and a replaced document', () => {
    const editor = editorWith(2000);
    registerHistory(editor, createEmptyHistoryState(), 0);
    registerBodySerializer(editor);
    const steps: [string, () => void][] = [
      ['typing into a paragraph', () => edit(editor, () => $firstText(5).setTextContent(`${$firstText(5).getTextContent()} more words`))],
      ['typing again in the same paragraph', () => edit(editor, () => $firstText(5).setTextContent(`${$firstText(5).getTextContent()}!`))],
      ['bold on a word', () => edit(editor, () => $firstText(7).setFormat('bold'))],
      ['a new paragraph', () => edit(editor, () => $getRoot().getChildAtIndex(3)!.insertAfter($createParagraphNode().append($createTextNode('Inserted.'))))],
      ['a block removed', () => edit(editor, () => $getRoot().getChildAtIndex(9)!.remove())],
      ['a list', () => edit(editor, () => $getRoot().getChildAtIndex(2)!.insertBefore($createListNode('bullet').append($createListItemNode().append($createTextNode('point')))))],
      ['typing in the list item', () => edit(editor, () => $firstText(2).setTextContent('point, longer'))],
      ['undo', () => editor.dispatchCommand(UNDO_COMMAND, undefined)],
      ['undo again', () => editor.dispatchCommand(UNDO_COMMAND, undefined)],
      ['redo', () => editor.dispatchCommand(REDO_COMMAND, undefined)],
      ['another document set in', () => editor.setEditorState(editor.parseEditorState(JSON.stringify(longArticleBody(300, 7))))],
      ['typing after that', () => edit(editor, () => $firstText(1).setTextContent('Replaced text'))],
    ];
    expect(incremental(editor)).toEqual(full(editor));
    for (const [what, step] of steps) {
      step();
      expect(incremental(editor), what).toEqual(full(editor));
    }
  });

  it('re-exports only the block that was edited since the previous save', () => {
    const editor = editorWith(2000);
    registerBodySerializer(editor);
    serializeBody(editor);
    edit(editor, () => $firstText(5).setTextContent('Edited.'));
    const textsInBlock = editor.getEditorState().read(() => ($getRoot().getChildAtIndex(5) as ElementNode).getAllTextNodes().length);
    const textsInBody = editor.getEditorState().read(() => $getRoot().getAllTextNodes().length);
    const exported = vi.spyOn(TextNode.prototype, 'exportJSON');
    serializeBody(editor);
    expect(textsInBody).toBeGreaterThan(50);
    expect(exported).toHaveBeenCalledTimes(textsInBlock);
  });

  it('walks the whole document once the editor is gone (a flush after the editor unmounted)', () => {
    const editor = editorWith(300);
    const unregister = registerBodySerializer(editor);
    serializeBody(editor);
    unregister();
    edit(editor, () => $firstText(1).setTextContent('After unmount.'));
    expect(incremental(editor)).toEqual(full(editor));
  });
  describe('in a page that reports idle time', () => {
    /** requestIdleCallback with the idle moments, and how long each lasts, under the test's control. */
    let idleCallbacks: ((deadline: { timeRemaining(): number; didTimeout: boolean }) => void)[];
    beforeEach(() => {
      idleCallbacks = [];
      vi.stubGlobal('requestIdleCallback', (callback: (typeof idleCallbacks)[number]) => idleCallbacks.push(callback));
      vi.stubGlobal('cancelIdleCallback', () => {});
    });
    afterEach(() => vi.unstubAllGlobals());
    /** Runs the idle callbacks asked for so far, each given `slices` calls of timeRemaining() with time left. */
    const idleFor = (slices: number) => {
      const due = idleCallbacks;
      idleCallbacks = [];
      for (const callback of due) {
        let left = slices;
        callback({ timeRemaining: () => (left-- > 0 ? 10 : 0), didTimeout: false });
      }
    };

    it('exports the story in idle time, so the first save after opening re-exports nothing', () => {
      const editor = editorWith(2000);
      registerBodySerializer(editor);
      for (let i = 0; i < 1000 && idleCallbacks.length > 0; i += 1) idleFor(20);
      expect(idleCallbacks).toHaveLength(0); // done, nothing more asked for
      const exported = vi.spyOn(TextNode.prototype, 'exportJSON');
      const saved = incremental(editor);
      expect(exported).toHaveBeenCalledTimes(0);
      expect(saved).toEqual(full(editor));
    });

    it('warms a slice at a time, and what it cached stays right through edits between slices and undo', () => {
      const editor = editorWith(2000);
      registerHistory(editor, createEmptyHistoryState(), 0);
      registerBodySerializer(editor);
      idleFor(5);
      expect(idleCallbacks).toHaveLength(1); // more to do: it asked for another idle moment
      edit(editor, () => $firstText(1).setTextContent('Edited while warming.'));
      idleFor(5);
      edit(editor, () => $getRoot().getChildAtIndex(3)!.remove());
      expect(incremental(editor)).toEqual(full(editor));
      editor.dispatchCommand(UNDO_COMMAND, undefined);
      for (let i = 0; i < 1000 && idleCallbacks.length > 0; i += 1) idleFor(20);
      expect(incremental(editor)).toEqual(full(editor));
    });
  });
});
