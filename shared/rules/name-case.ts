/**
 * Name casing for creators that agencies write in capitals ("GONZALO FUENTES"). Mixed-case names
 * are left exactly as written: the photographer or the agency spelled them, and only they know
 * whether it is "MacDonald" or "Macdonald".
 */

/** Particles that stay lower case inside a name ("Vincent van Gogh", "Charles de Gaulle"). */
const LOWER_CASE_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'da', 'das', 'dos', 'do', 'du', 'ter', 'ten', 'y']);

const HAS_LOWER_CASE = /\p{Ll}/u;
const HAS_UPPER_CASE = /\p{Lu}/u;

/** True when the text has capital letters and no small ones ("EVAN VUCCI", "O'NEILL"). */
export function isAllCapitals(text: string): boolean {
  return HAS_UPPER_CASE.test(text) && !HAS_LOWER_CASE.test(text);
}

/** "MCDONALD" → "McDonald"; otherwise first letter up, the rest down. */
function caseNamePiece(piece: string): string {
  const lower = piece.toLowerCase();
  if (/^mc\p{L}{2,}$/u.test(lower)) return `Mc${lower.charAt(2).toUpperCase()}${lower.slice(3)}`;
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** One word of a name: each piece after a hyphen, apostrophe or full stop starts with a capital. */
function caseNameWord(word: string, isFirstOrLast: boolean): string {
  const lower = word.toLowerCase();
  if (!isFirstOrLast && LOWER_CASE_PARTICLES.has(lower)) return lower;
  return word
    .split(/([-'’.])/u)
    .map((piece, index) => (index % 2 === 1 ? piece : caseNamePiece(piece)))
    .join('');
}

/** "GONZALO FUENTES" → "Gonzalo Fuentes"; "Yves Herman" and "" come back unchanged. */
export function nameCase(name: string): string {
  if (!isAllCapitals(name)) return name;
  const words = name.split(/(\s+)/u);
  const wordIndexes = words.map((word, index) => (/\S/u.test(word) ? index : -1)).filter((index) => index >= 0);
  const first = wordIndexes[0];
  const last = wordIndexes[wordIndexes.length - 1];
  return words
    .map((word, index) => (/\S/u.test(word) ? caseNameWord(word, index === first || index === last) : word))
    .join('');
}
