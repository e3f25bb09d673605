import type { LexicalDocument } from '../../../../../shared/model/article';
import { IMAGE_NODE_TYPE, type ImageWidth } from '../../../../../shared/model/photo-use';
import { flatText } from '../../../../../shared/rules/article-html';
import { escapeHtml, isSafeLinkUrl } from '../../../../../shared/rules/html-escape';
import { captionWithCredit } from '../../../../../shared/rules/photo-use';
import { EMBED_NODE_TYPE, readEmbedNode } from '../../../../../shared/rules/embed-providers';
import { embedToGhostCard } from '../../../../../shared/rules/embed-output';

/**
 * An article body as Ghost's Lexical (the JSON its Koenig editor stores), written from our stored
 * editor JSON without an editor. Both are Lexical, so most nodes keep their shape; the differences
 * are Ghost's own node types, read from @tryghost/kg-default-nodes:
 * - text, headings and quotes are Ghost's `extended-text`, `extended-heading`, `extended-quote`;
 * - a pull quote is an `aside` (Ghost's alternative quote style);
 * - an inline photo is an `image` card: `src`, `alt`, `caption` (HTML: the caption with its credit,
 *   worded by captionWithCredit as on every other target), `cardWidth` regular/wide/full, and the
 *   picture's size;
 * - links keep only safe addresses (the words stay when the link goes), as in our HTML.
 * Unknown nodes give their text, never their raw content. The marker that finds a post again after
 * a lost answer is an `html` card holding only a comment: invisible on the site.
 */

type JsonNode = { type?: unknown; children?: unknown; [key: string]: unknown };
export type GhostNode = Record<string, unknown>;

export interface GhostImage {
  src: string;
  width: number | null;
  height: number | null;
}

export interface GhostLexicalOptions {
  /** The uploaded picture of a library photo, or null to leave that photo out. */
  image(photoId: string): GhostImage | null;
  /** The client key this post is found by after a lost answer. */
  marker: string | null;
}

/** Deeper than any document the editor writes; past it a subtree becomes its plain text. */
const MAX_DEPTH = 64;
const INLINE_TYPES = new Set(['extended-text', 'linebreak', 'link']);
const GHOST_WIDTHS: Readonly<Record<ImageWidth, string>> = { regular: 'regular', wide: 'wide', full: 'full' };

const isNode = (value: unknown): value is JsonNode => typeof value === 'object' && value !== null && !Array.isArray(value);
const childrenOf = (node: JsonNode): unknown[] => (Array.isArray(node.children) ? node.children : []);
const stringField = (node: JsonNode, key: string): string => (typeof node[key] === 'string' ? (node[key] as string) : '');

const element = (type: string, children: GhostNode[], extra: GhostNode = {}): GhostNode => ({ children, direction: 'ltr', format: '', indent: 0, type, version: 1, ...extra });
const text = (value: string, format = 0): GhostNode => ({ detail: 0, format, mode: 'normal', style: '', text: value, type: 'extended-text', version: 1 });

export function markerHtml(clientKey: string): string {
  return `<!-- newsdesk:${clientKey} -->`;
}

const collapse = (value: string): string => value.replace(/\s+/gu, ' ').trim();

/** "Caption (Credit)" as every target prints it, escaped: Ghost's caption field is HTML. */
export function ghostCaption(caption: string, credit: string): string {
  return escapeHtml(collapse(captionWithCredit(collapse(caption), credit)));
}

class LexicalWriter {
  constructor(private readonly options: GhostLexicalOptions) {}

  children(node: JsonNode, depth: number): GhostNode[] {
    return childrenOf(node).flatMap((child) => this.node(child, depth + 1));
  }

  /** Inline content: only text, line breaks and links may sit inside a block. */
  inline(node: JsonNode, depth: number): GhostNode[] {
    // A block inside a block (only in a damaged document) gives its words, never a nested block.
    const flatten = (child: GhostNode): GhostNode[] =>
      INLINE_TYPES.has(child.type as string) ? [child] : Array.isArray(child.children) ? (child.children as GhostNode[]).flatMap(flatten) : [];
    return this.children(node, depth).flatMap(flatten);
  }

