import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $findMatchingParent, $getNearestNodeOfType } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { $createPullQuoteNode, $isPullQuoteNode } from './nodes/PullQuoteNode';

export const BLOCK_TYPES = ['paragraph', 'h2', 'h3', 'bullet', 'number', 'quote', 'pullquote'] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

export const BLOCK_LABELS: Record<BlockType, string> = {
  paragraph: 'Paragraph',
  h2: 'Heading 2',
  h3: 'Heading 3',
  bullet: 'Bulleted list',
  number: 'Numbered list',
  quote: 'Block quote',
  pullquote: 'Pull quote',
};

function $topLevelElement(node: LexicalNode): LexicalNode | null {
  if ($isRootOrShadowRoot(node)) return null;
  return $findMatchingParent(node, (candidate) => {
    const parent = candidate.getParent();
    return parent !== null && $isRootOrShadowRoot(parent);
  });
}

/** The block the caret is in, as the toolbar names it. Call inside a read or update. */
export function $getSelectedBlockType(): BlockType | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  const block = $topLevelElement(anchor);
  if (block === null) return 'paragraph';
  if ($isListNode(block)) {
    // Nested lists can mix kinds; the innermost list around the caret decides.
    const list = $getNearestNodeOfType<ListNode>(anchor, ListNode) ?? block;
    return list.getListType() === 'number' ? 'number' : 'bullet';
  }
  if ($isHeadingNode(block)) return block.getTag() === 'h3' ? 'h3' : 'h2';
  if ($isQuoteNode(block)) return 'quote';
  if ($isPullQuoteNode(block)) return 'pullquote';
  return 'paragraph';
}

const CREATORS: Record<Exclude<BlockType, 'bullet' | 'number'>, () => ElementNode> = {
  paragraph: () => $createParagraphNode(),
  h2: () => $createHeadingNode('h2'),
  h3: () => $createHeadingNode('h3'),
  quote: () => $createQuoteNode(),
  pullquote: () => $createPullQuoteNode(),
};

/**
 * Turns the selected blocks into `type`. Choosing the type the caret is already in turns it back
 * into a paragraph, so every toolbar block button is a toggle (as aria-pressed announces);
 * keyboard shortcuts pass `toggle: false` because they name the block wanted.
 */
export function setBlockType(editor: LexicalEditor, type: BlockType, options: { toggle?: boolean } = {}): void {
  let current: BlockType | null = null;
  editor.getEditorState().read(() => {
    current = $getSelectedBlockType();
  });
  if (current === type && options.toggle === false) return;
  const target: BlockType = current === type && type !== 'paragraph' ? 'paragraph' : type;
  if (current === 'bullet' || current === 'number') {
    if (target === current || target === 'paragraph') {
      editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
      return;
    }
  }
  if (target === 'bullet') {
    editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined);
    return;
  }
  if (target === 'number') {
    editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined);
    return;
  }
  editor.update(() => {
    const selection = $getSelection();
    if ($isRangeSelection(selection)) $setBlocksType(selection, CREATORS[target]);
  });
}
