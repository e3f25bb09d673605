import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { $createParagraphNode, $createTextNode, $getRoot, $getSelection, $isRangeSelection, createEditor, UNDO_COMMAND, type LexicalEditor, type ParagraphNode, type TextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { findPattern, spansIn } from '../../../renderer/src/editor/find/match-text';
import { $findStoryMatches, $replaceStoryMatches } from '../../../renderer/src/editor/find/story-matches';
import { ARTICLE_NODES } from '../../../renderer/src/editor/nodes';

// Find & replace over the story, headless: what is found (case, whole words, across formats),
// what replace writes, and that replace all is one undo step.

const spans = (text: string, query: string, matchCase = false, wholeWord = false) => spansIn(text, findPattern(query, { matchCase, wholeWord })!);

describe('matching text', () => {
  it('ignores case unless asked, and finds nothing for an empty query', () => {
    expect(spans('Mayor, mayor, MAYOR', 'mayor')).toEqual([[0, 5], [7, 12], [14, 19]]);
    expect(spans('Mayor, mayor, MAYOR', 'mayor', true)).toEqual([[7, 12]]);
    expect(findPattern('', { matchCase: false, wholeWord: false })).toBeNull();
  });

  it('takes the query literally, never as a pattern', () => {
    expect(spans('costs $5.00 (est.)', '$5.00 (est.)')).toEqual([[6, 18]]);
    expect(spans('a.b axb', 'a.b')).toEqual([[0, 3]]);
  });

  it('whole word respects letters beyond ASCII', () => {
    expect(spans('Zürichsee and Zürich', 'Zürich', false, true)).toEqual([[14, 20]]);
    expect(spans('au café. cafés', 'café', false, true)).toEqual([[3, 7]]);
    expect(spans('cat concat cat_2 cat.', 'cat', false, true)).toEqual([[0, 3], [17, 20]]);
  });
});

function storyEditor(): LexicalEditor {
  const editor = createEditor({ namespace: 'test', nodes: ARTICLE_NODES, onError: (error) => { throw error; } });
  registerHistory(editor, createEmptyHistoryState(), 1000);
  editor.update(
    () => {
      const first = $createParagraphNode().append($createTextNode('The New '), $createTextNode('York').toggleFormat('bold'), $createTextNode(' mayor met the new mayor.'));
      const second = $createParagraphNode().append($createTextNode('Mayor of New'));
      const third = $createParagraphNode().append($createTextNode('York, the mayor said.'));
      $getRoot().clear().append(first, second, third);
    },
    { discrete: true },
  );
  return editor;
}

const textOf = (editor: LexicalEditor): string => editor.getEditorState().read(() => $getRoot().getTextContent());

describe('finding in the story', () => {
  it('finds a phrase across formats but never across paragraphs', () => {
    const editor = storyEditor();
    const matches = editor.getEditorState().read(() => $findStoryMatches('new york', { matchCase: false, wholeWord: false }));
    expect(matches).toHaveLength(1);
    expect(matches[0]!.segments).toHaveLength(2);
  });

  it('replaces across formats, keeping the first part\'s format', () => {
    const editor = storyEditor();
    editor.update(() => void $replaceStoryMatches($findStoryMatches('New York', { matchCase: true, wholeWord: true }), 'Boston'), { discrete: true });
    expect(textOf(editor).split('\n\n')[0]).toBe('The Boston mayor met the new mayor.');
  });

  it('replace all is one undo step', async () => {
    const editor = storyEditor();
    const before = textOf(editor);
    editor.update(() => void $replaceStoryMatches($findStoryMatches('mayor', { matchCase: false, wholeWord: true }), 'governor'), { discrete: true, tag: 'history-push' });
    expect(textOf(editor)).toBe('The New York governor met the new governor.\n\ngovernor of New\n\nYork, the governor said.');
    editor.dispatchCommand(UNDO_COMMAND, undefined);
    await new Promise((resolve) => setTimeout(resolve, 0)); // a headless editor commits the restored state in a microtask
    expect(textOf(editor)).toBe(before);
  });

  it('a stale match (the text got shorter) is skipped, not cut wrongly', () => {
    const editor = storyEditor();
    const matches = editor.getEditorState().read(() => $findStoryMatches('said', { matchCase: false, wholeWord: false }));
    editor.update(() => $getRoot().getLastChildOrThrow<ParagraphNode>().getFirstDescendant<TextNode>()!.setTextContent('York.'), { discrete: true });
    let replaced = -1;
    editor.update(() => { replaced = $replaceStoryMatches(matches, 'told'); }, { discrete: true });
    expect(replaced).toBe(0);
    expect(textOf(editor).endsWith('York.')).toBe(true);
  });

  it('replaces every match in a node, and drops a node a match used up', () => {
    const editor = storyEditor();
    editor.update(() => {
      // "New" then a bold "York" that is all of its node: the bold node goes, the first keeps its format.
      const paragraph = $createParagraphNode().append($createTextNode('New '), $createTextNode('York').toggleFormat('bold'), $createTextNode(' and new york and New York.'));
      $getRoot().append(paragraph);
    }, { discrete: true });
    let replaced = 0;
    editor.update(() => { replaced = $replaceStoryMatches($findStoryMatches('new york', { matchCase: false, wholeWord: true }), 'NYC'); }, { discrete: true });
    expect(replaced).toBe(4);
    const last = editor.getEditorState().read(() => $getRoot().getLastChildOrThrow<ParagraphNode>().getChildren().map((node) => node.getTextContent()));
    // The bold node is gone; the two plain nodes either side of it are one again.
    expect(last).toEqual(['NYC and NYC and NYC.']);
    expect(textOf(editor).split('\n\n')[0]).toBe('The NYC mayor met the new mayor.');
  });

  it('a selection in text that got shorter stays inside it, so typing after the bar closes works', () => {
    const editor = storyEditor();
    // The caret at the end of "York, the mayor said." (21 characters), as when Ctrl+H was pressed there.
    editor.update(() => $getRoot().getLastChildOrThrow<ParagraphNode>().getFirstDescendant<TextNode>()!.select(21, 21), { discrete: true });
    editor.update(() => void $replaceStoryMatches($findStoryMatches('mayor', { matchCase: false, wholeWord: true }), 'PM'), { discrete: true });
    const caret = editor.getEditorState().read(() => {
      const selection = $getSelection();
      return $isRangeSelection(selection) ? { offset: selection.anchor.offset, size: selection.anchor.getNode().getTextContentSize() } : null;
    });
    expect(caret).toEqual({ offset: 18, size: 18 });
    editor.update(() => ($getSelection() as NonNullable<ReturnType<typeof $getSelection>>).insertText('!'), { discrete: true });
    expect(textOf(editor).endsWith('York, the PM said.!')).toBe(true);
  });
});

