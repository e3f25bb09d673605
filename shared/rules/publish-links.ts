import type { LexicalDocument } from '../model/article';

/**
 * The links of an article body (photo captions included) and whether each one can be published.
 * Readers follow a link on the site, in a feed reader or in a partner's app, none of which knows
 * where the story was written: only complete web and e-mail addresses work everywhere.
 */

export interface BodyLink {
  /** 1 for the first link of the body, in document order. */
  index: number;
  text: string;
  href: string;
}

const LINK_TYPES = new Set(['link', 'autolink']);

type JsonNode = { type?: unknown; url?: unknown; text?: unknown; children?: unknown; caption?: unknown };

function textOf(node: JsonNode): string {
  const parts: string[] = [];
  const pending: unknown[] = [node];
  while (pending.length > 0) {
    const next = pending.pop() as JsonNode | null;
    if (typeof next !== 'object' || next === null) continue;
    if (next.type === 'text' && typeof next.text === 'string') parts.push(next.text);
    if (Array.isArray(next.children)) for (let i = next.children.length - 1; i >= 0; i -= 1) pending.push(next.children[i]);
  }
  return parts.join('').replace(/\s+/gu, ' ').trim();
}

/** Every link in document order, including those in photo captions (a nested editor's state). */
export function linksOf(body: LexicalDocument): BodyLink[] {
  const links: BodyLink[] = [];
  // An explicit stack, so a deeply nested (or hostile) document cannot overflow the call stack.
  const pending: unknown[] = [body.root];
  while (pending.length > 0) {
    const node = pending.pop() as JsonNode | null;
    if (typeof node !== 'object' || node === null) continue;
    if (typeof node.type === 'string' && LINK_TYPES.has(node.type)) {
      links.push({ index: links.length + 1, text: textOf(node), href: typeof node.url === 'string' ? node.url : '' });
    }
    const caption = node.caption as { root?: unknown } | undefined;
    const children = Array.isArray(node.children) ? [...node.children] : [];
    if (caption && typeof caption === 'object' && caption.root) children.push(caption.root);
    for (let i = children.length - 1; i >= 0; i -= 1) pending.push(children[i]);
  }
  return links;
}

/** Why a link cannot be published, in words for the editor; null when it can. */
export function linkProblem(href: string): string | null {
  const trimmed = href.trim();
  if (trimmed === '') return 'it has no address';
  if (/^\s*(javascript|data|vbscript):/iu.test(trimmed)) return 'script and data links are never published';
  if (/[\u0000-\u001f\s]/u.test(trimmed)) return 'the address contains spaces or control characters';
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return 'it is not a complete address (it needs https://, http:// or mailto:)';
  }
  if (parsed.protocol === 'mailto:') {
    return /^[^@\s]+@[^@\s]+$/u.test(decodeURIComponentSafely(parsed.pathname)) ? null : 'it is not a valid e-mail address';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `“${parsed.protocol}” addresses are not published (use a web or e-mail address)`;
  return parsed.hostname === '' ? 'it names no site' : null;
}

function decodeURIComponentSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
