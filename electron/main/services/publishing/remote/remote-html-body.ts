import type { ChildNode, Element } from 'domhandler';
import { DomUtils } from 'htmlparser2';
import { PULL_QUOTE_CLASS } from '../../../../../shared/rules/article-html';
import { BYLINE_LINE_CLASS } from '../../../../../shared/rules/byline-match';
import {
  BLOCK_TAGS,
  EMBED_TAGS,
  flatText,
  MAX_HTML_DEPTH,
  readInline,
  SILENT_TAGS,
  textJson,
  type InlineContent,
  type LexicalJson,
} from './remote-html-inline';

/**
 * Block-level HTML (a CMS post's content) → the article body's Lexical JSON, in exactly the node
 * shapes the editor writes (paragraph, heading h2/h3, quote, pull quote, nested lists, rule).
 * Photos are decided by the caller (which knows the site's media), through `photos`.
 */

export interface PhotoReader {
  /** A `<figure>` (not a pull quote): a photo node, or null when it is not one of the story's photos. */
  figure(element: Element): LexicalJson | null;
  /** An `<img>` outside a figure: the same. */
  image(element: Element): LexicalJson | null;
  /** Something dropped (an embed), said in a sentence. */
  note(message: string): void;
}

const BODY_INLINE = { formatMask: -1, linkRel: 'noreferrer', breaksAsSpaces: false } as const;

const EMBED_NAMES: Readonly<Record<string, string>> = { iframe: 'embedded frame', video: 'video', audio: 'audio player', svg: 'drawing', form: 'form' };

export const hasClass = (element: Element, name: string): boolean => (element.attribs.class ?? '').split(/\s+/u).includes(name);

const element = (type: string, children: LexicalJson[], extra: Record<string, unknown> = {}): LexicalJson => ({
  type, version: 1, children, direction: null, format: '', indent: 0, ...extra,
});

/** A paragraph records the format of its first text (what Lexical writes, so a reload changes nothing). */
export function paragraphJson(children: LexicalJson[]): LexicalJson {
  const firstText = children.find((child) => child.type === 'text');
  return element('paragraph', children, { textFormat: typeof firstText?.format === 'number' ? firstText.format : 0, textStyle: '' });
}

const isElement = (node: ChildNode): node is Element => DomUtils.isTag(node);
const isBlockElement = (node: ChildNode): boolean => isElement(node) && (BLOCK_TAGS.has(node.name) || node.name === 'img' || EMBED_TAGS.has(node.name));

/** The editor keeps headings to H2 and H3 (the headline is the page's H1). */
const headingTag = (name: string): string => (name === 'h1' || name === 'h2' ? 'h2' : 'h3');

export class BodyReader {
  private readonly embedsNoted = new Set<string>();

  constructor(private readonly photos: PhotoReader) {}

  /** The blocks of a container; loose text and inline tags between blocks become paragraphs. */
  blocks(nodes: readonly ChildNode[], depth: number): LexicalJson[] {
    const out: LexicalJson[] = [];
    let run: ChildNode[] = [];
    const flush = () => {
      if (run.length > 0) out.push(...this.inlineBlock(run, depth, (content) => paragraphJson(content.children)));
      run = [];
    };
    for (const node of nodes) {
      if (isBlockElement(node)) {
        flush();
        out.push(...this.block(node as Element, depth + 1));
      } else if (DomUtils.isText(node) && /\n[^\S\n]*\n/u.test(node.data)) {
        // Text written without <p> tags (as WordPress's classic editor stores it): a blank line parts paragraphs.
        const parts = node.data.split(/\n[^\S\n]*\n/u);
        parts.forEach((part, index) => {
          if (index > 0) flush();
          // A copy of the text node holding only this part (its own fields, type included, are plain properties).
          run.push({ ...node, data: part } as ChildNode);
        });
      } else {
        run.push(node);
      }
    }
    flush();
    return out;
  }

  private noteEmbed(tag: string): void {
    const name = EMBED_NAMES[tag] ?? `<${tag}> element`;
    if (this.embedsNoted.has(name)) return;
    this.embedsNoted.add(name);
    const article = /^<?[aeiou]/u.test(name) ? 'an' : 'a';
    this.photos.note(`The CMS version holds ${article} ${name}, which Newsdesk articles cannot hold; it was left out.`);
  }

  /**
   * One block made from inline content. Pictures met inside it (WordPress often wraps an <img> in
   * a <p>) cannot live in a paragraph, so they follow it as blocks of their own.
   */
  private inlineBlock(nodes: readonly ChildNode[], depth: number, make: (content: InlineContent) => LexicalJson, preformatted = false): LexicalJson[] {
    const hoisted: LexicalJson[] = [];
    const content = readInline(
      nodes,
      {
        ...BODY_INLINE,
        onBlockInInline: (inner) => {
          const photo = inner.name === 'figure' ? this.photos.figure(inner) : this.photos.image(inner);
          if (photo) hoisted.push(photo);
        },
        onEmbed: (tag) => this.noteEmbed(tag),
      },
      preformatted,
      depth,
    );
    return content.children.length > 0 ? [make(content), ...hoisted] : hoisted;
  }

