/** Initials for a person's presence mark: first letters of the first and last names ("Ana María López" → "AL"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return '?';
  // Array.from keeps a letter outside the BMP (or an emoji) whole instead of half a surrogate pair.
  const first = Array.from(words[0]!)[0] ?? '';
  const last = words.length > 1 ? (Array.from(words[words.length - 1]!)[0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
const FALLBACK = '#6b7280';

/**
 * The colour a presence mark is drawn in. Colours come from other desktops through the desk, so
 * only plain hex colours are used; anything else gets a neutral grey rather than reaching a style.
 */
export function presenceColor(color: string): string {
  return HEX.test(color) ? color.toLowerCase() : FALLBACK;
}

/** Black or white initials, whichever reads better on the mark's colour (WCAG relative luminance). */
export function initialsInk(color: string): '#000000' | '#ffffff' {
  let hex = presenceColor(color).slice(1);
  if (hex.length === 3) hex = [...hex].map((digit) => digit + digit).join('');
  const channel = (at: number) => {
    const value = parseInt(hex.slice(at, at + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  // Contrast against black is (L + 0.05) / 0.05, against white 1.05 / (L + 0.05); equal at L ≈ 0.179.
  return luminance > 0.179 ? '#000000' : '#ffffff';
}

/** One part of an archive search snippet: the server marks matched words with <b>…</b> (PostgreSQL's ts_headline). */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

/**
 * The snippet cut at the server's <b>/</b> markers into plain text parts. Nothing of it is ever read
 * as HTML: any other tag or entity stays literal text, so a story's text cannot inject markup.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let hit = false;
  for (const piece of snippet.split(/(<\/?b>)/)) {
    if (piece === '<b>') hit = true;
    else if (piece === '</b>') hit = false;
    else if (piece !== '') parts.push({ text: piece, hit });
  }
  return parts;
}
