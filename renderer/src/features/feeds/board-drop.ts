// Where a dragged card lands, worked out from the column's fixed row geometry instead of from a
// measured drop zone per card: every row has the same height, so the pointer's place in the list
// says which slot it is over, and a column needs no card-by-card measuring or registration.

/** Every card has the same height, so the virtual list needs no measuring. Keep in step with feeds-board.css (rows) and feeds-cards.css (.nd-card height). */
export const ROW_HEIGHT = 92;
/** The space between two cards, part of each row's height. */
export const ROW_GAP = 8;
/** Room above the first card (for a pinned card's "Top story" tab) and below the last. */
export const LIST_PADDING = 10;

/** The middle of card `index`'s slot, from the top of the list's content. */
const slotMiddle = (index: number): number => LIST_PADDING + index * ROW_HEIGHT + (ROW_HEIGHT - ROW_GAP) / 2;

/**
 * The slot of a list of `count` cards whose middle is nearest to `y` (from the top of the list's
 * content): where a card dragged within its own column goes, the others making room.
 */
export function nearestSlot(y: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(count - 1, Math.max(0, Math.round((y - slotMiddle(0)) / ROW_HEIGHT)));
}

/**
 * Where a card from another column goes among `count` cards: before the first card whose middle is
 * at or below `y` (before the card under it, or after it once past its middle).
 */
export function insertSlot(y: number, count: number): number {
  return Math.min(count, Math.max(0, Math.ceil((y - slotMiddle(0)) / ROW_HEIGHT)));
}

/**
 * Where the card at `index` shows while the card at `from` is dragged to `to` in the same column:
 * the dragged card's hole at `to`, the cards between moved one slot to make room.
 */
export function previewSlot(index: number, from: number, to: number): number {
  if (from < 0 || to < 0 || from === to) return index;
  if (index === from) return to;
  if (from < to && index > from && index <= to) return index - 1;
  if (to < from && index >= to && index < from) return index + 1;
  return index;
}
