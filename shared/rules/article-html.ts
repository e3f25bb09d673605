import type { Article, Author, LexicalDocument } from '../model/article';
import { IMAGE_NODE_TYPE, type ImageWidth, type PhotoUse } from '../model/photo-use';
import { escapeAttribute, escapeHtml, isSafeLinkUrl } from './html-escape';
import { articlePageHead, htmlPage } from './article-html-page';
import { captionWithCredit } from './photo-use';
import { embedFigureHtml } from './embed-output';
import { EMBED_NODE_TYPE, readEmbedNode } from './embed-providers';

export { escapeAttribute, escapeHtml, isSafeLinkUrl } from './html-escape';
export { htmlPage } from './article-html-page';

/**
 * An article as clean, semantic HTML, written from the stored editor JSON without an editor or a
 * DOM, for the HTML export, the CMS's post content and the ninjs body. Every text and attribute is
 * escaped here; the main process still runs the result through its sanitizer (defence in depth).
 *
 * House conventions of the markup (remote-to-article reads them back):
 * - a pull quote is `<blockquote class="pull-quote">`: still a quotation for feed readers and CMSs
 *   that drop classes, and WordPress keeps the class;
 * - a photo is `<figure>` + `<img>` + `<figcaption>caption <span class="credit">(credit)</span>`,
 *   the credit worded by captionWithCredit as everywhere else; a wide or full-width photo carries
 *   WordPress's own `alignwide` / `alignfull` class, which themes lay out;
 * - the lead photo's figure has the class `lead-photo`, so it is never mistaken for a body photo;
 * - headings are h2 and below (the headline is the page's only h1);
 * - an embed is `<figure class="embed embed-<provider>">` holding a plain link (see embed-output.ts).
 */

export interface BodyHtmlOptions {
  /** Where the picture of a library photo is found in the output, or null to leave that photo out. */
  photoSrc(photoId: string): string | null;
}

export interface ArticleHtmlOptions extends BodyHtmlOptions {
  /** The lead photo's src; defaults to photoSrc(lead photo id). Null leaves the lead figure out. */
  leadSrc?: string | null;
  /** Where the avatar of the byline's author at this position is found, or null for none (the default: no avatars). */
  avatarSrc?: (authorIndex: number) => string | null;
}

type JsonNode = { type?: unknown; children?: unknown; [key: string]: unknown };

/** Deeper than any document the editor writes; past it a subtree is printed as plain text. */
const MAX_DEPTH = 64;
const CAPTION_MAX_DEPTH = 32;

/** Lexical's text format bits, outermost tag first. */
const FORMAT_TAGS: ReadonlyArray<readonly [number, string]> = [
  [1, 'strong'],
  [2, 'em'],
  [8, 'u'],
  [4, 's'],
  [32, 'sub'],
  [64, 'sup'],
  [16, 'code'],
];
/** A caption keeps bold and italic only (as its editor does). */
const CAPTION_FORMATS = 1 | 2;

const WIDTH_CLASSES: Readonly<Record<ImageWidth, string | null>> = { regular: null, wide: 'alignwide', full: 'alignfull' };

export const PULL_QUOTE_CLASS = 'pull-quote';
export const CREDIT_CLASS = 'credit';
export const LEAD_PHOTO_CLASS = 'lead-photo';

const isNode = (value: unknown): value is JsonNode => typeof value === 'object' && value !== null && !Array.isArray(value);
const childrenOf = (node: JsonNode): unknown[] => (Array.isArray(node.children) ? node.children : []);
const stringField = (node: JsonNode, key: string): string => (typeof node[key] === 'string' ? (node[key] as string) : '');

/** The text of a subtree, walked with an explicit stack so hostile nesting cannot overflow the call stack. */
export function flatText(node: unknown): string {
  const out: string[] = [];
  const pending: unknown[] = [node];
  while (pending.length > 0) {
    const next = pending.pop();
    if (!isNode(next)) continue;
    if (typeof next.text === 'string') out.push(next.text);
    else if (next.type === 'linebreak') out.push('\n');
    const children = childrenOf(next);
    for (let i = children.length - 1; i >= 0; i -= 1) pending.push(children[i]);
  }
  return out.join('');
}

