import { $dfs } from '@lexical/utils';
import { $getNodeByKey, $isTextNode, type LexicalNode, type NodeKey, type TextNode } from 'lexical';
import { $isPhotoNode } from '../nodes/PhotoNode';
import { MARK_PATTERN, MARK_START } from './picture-mark';

/**
 * Where each picture of a paste stood in its text, so the photo it becomes can go there rather
 * than after everything pasted. The sanitizer leaves a mark where each <img> was (picture-mark.ts);
 * the paste plugin takes the marks out once the text is in and notes, for each, the block it was
 * in (or the blocks either side, when it stood alone).
 */

/** After this node (when it is still in the document), else before that one; else at the caret. */
export interface PictureSlot {
  after: NodeKey | null;
  before: NodeKey | null;
}

/** The slots of one paste, by picture index; filled by the paste plugin, read when photos arrive. */
export type PictureSlots = Map<number, PictureSlot>;

/** One paste's slots, found by its ClipboardEvent (every PASTE_COMMAND listener gets the same one). */
export const slotsOfPaste = new WeakMap<object, PictureSlots>();

/**
 * Takes the marks out of the document once the pasted text is in, and records each picture's
 * slot in `slots`: after the block it was in, or, when it stood alone in a block (which is then
 * removed), between that block's neighbours. Done on the inserted nodes, not the generated ones,
 * because the insertion merges the first and last pasted blocks into the blocks at the caret.
 */
export function $takePictureMarks(slots: PictureSlots | undefined): void {
  const marked = $dfs()
    .map((entry) => entry.node)
    .filter((node): node is TextNode => $isTextNode(node) && node.getTextContent().includes(MARK_START));
  for (const text of marked) {
    const content = text.getTextContent();
    const indexes = Array.from(content.matchAll(MARK_PATTERN), (match) => Number(match[1]));
    const rest = content.replace(MARK_PATTERN, '');
    const block = text.getTopLevelElement();
    if (rest === '') text.remove();
    else text.setTextContent(rest);
    if (!block) continue;
    const alone = block.getTextContent().trim() === '' && block.getChildren().every($isTextNode);
    const slot: PictureSlot = alone
      ? { after: block.getPreviousSibling()?.getKey() ?? null, before: block.getNextSibling()?.getKey() ?? null }
      : { after: block.getKey(), before: null };
    if (alone) block.remove();
    for (const index of indexes) slots?.set(index, slot);
  }
}

/** Puts a pasted picture's photo where the picture stood, if that part of the text is still there. */
export function $placeInSlot(node: LexicalNode, picture: { slots: PictureSlots; index: number } | undefined): boolean {
  const slot = picture?.slots.get(picture.index);
  if (!slot) return false;
  const after = slot.after === null ? null : $getNodeByKey(slot.after);
  if (after?.isAttached()) {
    let anchor: LexicalNode = after.getTopLevelElement() ?? after;
    // Photos of earlier pictures put after the same block stay before this one.
    for (let next = anchor.getNextSibling(); $isPhotoNode(next); next = anchor.getNextSibling()) anchor = next;
    anchor.insertAfter(node);
    return true;
  }
  const before = slot.before === null ? null : $getNodeByKey(slot.before);
  if (!before?.isAttached()) return false;
  (before.getTopLevelElement() ?? before).insertBefore(node);
  return true;
}
