import type { ChildNode, Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import { Article, type LexicalDocument } from '../../../../../shared/model/article';
import { IMAGE_NODE_TYPE, ImageNodeJson, type ImageWidth } from '../../../../../shared/model/photo-use';
import { bareCredit } from '../../../../../shared/rules/photo-use';
import type { RemoteMedia } from '../../../../../shared/model/publishing';
import { CREDIT_CLASS, LEAD_PHOTO_CLASS } from '../../../../../shared/rules/article-html';
import { bodyPhotosOf } from '../../../../../shared/rules/prepublish';
import { slugify } from '../../../../../shared/rules/slug';
import { BodyReader, hasClass, paragraphJson } from './remote-html-body';
import { flatText, MAX_HTML_DEPTH, readInline, type LexicalJson } from './remote-html-inline';

/**
 * "Take the CMS's version": a post's title, excerpt and content as WordPress returns them
 * (`title.raw`, `excerpt.raw`, `content.raw`) made into a local revision of the article. The HTML
 * is parsed with htmlparser2 (never a DOM, so nothing in it can run) and mapped back to the
 * editor's own nodes. The story's photos come back as photo nodes where the CMS still shows the
 * picture Newsdesk uploaded; anything the article cannot hold is left out and said in `notes`.
 * Byline, lead photo, section and tags are not part of the post's text and stay as they are.
 */

export interface RemoteVersion {
  title: string;
  excerpt: string;
  html: string;
}

export interface RemoteArticle {
  article: Article;
  /** What could not be carried over, in sentences for the editor. */
  notes: string[];
}

const CAPTION_FORMATS = 1 | 2;
const collapse = (text: string): string => text.replace(/\s+/gu, ' ').trim();

/** Plain text of an HTML fragment, entities decoded, blocks separated by a space. */
export function plainText(html: string): string {
  const document = parseDocument(html);
  return collapse(document.children.map((node) => flatText(node)).join(' '));
}

/**
 * How an uploaded picture is recognised whatever size WordPress serves it at: the path of its
 * URL, without the "-1024x683" size suffix or the "-scaled" of a large original.
 */
function mediaKey(url: string): string | null {
  let path: string;
  try {
    path = new URL(url.trim(), 'http://relative.invalid/').pathname;
  } catch {
    return null;
  }
  let previous = '';
  while (previous !== path) {
    previous = path;
    path = path.replace(/-(?:\d+x\d+|scaled|rotated)(\.[a-z0-9]+)$/iu, '$1');
  }
  return path.toLowerCase();
}

/** Finds a descendant element, breadth first, never deeper than the parser limit. */
function findElement(root: Element, test: (element: Element) => boolean): Element | null {
  let level: ChildNode[] = [...root.children];
  for (let depth = 0; depth < MAX_HTML_DEPTH && level.length > 0; depth += 1) {
    const next: ChildNode[] = [];
    for (const node of level) {
      if (!DomUtils.isTag(node)) continue;
      if (test(node)) return node;
      next.push(...node.children);
    }
    level = next;
  }
  return null;
}

const truncateSrc = (src: string): string => (src.length > 120 ? `${src.slice(0, 117)}…` : src);

class PhotoMatcher {
  readonly notes: string[] = [];
  private readonly byKey = new Map<string, RemoteMedia>();
  private readonly byMediaId = new Map<number, RemoteMedia>();
  private readonly basePhotos = new Map<string, ImageNodeJson>();

  constructor(media: readonly RemoteMedia[], base: Article) {
    for (const item of media) {
      const key = mediaKey(item.sourceUrl);
      if (key) this.byKey.set(key, item);
      this.byMediaId.set(item.mediaId, item);
    }
    for (const node of collectPhotoNodes(base.body)) if (!this.basePhotos.has(node.photoId)) this.basePhotos.set(node.photoId, node);
  }

  note(message: string): void {
    if (!this.notes.includes(message)) this.notes.push(message);
  }

  /** The site's copy of one of the story's photos, by URL or by the block editor's "wp-image-<id>" class. */
  private match(img: Element): RemoteMedia | null {
    const key = mediaKey(img.attribs.src ?? '');
    const byUrl = key ? this.byKey.get(key) : undefined;
    if (byUrl) return byUrl;
    const idClass = /(?:^|\s)wp-image-(\d+)(?:\s|$)/u.exec(img.attribs.class ?? '');
    return idClass ? (this.byMediaId.get(Number(idClass[1])) ?? null) : null;
  }

  figure(figure: Element): LexicalJson | null {
    const img = findElement(figure, (element) => element.name === 'img');
    if (!img) return null;
    // The lead photo travels as the lead (the featured image), not as a body photo.
    if (hasClass(figure, LEAD_PHOTO_CLASS)) return null;
    const caption = findElement(figure, (element) => element.name === 'figcaption');
    return this.photo(img, caption, widthOf(figure));
  }

  image(img: Element): LexicalJson | null {
    return this.photo(img, null, widthOf(img));
  }

  private photo(img: Element, figcaption: Element | null, width: ImageWidth): LexicalJson | null {
    const media = this.match(img);
    if (!media) {
      const src = (img.attribs.src ?? '').trim();
      this.note(`A picture that is not one of this story's uploaded photos was left out${src ? ` (${truncateSrc(src)})` : ''}.`);
      return null;
    }
    const base = this.basePhotos.get(media.photoId);
    const creditSpan = figcaption ? findElement(figcaption, (element) => element.name === 'span' && hasClass(element, CREDIT_CLASS)) : null;
    const content = figcaption
      ? readInline(figcaption.children, { formatMask: CAPTION_FORMATS, linkRel: 'noopener noreferrer', breaksAsSpaces: true, skip: (element) => element === creditSpan })
      : { children: [], text: '' };
    const captionText = collapse(content.text).slice(0, 5000);
    // Without the credit span (a CMS that strips classes) the credit is the one Newsdesk last knew.
    // Text read from HTML carries its line breaks and runs of spaces: collapsed before comparing.
    const credit = creditSpan ? bareCredit(collapse(flatText(creditSpan))).slice(0, 500) : (base?.credit ?? '');
    const rebuilt = captionJson(content.children);
    const sameCredit = base !== undefined && bareCredit(collapse(base.credit)) === bareCredit(collapse(credit));
    const node = {
      type: IMAGE_NODE_TYPE,
      version: 1,
      photoId: media.photoId,
      altText: collapse(img.attribs.alt ?? '').slice(0, 2000),
      credit: sameCredit ? base.credit : credit,
      // A credit changed in the CMS is a deliberate edit: it must not be replaced by the house credit.
      creditEdited: sameCredit ? base.creditEdited : credit !== '',
      width,
      caption: sameCaption(base?.caption, rebuilt) ? base!.caption : rebuilt,
      captionText,
    };
    return ImageNodeJson.parse(node) as LexicalJson;
  }
}

function widthOf(element: Element): ImageWidth {
  if (hasClass(element, 'alignfull')) return 'full';
  if (hasClass(element, 'alignwide')) return 'wide';
  return 'regular';
}

function captionJson(children: LexicalJson[]): ImageNodeJson['caption'] {
  return { root: { type: 'root', version: 1, children: [paragraphJson(children)], direction: null, format: '', indent: 0 } };
}

/**
 * What a caption shows: its words with bold, italic and links. An unchanged caption keeps its
 * stored state exactly (so taking the CMS version changes nothing that did not change there).
 */
function captionSignature(caption: unknown): string {
  const runs: [string, number, string | null][] = [];
  const walk = (node: unknown, depth: number, url: string | null): void => {
    if (typeof node !== 'object' || node === null || depth > 32) return;
    const item = node as { type?: unknown; text?: unknown; format?: unknown; url?: unknown; children?: unknown; root?: unknown };
    if (item.root !== undefined) return walk(item.root, depth + 1, url);
    if (typeof item.text === 'string') {
      const format = typeof item.format === 'number' ? item.format & CAPTION_FORMATS : 0;
      const last = runs[runs.length - 1];
      if (last && last[1] === format && last[2] === url) last[0] += item.text;
      else runs.push([item.text, format, url]);
      return;
    }
    const linkUrl = item.type === 'link' && typeof item.url === 'string' ? item.url : url;
    if (Array.isArray(item.children)) for (const child of item.children) walk(child, depth + 1, linkUrl);
  };
  walk(caption, 0, null);
  return JSON.stringify(runs);
}

function sameCaption(stored: ImageNodeJson['caption'] | undefined, rebuilt: ImageNodeJson['caption']): boolean {
  return stored !== undefined && captionSignature(stored) === captionSignature(rebuilt);
}

function collectPhotoNodes(body: LexicalDocument): ImageNodeJson[] {
  const ids = new Set(bodyPhotosOf(body).map((entry) => entry.photoId));
  const found: ImageNodeJson[] = [];
  if (ids.size === 0) return found;
  const pending: unknown[] = [body.root];
  while (pending.length > 0) {
    const node = pending.pop() as { type?: unknown; children?: unknown } | null;
    if (typeof node !== 'object' || node === null) continue;
    if (node.type === IMAGE_NODE_TYPE) {
      const parsed = ImageNodeJson.safeParse(node);
      if (parsed.success) found.push(parsed.data);
    }
    if (Array.isArray(node.children)) for (let i = node.children.length - 1; i >= 0; i -= 1) pending.push(node.children[i]);
  }
  return found;
}

function fitted(text: string, max: number, what: string, notes: string[]): string {
  if (text.length <= max) return text;
  notes.push(`The CMS's ${what} is longer than ${max} characters; it was cut to fit.`);
  return text.slice(0, max);
}

export function articleFromRemote(remote: RemoteVersion, base: Article, media: readonly RemoteMedia[]): RemoteArticle {
  const photos = new PhotoMatcher(media, base);
  const blocks = new BodyReader(photos).blocks(parseDocument(remote.html).children, 0);
  const children = blocks.length > 0 ? blocks : [paragraphJson([])];
  const body: LexicalDocument = { root: { type: 'root', version: 1, children, direction: null, format: '', indent: 0 } };
  const notes = [...photos.notes];
  const headline = fitted(plainText(remote.title), Article.shape.headline.maxLength ?? 500, 'headline', notes);
  const dek = fitted(plainText(remote.excerpt), Article.shape.dek.maxLength ?? 2000, 'excerpt', notes);
  const article = Article.parse({
    ...base,
    headline,
    dek,
    // An unedited slug follows the headline, as it does while typing.
    slug: base.slugEdited ? base.slug : slugify(headline),
    body,
  });
  return { article, notes };
}
