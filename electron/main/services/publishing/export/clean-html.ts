import sanitizeHtml from 'sanitize-html';
import { EMBED_PROVIDERS } from '../../../../../shared/rules/embed-providers';
import { isSafeLinkUrl } from '../../../../../shared/rules/html-escape';

const EMBED_PROVIDER_KEYS = Object.keys(EMBED_PROVIDERS);

/**
 * The last gate before article HTML leaves the app (an export file, a CMS post, a ninjs body). The
 * HTML is written from the editor's JSON with everything escaped already; this pass makes sure
 * that whatever slipped in (a crafted draft file, a bug) cannot carry scripts, event handlers,
 * styles, frames or foreign links. It keeps exactly the markup shared/rules/article-html.ts writes.
 */

const ALLOWED_TAGS = [
  'article', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'ul', 'ol', 'li',
  'a', 'strong', 'em', 'u', 's', 'code', 'sub', 'sup', 'figure', 'img', 'figcaption', 'span',
  'table', 'thead', 'tbody', 'tr', 'th', 'td',
];

/**
 * Tags whose content is dropped with them: code, styles, embedded documents and form widgets are
 * not text a reader should see spilled into the story.
 */
const DROPPED_WITH_CONTENT = [
  'script', 'style', 'textarea', 'option', 'select', 'noscript', 'template', 'iframe', 'object', 'embed',
  'svg', 'math', 'title', 'head', 'xmp', 'noembed', 'noframes', 'plaintext', 'frameset',
];

/** A link the app would not accept keeps its words and loses the link. */
function keepSafeLink(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const href = attribs.href?.trim() ?? '';
  if (isSafeLinkUrl(href)) return { tagName, attribs: { href } };
  return { tagName: 'span', attribs: {} };
}

const CLEAN_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href'],
    img: ['src', 'alt', 'width', 'height', 'class'],
    ol: ['start'],
    blockquote: ['class'],
    figure: ['class'],
    span: ['class'],
    p: ['class'],
  },
  allowedClasses: {
    blockquote: ['pull-quote'],
    figure: ['alignwide', 'alignfull', 'lead-photo', 'embed', ...EMBED_PROVIDER_KEYS.map((provider) => `embed-${provider}`)],
    img: ['avatar'],
    span: ['credit', 'author', 'role'],
    p: ['dek', 'byline'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { a: ['http', 'https', 'mailto'], img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  // "//host/x" would load from wherever the page happens to be served; exports use folder-relative paths.
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: DROPPED_WITH_CONTENT,
  parseStyleAttributes: false,
  transformTags: {
    b: 'strong',
    i: 'em',
    a: keepSafeLink,
  },
  // An image whose src was refused shows nothing; drop it rather than leave an empty <img>.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

export function cleanArticleHtml(html: string): string {
  return sanitizeHtml(html, CLEAN_OPTIONS);
}
