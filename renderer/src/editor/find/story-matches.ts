import { $getNodeByKey, $getRoot, $isTextNode, type ElementNode, type NodeKey, type TextNode } from 'lexical';
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

/**
 * Writes the replacement over one match: into its first text node (which keeps that node's
 * format), and removes the matched text from the others. False when the story changed under the
 * match (a node gone or shorter), so a stale match never cuts the wrong words.
 */
function $replaceMatch(match: StoryMatch, replacement: string): boolean {
  const nodes = match.segments.map((segment) => $getNodeByKey(segment.key));
  for (let i = 0; i < nodes.length; i += 1) {
    const node = nodes[i];
    const segment = match.segments[i]!;
    if (!$isTextNode(node) || node.getTextContentSize() < segment.end) return false;
  }
  for (let i = match.segments.length - 1; i >= 0; i -= 1) {
    const segment = match.segments[i]!;
    const node = nodes[i] as TextNode;
    const inserted = i === 0 ? replacement : '';
    const writable = node.spliceText(segment.start, segment.end - segment.start, inserted);
    if (writable.getTextContentSize() === 0 && i > 0) writable.remove();
  }
  return true;
}

/**
 * Replaces the given matches, last first so the offsets of the earlier ones stay true. Returns
 * how many were replaced. Run inside one editor.update(), which makes it one undo step.
 */
export function $replaceStoryMatches(matches: readonly StoryMatch[], replacement: string): number {
  let replaced = 0;
  for (let i = matches.length - 1; i >= 0; i -= 1) if ($replaceMatch(matches[i]!, replacement)) replaced += 1;
  return replaced;
}

