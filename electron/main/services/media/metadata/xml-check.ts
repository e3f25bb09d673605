/**
 * A structural check of an XMP packet before its values are trusted. exifr reads XMP with regular
 * expressions and quietly returns whatever fragments match in a damaged packet; the app ships no
 * XML parser, and a full one is more than this needs. So this walks the markup once and answers a
 * single question: does every element open and close in order, with no stray "<" and no bytes that
 * were not valid UTF-8 (decoded as U+FFFD)? A cut-off or overwritten packet fails it.
 */

const NAME = '[A-Za-z_][\\w.:-]*';
const ATTRIBUTE = `\\s+[^\\s=<>/"']+\\s*=\\s*(?:"[^"<]*"|'[^'<]*')`;
/** One start, end or empty-element tag, anchored where the scan stands (sticky). */
const TAG = new RegExp(`<(/)?(${NAME})((?:${ATTRIBUTE})*)\\s*(/)?>`, 'y');

/** Markup that opens and closes in one piece: processing instructions, comments, CDATA, DOCTYPE. */
const SELF_CONTAINED: readonly (readonly [string, string])[] = [
  ['<?', '?>'],
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<!DOCTYPE', '>'],
];

export function isWellFormedXml(xml: string): boolean {
  if (xml.includes('\uFFFD')) return false;
  const open: string[] = [];
  let elements = 0;
  let position = xml.indexOf('<');
  while (position !== -1) {
    const block = SELF_CONTAINED.find(([start]) => xml.startsWith(start, position));
    if (block) {
      const end = xml.indexOf(block[1], position + block[0].length);
      if (end === -1) return false;
      position = xml.indexOf('<', end + block[1].length);
      continue;
    }
    TAG.lastIndex = position;
    const tag = TAG.exec(xml);
    if (!tag) return false;
    const [, closing, name, , empty] = tag;
    if (closing) {
      if (empty || open.pop() !== name) return false;
    } else if (!empty) {
      open.push(name as string);
    }
    elements += 1;
    position = xml.indexOf('<', TAG.lastIndex);
  }
  return elements > 0 && open.length === 0;
}
