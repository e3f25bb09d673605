/** How a find query matches text. */
export interface FindOptions {
  matchCase: boolean;
  /** Only where the query is a whole word: no letter, digit or underscore touches either end. */
  wholeWord: boolean;
}

/** Where a match lies in a string: [start, end) in UTF-16 code units, as DOM and Lexical offsets are. */
export type TextSpan = readonly [start: number, end: number];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A RegExp for the query, or null when there is nothing to look for. Word edges use Unicode
 * letters and digits, so "café" is a whole word in "au café." and "Zürich" is not found in "Zürichsee".
 */
export function findPattern(query: string, options: FindOptions): RegExp | null {
  if (query === '') return null;
  const body = escapeRegExp(query);
  const source = options.wholeWord ? `(?<![\\p{L}\\p{N}\\p{M}_])${body}(?![\\p{L}\\p{N}\\p{M}_])` : body;
  return new RegExp(source, options.matchCase ? 'gu' : 'giu');
}

/** Every non-overlapping match of the pattern in the text, in order. */
export function spansIn(text: string, pattern: RegExp): TextSpan[] {
  const spans: TextSpan[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const end = match.index + match[0].length;
    spans.push([match.index, end]);
    // An empty match cannot happen (the query is never empty), but never loop on one.
    if (end === match.index) pattern.lastIndex += 1;
  }
  return spans;
}