function formatted(text: string, format: number, allowed = -1): string {
  let html = escapeHtml(text);
  for (let i = FORMAT_TAGS.length - 1; i >= 0; i -= 1) {
    const [bit, tag] = FORMAT_TAGS[i]!;
    if (format & bit & allowed) html = `<${tag}>${html}</${tag}>`;
  }
  return html;
}

function textHtml(node: JsonNode, allowed = -1): string {
  const format = typeof node.format === 'number' ? node.format : 0;
  return formatted(stringField(node, 'text'), format, allowed);
}

function linkHtml(node: JsonNode, inner: string): string {
  const url = stringField(node, 'url').trim();
  if (!isSafeLinkUrl(url)) return inner; // the words stay, the link goes
  return `<a href="${escapeAttribute(url)}">${inner}</a>`;
}

function headingTag(node: JsonNode): string {
  const tag = stringField(node, 'tag');
  return /^h[2-6]$/.test(tag) ? tag : 'h2';
}

/** Empty paragraphs are spacing in the editor, not content. */
const isBlank = (html: string): boolean => html.replace(/<br>|\s/g, '') === '';

class BodyWriter {
  constructor(private readonly options: BodyHtmlOptions) {}

  children(node: JsonNode, depth: number): string {
    let html = '';
    for (const child of childrenOf(node)) html += this.node(child, depth + 1);
    return html;
  }

  node(value: unknown, depth: number): string {
    if (!isNode(value)) return '';
    if (depth > MAX_DEPTH) return escapeHtml(flatText(value));
    switch (value.type) {
      case 'text':
      case 'tab':
        return textHtml(value);
      case 'linebreak':
        return '<br>';
      case 'paragraph': {
        const inner = this.children(value, depth);
        return isBlank(inner) ? '' : `<p>${inner}</p>\n`;
      }
      case 'heading': {
        const tag = headingTag(value);
        const inner = this.children(value, depth);
        return isBlank(inner) ? '' : `<${tag}>${inner}</${tag}>\n`;
      }
      case 'quote':
      case 'pullquote': {
        const inner = this.children(value, depth);
        const classAttribute = value.type === 'pullquote' ? ` class="${PULL_QUOTE_CLASS}"` : '';
        return isBlank(inner) ? '' : `<blockquote${classAttribute}>${inner}</blockquote>\n`;
      }
      case 'list':
        return this.list(value, depth);
      case 'listitem':
        // Only reached for an item outside a list (a damaged document): keep its words.
        return `<p>${this.children(value, depth)}</p>\n`;
      case 'link':
      case 'autolink':
        return linkHtml(value, this.children(value, depth));
      case 'horizontalrule':
        return '<hr>\n';
      case IMAGE_NODE_TYPE:
        return this.photo(value);
      case 'table':
        return this.table(value, depth);
      case EMBED_NODE_TYPE: {
        // An address no longer on the allow-list (a crafted file) prints nothing rather than a link to it.
        const embed = readEmbedNode(value);
        return embed === null ? '' : embedFigureHtml(embed);
      }
      default:
        // Unknown node types give their text or their children, never their raw content.
        return typeof value.text === 'string' ? escapeHtml(value.text) : this.children(value, depth);
    }
  }

  /**
   * Lexical nests a list as an item holding only that list; HTML nests it inside the item above,
   * which is where readers (and CMSs) expect it.
   */
  private list(node: JsonNode, depth: number): string {
    const ordered = node.listType === 'number' || node.tag === 'ol';
    const tag = ordered ? 'ol' : 'ul';
    const start = ordered && Number.isSafeInteger(node.start) && node.start !== 1 ? ` start="${node.start as number}"` : '';
    const items: string[] = [];
    for (const child of childrenOf(node)) {
      if (!isNode(child)) continue;
      if (depth + 1 > MAX_DEPTH) {
        items.push(escapeHtml(flatText(child)));
        continue;
      }
      const grandchildren = childrenOf(child);
      const onlyLists = child.type === 'listitem' && grandchildren.length > 0 && grandchildren.every((item) => isNode(item) && item.type === 'list');
      const inner = child.type === 'listitem' ? this.children(child, depth + 1) : this.node(child, depth + 1);
      if (onlyLists && items.length > 0) items[items.length - 1] += `\n${inner.trimEnd()}`;
      else items.push(onlyLists ? `\n${inner.trimEnd()}` : inner.trimEnd());
    }
    if (items.length === 0) return '';
    return `<${tag}${start}>\n${items.map((item) => `<li>${item}</li>\n`).join('')}</${tag}>\n`;
  }

