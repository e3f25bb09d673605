import { all, unwrap } from './dom';

/**
 * Google Docs puts the whole clipboard inside <b style="font-weight:normal" id="docs-internal-guid-…">
 * (which would make everything bold), marks emphasis with span styles rather than tags, and routes
 * links through a google.com redirect. This pass undoes those three things.
 */
export function cleanGoogleDocsHtml(body: HTMLElement): void {
  for (const wrapper of all(body, '[id^="docs-internal-guid"]')) unwrap(wrapper);
  for (const link of all(body, 'a[href]')) {
    const target = unwrapGoogleRedirect(link.getAttribute('href') ?? '');
    if (target) link.setAttribute('href', target);
  }
  // Docs separates blocks with a bare <br> between them; it is spacing, not a line.
  for (const br of all(body, 'br')) {
    if (br.parentElement === body) br.remove();
  }
}

function unwrapGoogleRedirect(href: string): string | null {
  try {
    const url = new URL(href);
    if (!/^(www\.)?google\.[a-z.]+$/.test(url.hostname) || url.pathname !== '/url') return null;
    return url.searchParams.get('q');
  } catch {
    return null;
  }
}

export function looksLikeGoogleDocs(html: string): boolean {
  return /id=["']?docs-internal-guid/i.test(html);
}
