import { $getMarkIDs, $isMarkNode, $unwrapMarkNode, $wrapSelectionInMarkNode, MarkNode } from '@lexical/mark';
import { $dfs, mergeRegister } from '@lexical/utils';
import { $getNodeByKey, $getSelection, $isElementNode, $isRangeSelection, $isTextNode, type LexicalEditor, type NodeKey, type PointType, type RangeSelection } from 'lexical';

/**
 * The editor's side of comments: the MarkNode around commented words (Lexical's own mark node, as
 * in its playground's comment plugin). The thread a mark belongs to is in the story document; the
 * mark only carries the thread's id.
 */

/** Words selected to comment on, kept while the comment is being written. */
export interface PendingRange {
  quote: string;
  selection: RangeSelection;
}

/** The selected words, or null when nothing (or only space) is selected. */
export function readSelectedRange(editor: LexicalEditor): PendingRange | null {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection) || selection.isCollapsed()) return null;
    const quote = selection.getTextContent();
    return quote.trim() === '' ? null : { quote, selection: selection.clone() };
  });
}

/** Does the point still lead somewhere? Another editor may have deleted or shortened its node. */
function $pointExists(point: PointType): boolean {
  const node = $getNodeByKey(point.key);
  if (node === null || !node.isAttached()) return false;
  if (point.type === 'text') return $isTextNode(node) && point.offset <= node.getTextContentSize();
  return $isElementNode(node) && point.offset <= node.getChildrenSize();
}

export type MarkOutcome = 'marked' | 'gone' | 'changed';

/**
 * Puts the mark for `threadId` around the pending words, in one discrete update (so the shared
 * document has the mark before the thread is written). Refused, with nothing changed, when the
 * words were deleted ('gone') or edited ('changed') since they were selected.
 */
export function markRange(editor: LexicalEditor, range: PendingRange, threadId: string): MarkOutcome {
  let outcome: MarkOutcome = 'gone';
  editor.update(
    () => {
      const selection = range.selection.clone();
      if (!$pointExists(selection.anchor) || !$pointExists(selection.focus)) return;
      if (selection.getTextContent() !== range.quote) {
        outcome = 'changed';
        return;
      }
      $wrapSelectionInMarkNode(selection, selection.isBackward(), threadId);
      outcome = $dfs().some(({ node }) => $isMarkNode(node) && node.hasID(threadId)) ? 'marked' : 'gone';
    },
    { discrete: true },
  );
  return outcome;
}

/** Takes the mark of `threadId` off the words again (its thread could not be stored). */
export function unmarkThread(editor: LexicalEditor, threadId: string): void {
  editor.update(
    () => {
      for (const { node } of $dfs()) {
        if (!$isMarkNode(node) || !node.hasID(threadId)) continue;
        node.deleteID(threadId);
        if (node.getIDs().length === 0) $unwrapMarkNode(node);
      }
    },
    { discrete: true },
  );
}

export interface AnchorWatch {
  /** Thread id → the keys of the marks that carry it. */
  anchors: Map<string, NodeKey[]>;
  /** The threads the caret (or the selection's start) is in. */
  active: string[];
}

/**
 * Follows the marks in the body and the threads under the caret. Marks are tracked through the
 * mutation listener, which reports only marks that changed: no walk of the story per keystroke.
 */
export function watchAnchors(editor: LexicalEditor, onChange: (watch: AnchorWatch) => void): () => void {
  const idsByKey = new Map<NodeKey, string[]>();
  let active: string[] = [];
  const report = () => {
    const anchors = new Map<string, NodeKey[]>();
    for (const [key, ids] of idsByKey) for (const id of ids) anchors.set(id, [...(anchors.get(id) ?? []), key]);
    onChange({ anchors, active });
  };
  return mergeRegister(
    editor.registerMutationListener(MarkNode, (mutations) => {
      editor.getEditorState().read(() => {
        for (const [key, mutation] of mutations) {
          const node = $getNodeByKey(key);
          if (mutation === 'destroyed' || !$isMarkNode(node)) idsByKey.delete(key);
          else idsByKey.set(key, node.getIDs());
        }
      });
      report();
    }),
    editor.registerUpdateListener(({ editorState }) => {
      const next = editorState.read(() => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection)) return [];
        const node = selection.anchor.getNode();
        return $isTextNode(node) ? ($getMarkIDs(node, selection.anchor.offset) ?? []) : [];
      });
      if (next.join() === active.join()) return;
      active = next;
      report();
    }),
  );
}
