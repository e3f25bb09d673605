import type { ChildNode, Element } from 'domhandler';
import { DomUtils } from 'htmlparser2';
import { isSafeLinkUrl } from '../../../../../shared/rules/html-escape';

/**
 * Inline HTML (the inside of a paragraph, heading, list item or caption) → the Lexical JSON the
 * editor writes for it: text nodes carrying format bits, links, line breaks. Text is first read
 * into a flat run of pieces so that HTML's white-space rules (runs collapse, edges trim) can be
 * applied across tag boundaries, then grouped back into nodes.
 */

export type LexicalJson = { type: string; [key: string]: unknown };

/** Nesting deeper than this is hostile or broken; what lies below is read as plain text. */
export const MAX_HTML_DEPTH = 64;

const FORMAT_BY_TAG: Readonly<Record<string, number>> = {
  strong: 1, b: 1,
  em: 2, i: 2, cite: 2, dfn: 2,
  s: 4, strike: 4, del: 4,
  u: 8, ins: 8,
  code: 16, kbd: 16, samp: 16, tt: 16,
  sub: 32,
  sup: 64,
};

/** Elements whose content is not text for readers. */
export const SILENT_TAGS = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'textarea', 'select', 'option', 'button']);
/** Embedded things that have no place in an article body here; named in the notes when dropped. */
export const EMBED_TAGS = new Set(['iframe', 'video', 'audio', 'embed', 'object', 'svg', 'canvas', 'math', 'form', 'input', 'map']);

export const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'nav', 'aside', 'address', 'pre', 'blockquote',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'hr',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'details', 'summary', 'fieldset',
]);

type Piece = { kind: 'text'; text: string; format: number; link: number | null } | { kind: 'break'; link: number | null };

export interface InlineOptions {
  /** Format bits kept (a caption keeps bold and italic only). */
  formatMask: number;
  /** The rel the editor writes on links (the body editor and the caption editor differ). */
  linkRel: string;
  /** A caption is one line: breaks read as spaces. */
  breaksAsSpaces: boolean;
  /** Elements to leave out entirely (the credit inside a figcaption). */
  skip?: (element: Element) => boolean;
  /** Called for images and figures met inside inline content, which cannot live there. */
  onBlockInInline?: (element: Element) => void;
  /** Called for embeds dropped from inline content. */
  onEmbed?: (tag: string) => void;
}

/** The text below a node, walked with an explicit stack (hostile nesting cannot overflow). */
export function flatText(root: ChildNode): string {
  const out: string[] = [];
  const pending: ChildNode[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (DomUtils.isText(node)) out.push(node.data);
    else if (DomUtils.isTag(node) && !SILENT_TAGS.has(node.name)) {
      if (node.name === 'br') out.push('\n');
      for (let i = node.children.length - 1; i >= 0; i -= 1) pending.push(node.children[i]!);
    }
  }
  return out.join('');
}

export function textJson(text: string, format: number): LexicalJson {
  return { type: 'text', version: 1, text, format, detail: 0, mode: 'normal', style: '' };
}

class PieceReader {
  readonly pieces: Piece[] = [];
  readonly urls: string[] = [];

  constructor(private readonly options: InlineOptions, private readonly preformatted: boolean) {}

  read(nodes: readonly ChildNode[], format: number, link: number | null, depth: number): void {
    for (const node of nodes) {
      if (DomUtils.isText(node)) this.text(node.data, format, link);
      else if (DomUtils.isTag(node)) this.element(node, format, link, depth);
    }
  }

  private text(data: string, format: number, link: number | null): void {
    const kept = format & this.options.formatMask;
    if (!this.preformatted) {
      this.pieces.push({ kind: 'text', text: data.replace(/\s+/gu, ' '), format: kept, link });
      return;
    }
    data.split('\n').forEach((line, index) => {
      if (index > 0) this.lineBreak(link);
      if (line) this.pieces.push({ kind: 'text', text: line, format: kept, link });
    });
  }

  private lineBreak(link: number | null): void {
    if (this.options.breaksAsSpaces) this.pieces.push({ kind: 'text', text: ' ', format: 0, link });
    else this.pieces.push({ kind: 'break', link });
  }