  private block(node: Element, depth: number): LexicalJson[] {
    const name = node.name;
    // The byline line Newsdesk writes above the story: the article's byline, not part of its text.
    if (SILENT_TAGS.has(name) || hasClass(node, BYLINE_LINE_CLASS)) return [];
    if (depth > MAX_HTML_DEPTH) {
      const text = flatText(node).replace(/\s+/gu, ' ').trim();
      return text ? [paragraphJson([textJson(text, 0)])] : [];
    }
    if (EMBED_TAGS.has(name)) {
      this.noteEmbed(name);
      return [];
    }
    switch (name) {
      case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6':
        return this.inlineBlock(node.children, depth, (content) => element('heading', content.children, { tag: headingTag(name) }));
      case 'blockquote':
        return this.quote(node, hasClass(node, PULL_QUOTE_CLASS) ? 'pullquote' : 'quote', depth);
      case 'aside':
        // How the editor itself copies a pull quote to the clipboard.
        return this.quote(node, 'pullquote', depth);
      case 'figure': {
        const quote = node.children.find((child): child is Element => isElement(child) && child.name === 'blockquote');
        if (quote && hasClass(node, 'wp-block-pullquote')) return this.quote(quote, 'pullquote', depth + 1);
        const photo = this.photos.figure(node);
        return photo ? [photo] : [];
      }
      case 'img': {
        const photo = this.photos.image(node);
        return photo ? [photo] : [];
      }
      case 'ul': case 'ol': {
        const list = this.list(node, depth, 0);
        return list ? [list] : [];
      }
      case 'hr':
        return [{ type: 'horizontalrule', version: 1 }];
      case 'p': case 'pre': case 'li': case 'dt': case 'dd': case 'address': case 'summary': case 'figcaption': case 'caption':
        return this.inlineBlock(node.children, depth, (content) => paragraphJson(content.children), name === 'pre');
      default:
        // Containers (div, section, table rows and cells…) give their blocks.
        return this.blocks(node.children, depth);
    }
  }

  private quote(node: Element, type: 'quote' | 'pullquote', depth: number): LexicalJson[] {
    return this.inlineBlock(node.children, depth, (content) => element(type, content.children));
  }

  /**
   * A list in the editor's shape: an item whose content is a nested list is an item of its own
   * holding only that list; its items are indented one more; numbering skips those holder items.
   */
  private list(node: Element, depth: number, indent: number): LexicalJson | null {
    const ordered = node.name === 'ol';
    const startAttribute = Number.parseInt(node.attribs.start ?? '', 10);
    const start = ordered && Number.isSafeInteger(startAttribute) && startAttribute >= 0 ? startAttribute : 1;
    const items: LexicalJson[] = [];
    let value = start;
    const holder = (nested: LexicalJson) => items.push(element('listitem', [nested], { indent, value }));
    for (const child of node.children) {
      if (!isElement(child)) {
        const text = DomUtils.isText(child) ? child.data.trim() : '';
        if (text) items.push(element('listitem', [textJson(text, 0)], { indent, value: value++ }));
        continue;
      }
      if (depth + 1 > MAX_HTML_DEPTH) {
        const text = flatText(child).replace(/\s+/gu, ' ').trim();
        if (text) items.push(element('listitem', [textJson(text, 0)], { indent, value: value++ }));
        continue;
      }
      if (child.name === 'ul' || child.name === 'ol') {
        const nested = this.list(child, depth + 1, indent + 1);
        if (nested) holder(nested);
        continue;
      }
      const nestedLists = child.children.filter((inner): inner is Element => isElement(inner) && (inner.name === 'ul' || inner.name === 'ol'));
      const words = child.children.filter((inner) => !nestedLists.includes(inner as Element));
      const made = this.inlineBlock(words, depth + 1, (content) => element('listitem', content.children, { indent, value }));
      for (const block of made) {
        if (block.type === 'listitem') {
          items.push(block);
          value += 1;
        } else {
          // A photo inside a list item cannot stay in the list: it is left out.
          this.photos.note('A picture inside a list item was left out (a list item holds only text).');
        }
      }
      for (const inner of nestedLists) {
        const nested = this.list(inner, depth + 2, indent + 1);
        if (nested) holder(nested);
      }
    }
    if (items.length === 0) return null;
    return element('list', items, { listType: ordered ? 'number' : 'bullet', start, tag: ordered ? 'ol' : 'ul' });
  }
}
