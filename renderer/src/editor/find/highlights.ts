import type { LexicalEditor } from 'lexical';
import type { StoryMatch } from './story-matches';

/**
 * Find highlights drawn with the CSS Custom Highlight API: ranges over the editor's DOM text, so
 * showing every match changes neither the story nor its undo history, and costs no re-render.
 * Styled in editor.css by `::highlight(nd-find-match)` and `::highlight(nd-find-current)`.
 */
export const MATCH_HIGHLIGHT = 'nd-find-match';
export const CURRENT_HIGHLIGHT = 'nd-find-current';

function textOf(element: HTMLElement | null): Text | null {
  if (element === null) return null;
  if (element.firstChild instanceof Text) return element.firstChild;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const first = walker.nextNode();
  return first instanceof Text ? first : null;
}

/**
 * A static range over a match, or null when its text is not on screen (yet). Static, not a live
 * Range: the document updates every live Range on every text change until it is garbage-collected,
 * so after a find with thousands of matches each later edit (a replace all above all) paid for them.
 * Matches are drawn again after every edit anyway, so nothing needs them to follow the text.
 */
export function rangeOf(editor: LexicalEditor, match: StoryMatch): StaticRange | null {
  const first = match.segments[0];
  const last = match.segments[match.segments.length - 1];
  if (first === undefined || last === undefined) return null;
  const startText = textOf(editor.getElementByKey(first.key));
  const endText = first === last ? startText : textOf(editor.getElementByKey(last.key));
  if (startText === null || endText === null) return null;
  if (first.start > startText.length || last.end > endText.length) return null;
  return new StaticRange({ startContainer: startText, startOffset: first.start, endContainer: endText, endOffset: last.end });
}

const supported = (): boolean => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

/** Marks every match, and the current one apart. Returns the ranges (index-aligned, null where hidden). */
export function showHighlights(editor: LexicalEditor, matches: readonly StoryMatch[], current: number): Array<StaticRange | null> {
  const ranges = matches.map((match) => rangeOf(editor, match));
  if (!supported()) return ranges;
  const all = new Highlight();
  for (const range of ranges) if (range !== null) all.add(range);
  CSS.highlights.set(MATCH_HIGHLIGHT, all);
  const currentRange = ranges[current];
  if (currentRange) CSS.highlights.set(CURRENT_HIGHLIGHT, new Highlight(currentRange));
  else CSS.highlights.delete(CURRENT_HIGHLIGHT);
  return ranges;
}

export function clearHighlights(): void {
  if (!supported()) return;
  CSS.highlights.delete(MATCH_HIGHLIGHT);
  CSS.highlights.delete(CURRENT_HIGHLIGHT);
}
