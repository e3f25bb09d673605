import { $getNodeByKey, $getRoot, $getSelection, $isRangeSelection, $isTextNode, $setSelection, type ElementNode, type NodeKey, type TextNode } from 'lexical';
import { findPattern, spansIn, type FindOptions } from './match-text';

/** The part of one text node that a match covers. */
export interface MatchSegment {
  key: NodeKey;
  start: number;
  end: number;
}

/** One match in the story; it may run over several text nodes (a bold word inside a phrase). */
export interface StoryMatch {
  segments: MatchSegment[];
}

interface TextRun {
  key: NodeKey;
  from: number;
  text: string;
}

function blockOf(node: TextNode): ElementNode | null {
  let parent = node.getParent();
  while (parent !== null && parent.isInline()) parent = parent.getParent();
  return parent;
}

/**
 * The story's text, block by block: the text nodes of one paragraph (through its links and
 * formats) read as one string, so "New York" is found when "York" is bold. Matches never run
 * across blocks, as a reader would not read them as one phrase. Must run inside a read or update.
 */
function $blocks(): TextRun[][] {
  const blocks: TextRun[][] = [];
  let currentBlock: ElementNode | null = null;
  let runs: TextRun[] = [];
  let length = 0;
  for (const node of $getRoot().getAllTextNodes()) {
    const block = blockOf(node);
    if (block === null || !block.is(currentBlock)) {
      if (runs.length > 0) blocks.push(runs);
      currentBlock = block;
      runs = [];
      length = 0;
    }
    const text = node.getTextContent();
    runs.push({ key: node.getKey(), from: length, text });
    length += text.length;
  }
  if (runs.length > 0) blocks.push(runs);
  return blocks;
}

function segmentsOf(runs: TextRun[], start: number, end: number): MatchSegment[] {
  const segments: MatchSegment[] = [];
  for (const run of runs) {
    const runEnd = run.from + run.text.length;
    if (runEnd <= start || run.from >= end) continue;
    segments.push({ key: run.key, start: Math.max(start, run.from) - run.from, end: Math.min(end, runEnd) - run.from });
  }
  return segments;
}

/** Every match of the query in the open story, in reading order. Run inside editor.read(). */
export function $findStoryMatches(query: string, options: FindOptions): StoryMatch[] {
  const pattern = findPattern(query, options);
  if (pattern === null) return [];
  const matches: StoryMatch[] = [];
  for (const runs of $blocks()) {
    const text = runs.map((run) => run.text).join('');
    for (const [start, end] of spansIn(text, pattern)) matches.push({ segments: segmentsOf(runs, start, end) });
  }
  return matches;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Whether every node of the match is still a text node long enough for it. A match found before
 * the story changed (a node gone or shorter) is skipped, so a stale match never cuts the wrong words.
 */
function $stillFits(match: StoryMatch): boolean {
  return match.segments.every((segment) => {
    const node = $getNodeByKey(segment.key);
    return $isTextNode(node) && node.getTextContentSize() >= segment.end;
  });
}

/** The node's text with its edits applied; edits are in order and never overlap (matches do not). */
function editedText(text: string, edits: readonly Edit[]): string {
  let result = '';
  let from = 0;
  for (const edit of edits) {
    result += text.slice(from, edit.start) + edit.text;
    from = edit.end;
  }
  return result + text.slice(from);
}

/**
 * Replaces the given matches. The replacement goes into a match's first text node (which keeps
 * that node's format) and the matched text leaves the others. Edits are grouped per text node, so
 * each node is made writable and rewritten once however many matches it holds: replace all over a
 * long story is one pass, not one splice (with its selection bookkeeping) per match. Returns how
 * many were replaced. Run inside one editor.update(), which makes it one undo step.
 */
export function $replaceStoryMatches(matches: readonly StoryMatch[], replacement: string): number {
  const edits = new Map<NodeKey, Edit[]>();
  const emptied = new Set<NodeKey>();
  let replaced = 0;
  for (const match of matches) {
    if (!$stillFits(match)) continue;
    match.segments.forEach((segment, index) => {
      const list = edits.get(segment.key) ?? [];
      list.push({ start: segment.start, end: segment.end, text: index === 0 ? replacement : '' });
      edits.set(segment.key, list);
      // A later part of a match that was all of its node leaves an empty node behind: removed below.
      if (index > 0) emptied.add(segment.key);
    });
    replaced += 1;
  }
  for (const [key, list] of edits) {
    const node = $getNodeByKey(key) as TextNode;
    list.sort((a, b) => a.start - b.start);
    const text = editedText(node.getTextContent(), list);
    if (text === '' && emptied.has(key)) node.remove();
    else node.setTextContent(text);
  }
  $keepSelectionInside(edits.keys());
  return replaced;
}

/**
 * Text got shorter under the editor's selection (kept while the find bar has the focus): a point
 * past its node's end is moved to that end, so the selection stays valid for when the bar closes.
 */
function $keepSelectionInside(edited: Iterable<NodeKey>): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  const keys = new Set(edited);
  for (const point of [selection.anchor, selection.focus]) {
    if (point.type !== 'text' || !keys.has(point.key)) continue;
    const node = $getNodeByKey(point.key);
    if (!$isTextNode(node) || !node.isAttached()) {
      $setSelection(null); // its node went; the bar puts the selection on a match when it closes
      return;
    }
    if (point.offset > node.getTextContentSize()) point.set(point.key, node.getTextContentSize(), 'text');
  }
}
