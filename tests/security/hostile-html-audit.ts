import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';

/**
 * What a hostile-input test looks for in HTML the app writes (an export page, a ninjs body, a CMS
 * post): every element and attribute that could run code, load something from elsewhere or send
 * a form, listed as readable problems so a failing test says exactly what got through.
 *
 * Only the markup the exporters write is accepted (see shared/rules/article-html.ts). Link and image
 * addresses may be http(s), mailto (links only) or folder-relative; no data: address at all, not
 * even data:image — the exporters never write one, so one in the output could only come from input.
 */

const WRITTEN_TAGS = new Set([
  'html', 'head', 'body', 'meta', 'title', 'style', 'article', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr',
  'blockquote', 'ul', 'ol', 'li', 'a', 'strong', 'em', 'u', 's', 'code', 'sub', 'sup', 'figure', 'img', 'figcaption', 'span',
]);

const URL_ATTRIBUTES = new Set([
  'href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'poster', 'background', 'srcset', 'ping', 'cite', 'codebase', 'longdesc', 'lowsrc', 'dynsrc',
]);

const LINK_SCHEMES: Record<string, readonly string[]> = { a: ['http', 'https', 'mailto'], img: ['http', 'https'] };

/** CSS that runs code or loads from elsewhere (old IE expressions and behaviours, Gecko bindings). */
const ACTIVE_CSS = /expression\s*\(|url\s*\(|@import|behavio(u)?r\s*:|-moz-binding|javascript:|vbscript:/i;

export interface AuditOptions {
  /** A complete page: its one `<style>` (the page's own look) is checked, not refused. */
  page?: boolean;
}

function urlProblem(tag: string, name: string, value: string): string | null {
  // Browsers drop controls and whitespace inside a scheme ("java\tscript:"), so the check does too.
  const squeezed = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  if (name === 'srcset') return `<${tag} ${name}> present`;
  if (squeezed.startsWith('//') || squeezed.startsWith('\\\\') || squeezed.startsWith('/\\')) return `<${tag} ${name}="${value}"> loads from another host`;
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(squeezed)?.[1];
  if (scheme === undefined) return null;
  const allowed = LINK_SCHEMES[tag] ?? [];
  return allowed.includes(scheme) ? null : `<${tag} ${name}="${value}"> uses ${scheme}:`;
}

/** The meta tags a page may carry to describe itself to search engines and social sites. */
const DESCRIBING_META = new Set([
  'description',
  'og:type',
  'og:title',
  'og:description',
  'og:image',
  'twitter:card',
  'twitter:title',
  'twitter:description',
  'twitter:image',
]);

function elementProblems(element: Element, options: AuditOptions): string[] {
  const tag = element.name.toLowerCase();
  const problems: string[] = [];
  if (!WRITTEN_TAGS.has(tag)) problems.push(`<${tag}> element`);
  if (tag === 'meta') {
    const keys = Object.keys(element.attribs).map((key) => key.toLowerCase());
    const isCharset = keys.length === 1 && keys[0] === 'charset';
    const isViewport = element.attribs.name === 'viewport' && keys.every((key) => key === 'name' || key === 'content');
    // The page's description for search and sharing: named text only, never http-equiv (a refresh).
    const described = element.attribs.name ?? element.attribs.property ?? '';
    const isDescription = DESCRIBING_META.has(described) && keys.length === 2 && keys.includes('content') && (keys.includes('name') || keys.includes('property'));
    if (!options.page || !(isCharset || isViewport || isDescription)) problems.push(`<meta ${keys.join(' ')}>`);
    // A picture named for sharing is a path beside the page or a web address, nothing that runs.
    if (isDescription && /image$/.test(described) && /^\s*(javascript|data|vbscript):/i.test(element.attribs.content ?? '')) {
      problems.push(`<meta ${described}> names ${element.attribs.content}`);
    }
  }
  if (tag === 'style' || tag === 'title' || tag === 'head' || tag === 'html' || tag === 'body') {
    if (!options.page) problems.push(`<${tag}> in a fragment`);
    if (tag === 'style' && ACTIVE_CSS.test(textContent(element))) problems.push('<style> with active CSS');
  }
  for (const [rawName, value] of Object.entries(element.attribs)) {
    const name = rawName.toLowerCase();
    if (name.startsWith('on')) problems.push(`<${tag} ${name}> handler`);
    else if (name === 'style') problems.push(`<${tag} style="${value}">`);
    else if (name === 'srcdoc') problems.push(`<${tag} srcdoc>`);
    else if (URL_ATTRIBUTES.has(name)) {
      const problem = urlProblem(tag, name, value);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

/** Every problem in `html`, or [] when it holds only inert, self-contained markup. */
export function auditHtml(html: string, options: AuditOptions = {}): string[] {
  const problems: string[] = [];
  // Comments and CDATA are where parsers disagree (`<!-->` ends a comment in browsers), so none may pass.
  if (/<!--|<!\[CDATA\[/i.test(html.replace(/<!-- newsdesk:[a-z0-9]+ -->/g, ''))) problems.push('comment or CDATA section');
  const pending: ChildNode[] = [...parseDocument(html).children];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (isTag(node)) {
      problems.push(...elementProblems(node, options));
      pending.push(...node.children);
    }
  }
  return problems;
}

/** The text a reader sees (entities decoded), with runs of whitespace as one space. */
export function visibleText(html: string): string {
  const out: string[] = [];
  const pending: ChildNode[] = [...parseDocument(html).children].reverse();
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (isText(node)) out.push(node.data);
    else if (isTag(node) && node.name !== 'style') pending.push(...[...node.children].reverse());
  }
  return squeeze(out.join(' '));
}

export const squeeze = (text: string): string => text.replace(/\s+/g, ' ').trim();
