import type { LexicalDocument } from '../model/article';

/** Words per minute used for "N min read" (house rule). */
export const READING_WORDS_PER_MINUTE = 230;

type JsonNode = { type?: unknown; text?: unknown; children?: unknown };

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'pullquote', 'listitem', 'list', 'horizontalrule', 'root', 'tablecell', 'tablerow']);

/** Plain text of a Lexical document: blocks separated by newlines, line breaks kept. */
export function plainTextOf(doc: LexicalDocument): string {
  const out: string[] = [];
  const walk = (node: JsonNode): void => {
    if (node.type === 'text' && typeof node.text === 'string') out.push(node.text);
    else if (node.type === 'linebreak') out.push('\n');
    else if (node.type === 'tab') out.push('\t');
    if (Array.isArray(node.children)) for (const child of node.children) walk(child as JsonNode);
    if (typeof node.type === 'string' && BLOCK_TYPES.has(node.type)) out.push('\n');
  };
  walk(doc.root as JsonNode);
  return out.join('').replace(/\n{2,}/g, '\n').trim();
}

/** Counts words the way editors do: runs of letters or digits, with inner apostrophes and hyphens. */
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
