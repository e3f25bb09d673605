import type { CreditStyle } from '../model/settings';

/**
 * The other way round from captionWithCredit: a caption read from a site ("Boats at dawn (Jane
 * Doe/Reuters)") split back into its words and its credit, but only when the words in parentheses
 * have the shape of one of the desk's credit patterns with every part filled ("{creator}/{agency}",
 * the handout pattern, an agency's own rule). "The mayor (left)" or "(1998)" then stay caption.
 */

export interface CaptionCredit {
  caption: string;
  credit: string;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** A pattern as a regular expression: each placeholder one or more characters that are not brackets. */
function patternRegExp(pattern: string): RegExp | null {
  const pieces = pattern.trim().split(/\{(?:creator|agency)\}/iu);
  // A pattern without a placeholder is fixed text: it names nobody, so it says nothing about a caption.
  if (pieces.length < 2) return null;
  return new RegExp(`^${pieces.map(escapeRegExp).join('[^()\\[\\]]*?[^\\s()\\[\\]][^()\\[\\]]*?')}$`, 'iu');
}

function patternsOf(style: CreditStyle): RegExp[] {
  const all = [style.pattern, style.handoutPattern, ...style.agencyRules.map((rule) => rule.pattern)];
  return all.map(patternRegExp).filter((found): found is RegExp => found !== null);
}

/** Whether `credit` reads like a credit the desk's style would write. */
export function followsHousePattern(credit: string, style: CreditStyle): boolean {
  const text = credit.trim();
  return text !== '' && patternsOf(style).some((pattern) => pattern.test(text));
}

/**
 * The caption's words and its trailing "(credit)", or null when it ends with no credit in the
 * house pattern. A period after the parenthesis ("… (Jane Doe/Reuters).") is allowed.
 */
export function splitCaptionCredit(text: string, style: CreditStyle): CaptionCredit | null {
  const trimmed = text.replace(/\s+/gu, ' ').trim().replace(/\.$/u, '');
  if (!trimmed.endsWith(')')) return null;
  // The opening parenthesis that closes at the end (credits hold no brackets of their own).
  const open = trimmed.lastIndexOf('(');
  if (open < 0) return null;
  const credit = trimmed.slice(open + 1, -1).trim();
  if (!followsHousePattern(credit, style)) return null;
  return { caption: trimmed.slice(0, open).trim(), credit };
}
