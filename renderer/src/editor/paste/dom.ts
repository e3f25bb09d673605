/** Small DOM edits shared by the paste clean-up passes. They work on any Document (inert ones too). */

/** Replaces an element by its children, keeping their order. */
export function unwrap(element: Element): void {
  const parent = element.parentNode;
  if (!parent) return;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  parent.removeChild(element);
}

/** Gives an element a new tag name, keeping its children (attributes are dropped on purpose). */
export function rename(element: Element, tagName: string): Element {
  const replacement = element.ownerDocument.createElement(tagName);
  while (element.firstChild) replacement.appendChild(element.firstChild);
  element.replaceWith(replacement);
  return replacement;
}

/** Moves all children of `element` into a new `tagName` element placed inside it. */
export function wrapChildren(element: Element, tagName: string): void {
  const wrapper = element.ownerDocument.createElement(tagName);
  while (element.firstChild) wrapper.appendChild(element.firstChild);
  element.appendChild(wrapper);
}

/** The raw inline style, lower case. Read raw because Word's mso-* properties are not real CSS. */
export function styleOf(element: Element): string {
  return (element.getAttribute('style') ?? '').toLowerCase();
}

/**
 * The value of one property in an inline style, matched by its exact name: Word writes
 * `mso-bidi-font-style:normal` on italic text, which must not read as `font-style:normal`.
 */
export function cssValue(style: string, property: string): string | null {
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    if (declaration.slice(0, colon).trim() === property) return declaration.slice(colon + 1).replace('!important', '').trim();
  }
  return null;
}

export function classOf(element: Element): string {
  return element.getAttribute('class') ?? '';
}

/** A snapshot, so passes can edit the tree while iterating. */
export function all(root: ParentNode, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector));
}

export function removeComments(root: Node): void {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
}

export const BLOCK_TAGS = new Set([
  'P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'ASIDE', 'HR', 'TABLE', 'SECTION', 'ARTICLE',
]);

/** Text that counts as content: everything except whitespace and no-break spaces. */
export function hasText(node: Node): boolean {
  return (node.textContent ?? '').replace(/[\s\u00a0\u200b]+/g, '') !== '';
}
