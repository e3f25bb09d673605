/** Escaping and link rules for HTML written from pure code (no DOM): article exports and CMS content. */

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** Links an article may carry: web pages and e-mail addresses (the editor's own rule, without a DOM). */
export function isSafeLinkUrl(url: string): boolean {
  const trimmed = url.trim();
  if (trimmed === '' || /[\u0000-\u001f\s]/.test(trimmed)) return false;
  try {
    const parsed = new URL(trimmed);
    if (!LINK_PROTOCOLS.has(parsed.protocol)) return false;
    if (parsed.protocol === 'mailto:') return /^[^@\s]+@[^@\s]+$/.test(decodeURIComponent(parsed.pathname));
    return parsed.hostname !== '';
  } catch {
    return false;
  }
}
