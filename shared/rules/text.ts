import type { LexicalDocument } from '../model/article';

/** Words per minute used for "N min read" (house rule). */
export const READING_WORDS_PER_MINUTE = 230;

/**
 * Plain text of a Lexical document: blocks separated by newlines, line breaks kept. Walked with an
 * explicit stack, not recursion: a hand-edited or synced file can nest deeper than the call stack.
 * Self-contained (no module-level names) on purpose: large files are read on a worker thread,
 * which runs this function's own source.
 */
export function plainTextOf(doc: LexicalDocument): string {
  type JsonNode = { type?: unknown; text?: unknown; children?: unknown };
  // Table cells and rows are blocks too, so the words of neighbouring cells stay apart.
  const blockTypes = new Set(['paragraph', 'heading', 'quote', 'pullquote', 'listitem', 'list', 'horizontalrule', 'root', 'tablecell', 'tablerow']);
  // Marks, on the stack, the end of a block whose closing newline is still to be written.
  const blockEnd = {};
  const out: string[] = [];
  const pending: unknown[] = [doc.root];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === blockEnd) {
      out.push('\n');
      continue;
    }
    if (typeof next !== 'object' || next === null) continue;
    const node = next as JsonNode;
    if (node.type === 'text' && typeof node.text === 'string') out.push(node.text);
    else if (node.type === 'linebreak') out.push('\n');
    else if (node.type === 'tab') out.push('\t');
    if (typeof node.type === 'string' && blockTypes.has(node.type)) pending.push(blockEnd);
    if (Array.isArray(node.children)) for (let i = node.children.length - 1; i >= 0; i -= 1) pending.push(node.children[i]);
  }
  return out.join('').replace(/\n{2,}/g, '\n').trim();
}

/** Counts words the way editors do: runs of letters or digits, with inner apostrophes and hyphens. Self-contained, like plainTextOf. */
export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu);
  return matches ? matches.length : 0;
}

/** Minutes of reading: words / 230, rounded up, never less than one. */
export function readTimeMinutes(words: number): number {
  return Math.max(1, Math.ceil(words / READING_WORDS_PER_MINUTE));
}

export function formatReadTime(words: number): string {
  return `${readTimeMinutes(words)} min read`;
}

export function bodyStats(doc: LexicalDocument): { words: number; minutes: number; label: string } {
  const words = countWords(plainTextOf(doc));
  return { words, minutes: readTimeMinutes(words), label: formatReadTime(words) };
}