  /**
   * A table as a plain grid: header cells (Lexical's header state) as `<th>`, a leading header
   * row in `<thead>`. A cell holding one paragraph prints its words without the `<p>`.
   */
  private table(node: JsonNode, depth: number): string {
    const rows: { header: boolean; html: string }[] = [];
    for (const row of childrenOf(node)) {
      if (!isNode(row) || row.type !== 'tablerow') continue;
      const cells = childrenOf(row).filter(isNode);
      if (cells.length === 0) continue;
      let html = '';
      let allHeaders = true;
      for (const cell of cells) {
        const header = typeof cell.headerState === 'number' && cell.headerState !== 0;
        allHeaders &&= header;
        const tag = header ? 'th' : 'td';
        const inner = this.children(cell, depth + 2).trim();
        const single = /^<p>((?:(?!<p>)[\s\S])*)<\/p>$/.exec(inner);
        html += `<${tag}>${single ? single[1] : inner}</${tag}>`;
      }
      rows.push({ header: allHeaders, html: `<tr>${html}</tr>\n` });
    }
    if (rows.length === 0) return '';
    const headRows = rows[0]!.header && rows.length > 1 ? 1 : 0;
    const head = headRows ? `<thead>\n${rows[0]!.html}</thead>\n` : '';
    const body = rows.slice(headRows).map((row) => row.html).join('');
    return `<table>\n${head}<tbody>\n${body}</tbody>\n</table>\n`;
  }

  private photo(node: JsonNode): string {
    const photoId = stringField(node, 'photoId');
    if (!photoId) return '';
    const src = this.options.photoSrc(photoId);
    if (src === null) return '';
    const width = stringField(node, 'width') as ImageWidth;
    const captionText = stringField(node, 'captionText');
    return figureHtml({
      src,
      alt: stringField(node, 'altText'),
      captionHtml: captionInlineHtml(node.caption, printedCaption(captionText)),
      captionText,
      credit: stringField(node, 'credit'),
      // Own keys only: a crafted width such as "constructor" must not print an inherited value.
      className: Object.hasOwn(WIDTH_CLASSES, width) ? WIDTH_CLASSES[width] : null,
    });
  }
}

const collapse = (text: string): string => text.replace(/\s+/gu, ' ').trim();

/** The caption part of "caption (credit)", tidied as captionWithCredit tidies it. */
const printedCaption = (caption: string): string => collapse(captionWithCredit(collapse(caption), ''));

/**
 * A caption's formatted text (bold, italic, links). `captionText` is the caption as
 * captionWithCredit prints it (from the plain text stored beside the editor state); when the
 * formatted text does not read exactly the same, the plain text wins, so every place that shows a
 * caption shows the same words.
 */
function captionInlineHtml(caption: unknown, captionText: string): string {
  const fallback = escapeHtml(captionText);
  const root = isNode(caption) && isNode(caption.root) ? caption.root : null;
  if (root === null) return fallback;
  let html = '';
  let text = '';
  let tooDeep = false;
  const walk = (node: unknown, depth: number, inLink: boolean): void => {
    if (!isNode(node) || tooDeep) return;
    if (depth > CAPTION_MAX_DEPTH) {
      tooDeep = true;
      return;
    }
    if ((node.type === 'text' || node.type === 'tab') && typeof node.text === 'string') {
      const piece = node.text.replace(/\s+/gu, ' ');
      html += formatted(piece, typeof node.format === 'number' ? node.format : 0, CAPTION_FORMATS);
      text += piece;
      return;
    }
    if (node.type === 'linebreak') {
      html += ' ';
      text += ' ';
      return;
    }
    const isLink = node.type === 'link' && !inLink && isSafeLinkUrl(stringField(node, 'url'));
    if (!isLink && node.type !== 'root' && text !== '' && !/\s$/u.test(text) && node.type !== 'link') {
      html += ' '; // a block boundary reads as a space
      text += ' ';
    }
    const before = html.length;
    for (const child of childrenOf(node)) walk(child, depth + 1, inLink || isLink);
    if (isLink) html = html.slice(0, before) + linkHtml(node, html.slice(before));
  };
  walk(root, 0, false);
  if (tooDeep || collapse(text) !== captionText) return fallback;
  return html.trim();
}

