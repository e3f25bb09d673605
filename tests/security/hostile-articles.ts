import type { Article } from '../../shared/model/article';
import type { Photo } from '../../shared/model/photo';
import { body, imageNode, leadUse, makeArticle, makePhoto, paragraph, text } from '../unit/shared/photo-fixtures';
import { CANARY, EVIL_HOST, type XssVector } from './xss-corpus';

/**
 * Articles as a crafted draft file could hold them: one vector in every field that reaches an
 * export — headline, dek, byline, section, tags, slug, the lead photo's caption, credit and alt
 * text, body text, link addresses, heading tags, list attributes, photo nodes (caption editor state
 * included), unknown node types — and the library's photo records carrying it in their metadata.
 */

/** Link targets a draft file could carry as they stand after parsing (no entities left to decode). */
export const HOSTILE_URLS: readonly string[] = [
  `javascript:${CANARY}('url')`,
  `JAVASCRIPT:${CANARY}('url')`,
  ` \u0001javascript:${CANARY}('url')`,
  `java\tscript:${CANARY}('url')`,
  `java\nscript:${CANARY}('url')`,
  `javascript&colon;${CANARY}('url')`,
  `vbscript:msgbox(1)`,
  `data:text/html,<script>${CANARY}('url')</script>`,
  'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
  'file:///etc/passwd',
  `//${EVIL_HOST}/protocol-relative`,
  'app://newsdesk/media/x',
  `https://${EVIL_HOST}/" onmouseover="${CANARY}('url')`,
  `https://${EVIL_HOST}/'><script>${CANARY}('url')</script>`,
  `mailto:x@${EVIL_HOST}?body="><svg onload=${CANARY}('url')>`,
];

export const LEAD_ID = 'a'.repeat(64);
export const INLINE_ID = 'b'.repeat(64);

const cut = (value: string, max: number): string => value.slice(0, max);

function link(url: string, words: string): Record<string, unknown> {
  return { type: 'link', version: 1, url, rel: 'noreferrer', target: null, title: null, children: [text(words)] };
}

function captionState(vector: XssVector): Record<string, unknown> {
  return { root: { type: 'root', version: 1, children: [paragraph(text(vector.payload), link(vector.payload, 'caption link'), link(HOSTILE_URLS[0]!, 'js link'))] } };
}

/** The body nodes, each carrying the vector where a draft file could put it. */
function hostileBody(vector: XssVector): Article['body'] {
  const payload = vector.payload;
  return body(
    paragraph(text(payload)),
    paragraph({ ...text(payload), format: 1 | 2 | 16 }),
    paragraph(link(payload, 'payload as address'), ...HOSTILE_URLS.map((url) => link(url, 'hostile address'))),
    { type: 'heading', version: 1, tag: payload, children: [text(payload)] },
    { type: 'heading', version: 1, tag: 'h2 onclick=x', children: [text('Heading words')] },
    { type: 'list', version: 1, listType: payload, tag: `ol ${payload}`, start: payload, children: [{ type: 'listitem', version: 1, children: [text(payload)] }] },
    { type: 'pullquote', version: 1, children: [text(payload)] },
    { type: payload, version: 1, text: payload },
    { type: 'html', version: 1, html: payload, children: [text('Unknown node words')] },
    imageNode(INLINE_ID, { captionText: cut(payload, 5000), credit: cut(payload, 500), altText: cut(payload, 2000), caption: captionState(vector) as never }),
    { ...imageNode(INLINE_ID), width: payload },
    // Names every object inherits: a lookup table must not answer for them.
    ...['__proto__', 'constructor', 'toString'].map((width) => ({ ...imageNode(INLINE_ID), width })),
    paragraph(text('Closing words')),
  );
}

export function hostileArticle(vector: XssVector): Article {
  const payload = vector.payload;
  const base = makeArticle({
    leadPhoto: leadUse(LEAD_ID, { caption: cut(payload, 5000), credit: cut(payload, 500), altText: cut(payload, 2000) }),
    body: hostileBody(vector),
  });
  return {
    ...base,
    id: `article-${vector.id}`,
    slug: cut(payload, 200),
    headline: cut(payload, 500),
    dek: cut(payload, 2000),
    byline: [
      { name: cut(payload, 120).trim() || 'x', role: cut(payload, 120), avatar: null },
      { name: 'Second Author', role: '', avatar: null },
    ],
    section: cut(payload, 120),
    tags: [cut(payload, 80).trim() || 'x'],
  };
}

/** The library's records of the two photos, with the vector in their metadata and file names. */
export function hostilePhotos(vector: XssVector): Map<string, Photo> {
  const metadata = {
    headline: vector.payload,
    creator: vector.payload,
    copyright: vector.payload,
    usageTerms: vector.payload,
    description: vector.payload,
    creditLine: vector.payload,
  };
  const lead = { ...makePhoto('a', metadata, `${cut(vector.payload, 200)}.jpg`) };
  const inline = { ...makePhoto('b', metadata, 'inline.jpg') };
  return new Map([
    [LEAD_ID, lead],
    [INLINE_ID, inline],
  ]);
}
