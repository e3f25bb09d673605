import DOMPurify, { type Config } from 'dompurify';
import { all, BLOCK_TAGS, cssValue, hasText, rename, styleOf, unwrap, wrapChildren } from './dom';
import { cleanGoogleDocsHtml, looksLikeGoogleDocs } from './google-docs';
import { pictureMark } from './picture-mark';
import { cleanWordHtml, looksLikeWord, unwrapWordSections } from './word';

/**
 * Pasted HTML → HTML an article can hold: headings, paragraphs, lists, quotes, links and
 * emphasis, nothing else. A pure function of its input (given a DOM), so it can be tested apart
 * from the editor; the paste plugin hands its output to Lexical's $generateNodesFromDOM.
 *
 * Order matters: Word and Google Docs carry meaning in styles and classes (list levels, bold
 * spans), so those are turned into tags first, and only then does DOMPurify drop every style,
 * class and handler along with scripts, frames and other active content.
 */
export function sanitizePastedHtml(html: string, options: { markPictures?: boolean } = {}): string {
  const doc = new DOMParser().parseFromString(html, 'text/html'); // inert: nothing loads or runs
  const body = doc.body;
  // First, while the images are all there in document order (the order pasted-images.ts counts).
  if (options.markPictures) markPictures(doc);
  if (looksLikeWord(html)) cleanWordHtml(body);
  if (looksLikeGoogleDocs(html)) cleanGoogleDocsHtml(body);
  unwrapWordSections(body);
  dropPictureCaptions(body);
  stylesToTags(body);
  const purified = purifier().sanitize(body.innerHTML, PURIFY_CONFIG);
  const clean = new DOMParser().parseFromString(purified, 'text/html').body;
  normalizeStructure(clean);
  return clean.innerHTML;
}

const ALLOWED_TAGS = [
  'p', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'aside', 'hr',
  'a', 'strong', 'b', 'em', 'i', 'u', 's', 'strike', 'del', 'sub', 'sup', 'span', 'div',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
];

const PURIFY_CONFIG: Config = {
  ALLOWED_TAGS,
  // Belt and braces: these are not in the allow-list either, but must never get through.
  FORBID_TAGS: ['script', 'style', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'form', 'input',
    'button', 'textarea', 'select', 'template', 'noscript', 'link', 'meta', 'base', 'img', 'video', 'audio'],
  ALLOWED_ATTR: ['href', 'title', 'data-pullquote'],
  FORBID_ATTR: ['style', 'class', 'id'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // Only web and e-mail links; DOMPurify drops any other href (javascript:, data:, file:, …).
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  KEEP_CONTENT: true,
};

let instance: ReturnType<typeof DOMPurify> | null = null;

/** A private DOMPurify instance, so its hook never affects other users of the library. */
function purifier(): ReturnType<typeof DOMPurify> {
  if (instance) return instance;
  instance = DOMPurify(window);
  instance.addHook('afterSanitizeAttributes', (node) => {
    // Any on* handler that slipped past the allow-list (it cannot, but a config edit might).
    if (node instanceof Element) {
      for (const attribute of Array.from(node.attributes)) {
        if (attribute.name.toLowerCase().startsWith('on')) node.removeAttribute(attribute.name);
      }
    }
  });
  return instance;
}

/**
 * A figure's caption goes with its picture, which the photo library takes in (pasted-images.ts
 * reads the caption into the photo's use): left in the text it would be there twice.
 */
function dropPictureCaptions(body: HTMLElement): void {
  for (const caption of all(body, 'figure figcaption')) {
    const pictures = Array.from(caption.closest('figure')!.querySelectorAll('img'));
    if (pictures.some((img) => /^\s*(data:|https?:|\/\/)/i.test(img.getAttribute('src') ?? ''))) caption.remove();
  }
}

/** Each <img> leaves a mark of its index where it stood (picture-slots.ts): the photo goes there. */
function markPictures(doc: Document): void {
  Array.from(doc.images).forEach((image, index) => image.before(doc.createTextNode(pictureMark(index))));
}

const INLINE_WITH_STYLE = 'span, font, a, b, strong, i, em, u, s, sub, sup';

/** Emphasis expressed as CSS (Google Docs, Word spans) becomes the matching tag. */
function stylesToTags(body: HTMLElement): void {
  for (const element of all(body, INLINE_WITH_STYLE)) {
    const style = styleOf(element);
    if (!style) continue;
    const tag = element.tagName;
    const weight = cssValue(style, 'font-weight') ?? '';
    const fontStyle = cssValue(style, 'font-style') ?? '';
    const decoration = `${cssValue(style, 'text-decoration') ?? ''} ${cssValue(style, 'text-decoration-line') ?? ''}`;
    // <b style="font-weight:normal"> is not bold (Docs' wrapper, and some Word spans).
    if ((tag === 'B' || tag === 'STRONG') && /^(normal|[1-4]00)$/.test(weight)) {
      unwrap(element);
      continue;
    }
    if ((tag === 'I' || tag === 'EM') && fontStyle === 'normal') {
      unwrap(element);
      continue;
    }
    if (/^(bold|bolder|[6-9]00)$/.test(weight)) wrapChildren(element, 'strong');
    if (/^(italic|oblique)/.test(fontStyle)) wrapChildren(element, 'em');
    // Links are drawn underlined anyway; an underline on a link is not emphasis.
    if (decoration.includes('underline') && !element.closest('a')) wrapChildren(element, 'u');
    if (decoration.includes('line-through')) wrapChildren(element, 's');
  }
}

/** After purification: the few shapes an article body uses, with nothing empty or dangling. */
function normalizeStructure(body: HTMLElement): void {
  // Links whose address was refused keep their text.
  for (const link of all(body, 'a')) if (!link.hasAttribute('href')) unwrap(link);
  for (const span of all(body, 'span')) unwrap(span);
  // Articles have H2 and H3 only: the headline is the H1.
  for (const heading of all(body, 'h1')) rename(heading, 'h2');
  for (const heading of all(body, 'h4, h5, h6')) rename(heading, 'h3');
  // Tables stay tables (Lexical's table nodes import them), but a table inside a table cell (a
  // layout table from a web page) is flattened: each of its cells' text becomes a paragraph.
  for (const inner of all(body, 'td table, th table')) {
    for (const cell of all(inner, 'td, th')) rename(cell, 'p');
    for (const part of [...all(inner, 'thead, tbody, tfoot, tr'), inner]) unwrap(part);
  }
  // A row or cell outside any table (a fragment of one) is only its text.
  for (const cell of all(body, 'td, th')) if (!cell.closest('table')) rename(cell, 'p');
  for (const part of all(body, 'thead, tbody, tfoot, tr')) if (!part.closest('table')) unwrap(part);
  // A paragraph inside a list item (Docs, Word Online) would split the item; keep its text inline.
  for (const item of all(body, 'li')) {
    const paragraphs = all(item, ':scope > p, :scope > div');
    paragraphs.forEach((p, index) => {
      if (index > 0) p.before(body.ownerDocument.createElement('br'));
      unwrap(p);
    });
  }
  // A div is a paragraph when it holds only inline content, and nothing when it holds blocks.
  for (const div of all(body, 'div').reverse()) {
    const hasBlock = Array.from(div.children).some((child) => BLOCK_TAGS.has(child.tagName));
    if (hasBlock) unwrap(div);
    else rename(div, 'p');
  }
  for (const block of all(body, 'p, h2, h3, blockquote, aside, li')) {
    if (!hasText(block) && !block.querySelector('hr')) block.remove();
  }
  for (const list of all(body, 'ul, ol')) if (!list.querySelector('li')) list.remove();
}
