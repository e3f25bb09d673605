import DOMPurify, { type Config } from 'dompurify';

/**
 * The two versions of a story in the conflict view, made safe to show and split into blocks so
 * the paragraphs that differ can be marked. The CMS's HTML is someone else's markup: it is
 * sanitized to a few text tags, pictures are shown as their alt text (nothing is fetched from the
 * site) and links keep their text but not their target (a click must not navigate the window).
 */

export interface ShownBlock {
  /** Sanitized HTML of one top-level block; safe to insert. */
  html: string;
  /** Its text, whitespace folded, for comparing with the other side. */
  text: string;
  /** Not found in the other version. */
  changed: boolean;
}

const CONFIG: Config = {
  ALLOWED_TAGS: ['p', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'aside', 'hr', 'figure', 'figcaption', 'img',
    'a', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'sub', 'sup', 'span', 'div', 'cite'],
  // No src, href, style or handler survives: only what is read.
  ALLOWED_ATTR: ['alt', 'title'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
};

let instance: ReturnType<typeof DOMPurify> | null = null;
/** A private instance, so nothing here changes how other parts of the app use the library. */
function purifier(): ReturnType<typeof DOMPurify> {
  instance ??= DOMPurify(window);
  return instance;
}

const fold = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Sanitized, inert body holding `html` (parsed in a document of its own: nothing loads or runs). */
function cleanBody(html: string): HTMLElement {
  const purified = purifier().sanitize(html, CONFIG);
  const body = new DOMParser().parseFromString(purified, 'text/html').body;
  for (const img of Array.from(body.querySelectorAll('img'))) {
    const marker = body.ownerDocument.createElement('span');
    marker.className = 'nd-conflict__photo';
    marker.textContent = `Photo${img.alt ? `: ${img.alt}` : ''}`;
    img.replaceWith(marker);
  }
  return body;
}

/** The blocks of `html` as shown, each with its folded text (for comparing). */
export function blocksOf(html: string): Omit<ShownBlock, 'changed'>[] {
  const body = cleanBody(html);
  const blocks: Omit<ShownBlock, 'changed'>[] = [];
  let loose = '';
  const flushLoose = () => {
    if (fold(loose) !== '') blocks.push({ html: `<p>${escapeHtml(fold(loose))}</p>`, text: fold(loose) });
    loose = '';
  };
  for (const node of Array.from(body.childNodes)) {
    if (node instanceof Element) {
      flushLoose();
      const text = fold(node.textContent ?? '');
      if (text !== '' || node.tagName === 'HR') blocks.push({ html: node.outerHTML, text });
    } else if (node.nodeType === Node.TEXT_NODE) {
      loose += node.textContent ?? '';
    }
  }
  flushLoose();
  return blocks;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Plain text of an HTML fragment (a WordPress excerpt arrives as `<p>…</p>`). */
export function textOf(html: string): string {
  return fold(cleanBody(html).textContent ?? '');
}

/** Both versions as blocks, each marked when its text is not found in the other version. */
export function compareVersions(remoteHtml: string, localHtml: string): { remote: ShownBlock[]; local: ShownBlock[] } {
  const remote = blocksOf(remoteHtml);
  const local = blocksOf(localHtml);
  const remoteTexts = new Set(remote.map((block) => block.text));
  const localTexts = new Set(local.map((block) => block.text));
  return {
    remote: remote.map((block) => ({ ...block, changed: !localTexts.has(block.text) })),
    local: local.map((block) => ({ ...block, changed: !remoteTexts.has(block.text) })),
  };
}