  private element(element: Element, format: number, link: number | null, depth: number): void {
    const name = element.name;
    if (this.options.skip?.(element) || SILENT_TAGS.has(name)) return;
    if (depth > MAX_HTML_DEPTH) {
      this.text(flatText(element), format, link);
      return;
    }
    if (EMBED_TAGS.has(name)) {
      this.options.onEmbed?.(name);
      return;
    }
    if (name === 'br') return this.lineBreak(link);
    if (name === 'img' || name === 'figure') return this.options.onBlockInInline?.(element);
    if (name === 'a') {
      const href = (element.attribs.href ?? '').trim();
      if (link === null && isSafeLinkUrl(href)) {
        this.urls.push(href);
        return this.read(element.children, format, this.urls.length - 1, depth + 1);
      }
      return this.read(element.children, format, link, depth + 1);
    }
    // A block inside inline content (a <p> in a list item or a quote) starts a new line.
    const isBlock = BLOCK_TAGS.has(name);
    if (isBlock) this.blockBoundary(link);
    this.read(element.children, format | (FORMAT_BY_TAG[name] ?? 0), link, depth + 1);
    if (isBlock) this.blockBoundary(link);
  }

  private blockBoundary(link: number | null): void {
    const last = this.pieces[this.pieces.length - 1];
    if (last && last.kind !== 'break') this.lineBreak(link);
  }
}

/** HTML white space: runs collapse to one space; none at the start or end, nor around a break. */
function tidy(pieces: Piece[], preformatted: boolean): Piece[] {
  if (!preformatted) {
    let previousEndsInSpace = true; // the start of the block
    for (const piece of pieces) {
      if (piece.kind === 'break') previousEndsInSpace = true;
      else {
        if (previousEndsInSpace) piece.text = piece.text.replace(/^ /u, '');
        if (piece.text) previousEndsInSpace = piece.text.endsWith(' ');
      }
    }
    let nextStartsWithBreak = true; // the end of the block
    for (let i = pieces.length - 1; i >= 0; i -= 1) {
      const piece = pieces[i]!;
      if (piece.kind === 'break') nextStartsWithBreak = true;
      else {
        if (nextStartsWithBreak) piece.text = piece.text.replace(/ $/u, '');
        if (piece.text) nextStartsWithBreak = false;
      }
    }
  }
  const kept = pieces.filter((piece) => piece.kind === 'break' || piece.text !== '');
  // Breaks at either end are leftovers of markup (a trailing <br>, a <p> inside an <li>).
  while (kept[0]?.kind === 'break') kept.shift();
  while (kept[kept.length - 1]?.kind === 'break') kept.pop();
  return kept;
}

/** Pieces → nodes: consecutive pieces of one link become that link; same-format text merges, as Lexical does. */
function toNodes(pieces: readonly Piece[], urls: readonly string[], linkRel: string): LexicalJson[] {
  const out: LexicalJson[] = [];
  let index = 0;
  const runOf = (link: number | null): LexicalJson[] => {
    const nodes: LexicalJson[] = [];
    while (index < pieces.length && pieces[index]!.link === link) {
      const piece = pieces[index]!;
      const last = nodes[nodes.length - 1];
      if (piece.kind === 'break') nodes.push({ type: 'linebreak', version: 1 });
      else if (last?.type === 'text' && last.format === piece.format) last.text = `${last.text as string}${piece.text}`;
      else nodes.push(textJson(piece.text, piece.format));
      index += 1;
    }
    return nodes;
  };
  while (index < pieces.length) {
    const link = pieces[index]!.link;
    const children = runOf(link);
    if (link === null) out.push(...children);
    else out.push({ type: 'link', version: 1, url: urls[link], rel: linkRel, target: null, title: null, children, direction: null, format: '', indent: 0 });
  }
  return out;
}

export interface InlineContent {
  children: LexicalJson[];
  /** Plain text, breaks as new lines. */
  text: string;
}

export function readInline(nodes: readonly ChildNode[], options: InlineOptions, preformatted = false, depth = 0): InlineContent {
  const reader = new PieceReader(options, preformatted);
  reader.read(nodes, 0, null, depth);
  const pieces = tidy(reader.pieces, preformatted);
  const text = pieces.map((piece) => (piece.kind === 'break' ? '\n' : piece.text)).join('');
  return { children: toNodes(pieces, reader.urls, options.linkRel), text };
}