  node(value: unknown, depth: number): GhostNode[] {
    if (!isNode(value)) return [];
    if (depth > MAX_DEPTH) return [text(flatText(value))];
    switch (value.type) {
      case 'text':
      case 'tab': {
        const value_ = stringField(value, 'text');
        return value_ ? [text(value_, typeof value.format === 'number' ? value.format : 0)] : [];
      }
      case 'linebreak':
        return [{ type: 'linebreak', version: 1 }];
      case 'paragraph':
        return this.block('paragraph', value, depth);
      case 'heading': {
        const tag = /^h[2-6]$/.test(stringField(value, 'tag')) ? stringField(value, 'tag') : 'h2';
        return this.block('extended-heading', value, depth, { tag });
      }
      case 'quote':
        return this.block('extended-quote', value, depth);
      case 'pullquote':
        return this.block('aside', value, depth);
      case 'list':
        return this.list(value, depth);
      case 'listitem':
        // Only reached for an item outside a list (a damaged document): keep its words.
        return this.block('paragraph', value, depth);
      case 'link':
      case 'autolink': {
        const inner = this.inline(value, depth);
        const url = stringField(value, 'url').trim();
        if (!isSafeLinkUrl(url)) return inner; // the words stay, the link goes
        return [element('link', inner, { rel: null, target: null, title: null, url })];
      }
      case 'horizontalrule':
        return [{ type: 'horizontalrule', version: 1 }];
      case IMAGE_NODE_TYPE:
        return this.photo(value);
      case EMBED_NODE_TYPE: {
        // Ghost's own embed card; a URL off the allow-list (a hand-edited file) stays a plain link.
        const embed = readEmbedNode(value);
        if (embed) return [embedToGhostCard(embed) as unknown as GhostNode];
        const url = stringField(value, 'url').trim();
        return isSafeLinkUrl(url) ? [element('paragraph', [element('link', [text(url)], { rel: null, target: null, title: null, url })])] : [];
      }
      default:
        return typeof value.text === 'string' ? [text(value.text)] : this.children(value, depth);
    }
  }

  private block(type: string, node: JsonNode, depth: number, extra: GhostNode = {}): GhostNode[] {
    const inner = this.inline(node, depth);
    // Empty paragraphs are spacing in the editor, not content.
    if (inner.every((child) => child.type === 'linebreak' || (child.type === 'extended-text' && !String(child.text).trim()))) return [];
    return [element(type, inner, extra)];
  }

  private list(node: JsonNode, depth: number): GhostNode[] {
    const ordered = node.listType === 'number' || node.tag === 'ol';
    const items: GhostNode[] = [];
    for (const child of childrenOf(node)) {
      if (!isNode(child)) continue;
      const grandchildren = childrenOf(child);
      const nested = grandchildren.filter((item) => isNode(item) && item.type === 'list').flatMap((item) => this.list(item as JsonNode, depth + 2));
      const inline = grandchildren.filter((item) => !(isNode(item) && item.type === 'list')).flatMap((item) => this.node(item, depth + 2));
      // Lexical nests a list as an item holding only that list, as our editor writes it.
      items.push(element('listitem', [...inline, ...nested], { value: items.length + 1 }));
    }
    if (items.length === 0) return [];
    return [element('list', items, { listType: ordered ? 'number' : 'bullet', start: ordered && Number.isSafeInteger(node.start) ? node.start : 1, tag: ordered ? 'ol' : 'ul' })];
  }

  private photo(node: JsonNode): GhostNode[] {
    const photoId = stringField(node, 'photoId');
    const image = photoId ? this.options.image(photoId) : null;
    if (!image) return [];
    const width = stringField(node, 'width');
    return [
      {
        type: 'image',
        version: 1,
        src: image.src,
        width: image.width,
        height: image.height,
        title: '',
        alt: stringField(node, 'altText'),
        caption: ghostCaption(stringField(node, 'captionText'), stringField(node, 'credit')),
        // Own keys only: a crafted width such as "constructor" must not print an inherited value.
        cardWidth: Object.hasOwn(GHOST_WIDTHS, width) ? GHOST_WIDTHS[width as ImageWidth] : 'regular',
        href: '',
      },
    ];
  }
}

/** The body as the JSON string Ghost's `lexical` field takes. */
export function ghostLexical(body: LexicalDocument, options: GhostLexicalOptions): string {
  const children = new LexicalWriter(options).children(body.root, 0);
  if (options.marker) children.push({ type: 'html', version: 1, html: markerHtml(options.marker) });
  return JSON.stringify({ root: { children, direction: 'ltr', format: '', indent: 0, type: 'root', version: 1 } });
}
