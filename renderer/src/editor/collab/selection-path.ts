import { $getRoot, $isElementNode, $isRangeSelection, $isTextNode, type BaseSelection, type ElementNode, type LexicalNode } from 'lexical';

/**
 * Where the caret is, as a top-level block's index and a character offset in its text: it
 * survives undo through the shared document, which rebuilds changed blocks as new nodes (new keys),
 * so a selection kept by node key would point at nothing.
 */
export interface SelectionPath {
  block: number;
  offset: number;
}

function topLevelOf(node: LexicalNode): ElementNode | null {
  const top = node.getTopLevelElement();
  return top && $isElementNode(top) ? top : null;
}

/** Read inside an editor state's read() or an update. */
export function $selectionPath(selection: BaseSelection | null): SelectionPath | null {
  if (!$isRangeSelection(selection)) return null;
  const { anchor } = selection;
  const node = anchor.getNode();
  const block = topLevelOf(node);
  if (!block) return null;
  let offset = 0;
  for (const text of block.getAllTextNodes()) {
    if (text.is(node)) return { block: block.getIndexWithinParent(), offset: offset + anchor.offset };
    offset += text.getTextContentSize();
  }
  // The anchor is on an element (an empty paragraph, a photo): the block's end is close enough.
  return { block: block.getIndexWithinParent(), offset };
}

/** Puts the caret back at `path`, as near as the document now allows. Inside an update. */
export function $restoreSelectionPath(path: SelectionPath): void {
  const blocks = $getRoot().getChildren();
  const block = blocks[Math.min(path.block, blocks.length - 1)];
  if (!block || !$isElementNode(block)) return;
  let left = path.offset;
  for (const text of block.getAllTextNodes()) {
    const size = text.getTextContentSize();
    if (left <= size && $isTextNode(text)) {
      text.select(left, left);
      return;
    }
    left -= size;
  }
  block.selectEnd();
}