interface FigureParts {
  src: string;
  alt: string;
  captionHtml: string;
  captionText: string;
  credit: string;
  className: string | null;
}

function figureHtml({ src, alt, captionHtml, captionText, credit, className }: FigureParts): string {
  // The credit part of "caption (credit)", exactly as the preview prints it after the caption.
  const caption = collapse(captionText);
  const suffix = captionWithCredit(caption, credit).slice(captionWithCredit(caption, '').length);
  const creditHtml = suffix.trim() ? `${/^\s/u.test(suffix) ? ' ' : ''}<span class="${CREDIT_CLASS}">${escapeHtml(suffix.trim())}</span>` : '';
  const figcaption = captionHtml || creditHtml ? `<figcaption>${captionHtml}${creditHtml}</figcaption>` : '';
  const classAttribute = className ? ` class="${className}"` : '';
  return `<figure${classAttribute}><img src="${escapeAttribute(src)}" alt="${escapeAttribute(alt)}">${figcaption}</figure>\n`;
}

/** The body of an article as HTML blocks, one per line. */
export function articleBodyHtml(body: LexicalDocument, options: BodyHtmlOptions): string {
  const root: JsonNode = body.root;
  return new BodyWriter(options).children(root, 0);
}

/** The lead photo as a figure (class `lead-photo`), with "caption (credit)". */
export function leadFigureHtml(use: PhotoUse, src: string): string {
  return figureHtml({
    src,
    alt: use.altText,
    captionHtml: escapeHtml(printedCaption(use.caption)),
    captionText: use.caption,
    credit: use.credit,
    className: LEAD_PHOTO_CLASS,
  });
}

/**
 * "By Jane Doe, Political editor; John Roe", or "By Jane Doe and John Roe" when nobody has a role.
 * With `avatarSrc`, an author with an avatar gets it as a small image before the name (alt text
 * empty: the name follows it, and a screen reader would otherwise read the name twice).
 */
export function bylineHtml(byline: readonly Author[], avatarSrc?: (authorIndex: number) => string | null): string {
  const authors = byline.map((author, index) => ({ author, index })).filter(({ author }) => author.name.trim() !== '');
  if (authors.length === 0) return '';
  const hasRoles = authors.some(({ author }) => author.role.trim() !== '');
  const parts = authors.map(({ author, index }) => {
    const src = avatarSrc?.(index) ?? null;
    const avatar = src === null ? '' : `<img class="avatar" src="${escapeAttribute(src)}" alt="" width="48" height="48">`;
    const name = `<span class="author">${avatar}${escapeHtml(author.name.trim())}</span>`;
    return author.role.trim() ? `${name}, <span class="role">${escapeHtml(author.role.trim())}</span>` : name;
  });
  const joined = hasRoles
    ? parts.join('; ')
    : parts.length === 1
      ? parts[0]!
      : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]!}`;
  return `<p class="byline">By ${joined}</p>\n`;
}

/** The story as one `<article>`: headline, dek, byline, lead photo, body. */
export function articleHtml(article: Article, options: ArticleHtmlOptions): string {
  const lead = article.leadPhoto;
  const leadSrc = lead === null ? null : options.leadSrc !== undefined ? options.leadSrc : options.photoSrc(lead.photoId);
  const dek = article.dek.trim();
  return [
    '<article>\n<header>\n',
    `<h1>${escapeHtml(article.headline.trim())}</h1>\n`,
    dek ? `<p class="dek">${escapeHtml(dek)}</p>\n` : '',
    bylineHtml(article.byline, options.avatarSrc),
    '</header>\n',
    lead !== null && leadSrc !== null ? leadFigureHtml(lead, leadSrc) : '',
    articleBodyHtml(article.body, options),
    '</article>\n',
  ].join('');
}

/** The export: a complete `<!doctype html>` page holding the article. */
export function articleHtmlDocument(article: Article, options: ArticleHtmlOptions): string {
  const { title, head } = articlePageHead(article, options.photoSrc);
  return htmlPage(title, articleHtml(article, options), head);
}
