import type { ChildNode, Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { CreditStyle } from '../../../../../shared/model/settings';
import { CREDIT_CLASS } from '../../../../../shared/rules/article-html';
import { splitCaptionCredit } from '../../../../../shared/rules/caption-credit';
import { escapeHtml } from '../../../../../shared/rules/html-escape';
import { hasClass } from '../remote/remote-html-body';
import { flatText } from '../remote/remote-html-inline';
import { plainText } from '../remote/remote-to-article';

/**
 * A post's HTML as a site holds it, made ready for "take the site's version" (remote-to-article):
 * every picture it shows is listed (to be downloaded into the library), and a caption that ends
 * with a credit in the house pattern ("… (Jane Doe/Reuters)") gets that credit marked the way
 * Newsdesk's own HTML marks it (a span of class "credit"), so the one converter reads the credit
 * apart from the caption as it does for posts Newsdesk wrote.
 */

export interface FoundPicture {
  /** The address as the HTML gives it (perhaps relative to the site). */
  src: string;
  alt: string;
  /** The caption's words, the credit left out. */
  caption: string;
  credit: string;
  /** WordPress's media id, from the block editor's "wp-image-<id>" class; 0 when absent. */
  wpMediaId: number;
}

export interface ImportedHtml {
  html: string;
  pictures: FoundPicture[];
}

const collapse = (text: string): string => text.replace(/\s+/gu, ' ').trim();

/** The last text node under `root` holding more than white space, depth first, without recursion. */
function lastText(root: Element): (ChildNode & { data: string }) | null {
  const pending: ChildNode[] = [...root.children];
  let last: (ChildNode & { data: string }) | null = null;
  while (pending.length > 0) {
    const node = pending.shift()!;
    if (DomUtils.isText(node) && node.data.trim() !== '') last = node;
    else if (DomUtils.isTag(node)) pending.unshift(...node.children);
  }
  return last;
}

function creditSpanOf(figcaption: Element): Element | null {
  return DomUtils.findOne((element) => element.name === 'span' && hasClass(element, CREDIT_CLASS), figcaption.children, true);
}

/**
 * Marks the credit at the end of a caption, when it is in the house pattern and written in one run
 * of text (a credit split by markup stays part of the caption: nothing is guessed).
 */
function markCredit(figcaption: Element, style: CreditStyle): void {
  if (creditSpanOf(figcaption)) return;
  const split = splitCaptionCredit(flatText(figcaption), style);
  if (!split) return;
  const text = lastText(figcaption);
  if (!text) return;
  const open = text.data.lastIndexOf('(');
  if (open < 0 || collapse(text.data.slice(open)).replace(/\.$/u, '') !== `(${split.credit})`) return;
  text.data = text.data.slice(0, open).trimEnd();
  const [span] = parseDocument(`<span class="${CREDIT_CLASS}">${escapeHtml(split.credit)}</span>`).children;
  if (span) DomUtils.append(text, span);
}

function figcaptionOf(img: Element): Element | null {
  let parent = img.parent;
  // A picture's caption is its figure's, however deep the <img> sits in it (a link, a <picture>).
  for (let depth = 0; parent && depth < 8; depth += 1) {
    if (DomUtils.isTag(parent) && parent.name === 'figure') {
      return DomUtils.findOne((element) => element.name === 'figcaption', parent.children, true);
    }
    parent = parent.parent;
  }
  return null;
}

function pictureOf(img: Element): FoundPicture {
  const figcaption = figcaptionOf(img);
  const creditSpan = figcaption ? creditSpanOf(figcaption) : null;
  const credit = creditSpan ? collapse(flatText(creditSpan)) : '';
  const whole = figcaption ? collapse(flatText(figcaption)) : '';
  const caption = credit && whole.endsWith(credit) ? whole.slice(0, whole.length - credit.length).trim() : whole;
  const idClass = /(?:^|\s)wp-image-(\d+)(?:\s|$)/u.exec(img.attribs.class ?? '');
  return { src: (img.attribs.src ?? '').trim(), alt: collapse(img.attribs.alt ?? ''), caption, credit, wpMediaId: idClass ? Number(idClass[1]) : 0 };
}

export function readImportedHtml(html: string, style: CreditStyle): ImportedHtml {
  const document = parseDocument(html);
  for (const figcaption of DomUtils.findAll((element) => element.name === 'figcaption', document.children)) markCredit(figcaption, style);
  const pictures: FoundPicture[] = [];
  const seen = new Set<string>();
  for (const img of DomUtils.findAll((element) => element.name === 'img', document.children)) {
    const picture = pictureOf(img);
    if (seen.has(picture.src)) continue;
    seen.add(picture.src);
    pictures.push(picture);
  }
  return { html: DomUtils.getOuterHTML(document), pictures };
}

/** A caption read from a site (plain text or HTML) split into its words and a credit in the house pattern. */
export function captionAndCredit(captionHtml: string, style: CreditStyle): { caption: string; credit: string } {
  const text = plainText(captionHtml);
  return splitCaptionCredit(text, style) ?? { caption: text, credit: '' };
}
