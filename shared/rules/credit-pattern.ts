/**
 * Fills a house credit pattern such as "{creator}/{agency}" or "AP Photo/{creator}". The literal
 * text between two placeholders only makes sense when both are filled, so it is dropped when one is
 * empty ("{creator}/{agency}" without an agency gives "Name", not "Name/"). Text before the first
 * and after the last placeholder stays, except brackets left without their partner.
 */

/** Where one piece of a built credit line came from, so the editor can show it. */
export type CreditPartOrigin = 'creator' | 'creditLine' | 'source' | 'style';

export interface CreditPart {
  text: string;
  /** 'style' marks text the house pattern adds ("/", "AP Photo/", " via "). */
  from: CreditPartOrigin;
}

export interface SourcedText {
  text: string;
  from: CreditPartOrigin;
}

export interface PatternValues {
  creator: SourcedText | null;
  agency: SourcedText | null;
}

const PLACEHOLDER = /(\{(?:creator|agency)\})/i;
/** Characters that only join things; trimmed off a pattern that ends up with no values at all. */
const EDGE_SEPARATORS = /^[\s/|,:;·–—-]+|[\s/|,:;·–—-]+$/gu;
const EMPTY_BRACKETS = /\(\s*\)|\[\s*\]|\{\s*\}/g;
const BRACKETS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const OPENERS = new Set(Object.values(BRACKETS));

function valueFor(placeholder: string, values: PatternValues): SourcedText | null {
  const value = placeholder.toLowerCase() === '{creator}' ? values.creator : values.agency;
  return value && value.text.trim() ? value : null;
}

/** Fills the pattern, returning the parts in order (empty ones already left out). */
export function fillPattern(pattern: string, values: PatternValues): CreditPart[] {
  // split() with a capturing group alternates literal text (even indexes) and placeholders (odd).
  const pieces = pattern.split(PLACEHOLDER);
  const filled = pieces.map((piece, index) => (index % 2 === 1 ? valueFor(piece, values) : null));
  const lastIndex = pieces.length - 1;
  if (!filled.some(Boolean)) {
    const literal = pieces
      .filter((_, index) => index % 2 === 0)
      .join('')
      .replace(EMPTY_BRACKETS, '')
      .replace(EDGE_SEPARATORS, '');
    return tidy([{ text: literal, from: 'style' }]);
  }
  const parts: CreditPart[] = [];
  pieces.forEach((piece, index) => {
    const value = filled[index];
    if (value) parts.push({ text: value.text, from: value.from });
    else if (index % 2 === 0) {
      const isEdge = index === 0 || index === lastIndex;
      const joinsTwoValues = Boolean(filled[index - 1]) && Boolean(filled[index + 1]);
      if (isEdge || joinsTwoValues) parts.push({ text: piece, from: 'style' });
    }
  });
  return tidy(dropUnpairedBrackets(parts));
}

/** Removes brackets of the pattern's own text that lost their partner when a value was left out. */
function dropUnpairedBrackets(parts: CreditPart[]): CreditPart[] {
  const open: { part: number; char: number; bracket: string }[] = [];
  const unpaired = new Set<string>();
  parts.forEach((part, partIndex) => {
    if (part.from !== 'style') return;
    [...part.text].forEach((char, charIndex) => {
      if (OPENERS.has(char)) open.push({ part: partIndex, char: charIndex, bracket: char });
      const opener = BRACKETS[char];
      if (opener === undefined) return;
      const partner = open.findLastIndex((entry) => entry.bracket === opener);
      if (partner >= 0) open.splice(partner, 1);
      else unpaired.add(`${partIndex}:${charIndex}`);
    });
  });
  for (const entry of open) unpaired.add(`${entry.part}:${entry.char}`);
  if (unpaired.size === 0) return parts;
  return parts.map((part, partIndex) => ({
    ...part,
    text: [...part.text].filter((_, charIndex) => !unpaired.has(`${partIndex}:${charIndex}`)).join(''),
  }));
}

/** Trims the outer white space, drops empty parts and merges neighbouring pattern text. */
function tidy(parts: CreditPart[]): CreditPart[] {
  const merged: CreditPart[] = [];
  for (const part of parts) {
    const previous = merged[merged.length - 1];
    if (previous && previous.from === 'style' && part.from === 'style') previous.text += part.text;
    else merged.push({ ...part });
  }
  const first = merged[0];
  if (first) first.text = first.text.trimStart();
  const last = merged[merged.length - 1];
  if (last) last.text = last.text.trimEnd();
  return merged.filter((part) => part.text.length > 0);
}
