/**
 * Which link targets an article may hold: web pages and e-mail addresses. Anything else
 * (javascript:, data:, file:, relative paths, app:) could run code or reach local files when the
 * story is opened in the app or published, so it is refused wherever a link enters the document.
 */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export function isAllowedUrl(url: string): boolean {
  const trimmed = url.trim();
  if (trimmed === '' || /[\u0000-\u001f\s]/.test(trimmed)) return false;
  try {
    const parsed = new URL(trimmed);
    if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return false;
    if (parsed.protocol === 'mailto:') return /^[^@\s]+@[^@\s]+$/.test(decodeURIComponent(parsed.pathname));
    return parsed.hostname !== '';
  } catch {
    return false;
  }
}

export type UrlCheck = { ok: true; url: string } | { ok: false; message: string };

/**
 * What a person typed in the link box, made into a link or a reason it cannot be one. Editors
 * paste bare addresses ("example.com/page", "name@example.com"), so those get a scheme added.
 */
export function normalizeUrlInput(input: string): UrlCheck {
  const text = input.trim();
  if (text === '') return { ok: false, message: 'Enter a web address or an e-mail address.' };
  let candidate = text;
  if (/^[^\s@/:]+@[^\s@/]+\.[^\s@/]+$/.test(text)) candidate = `mailto:${text}`;
  else if (/^www\./i.test(text) || /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?([/?#]|$)/i.test(text)) candidate = `https://${text}`;
  if (isAllowedUrl(candidate)) return { ok: true, url: candidate };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1];
  if (scheme && !['http', 'https', 'mailto'].includes(scheme.toLowerCase())) {
    return { ok: false, message: `“${scheme}:” links are not allowed. Use an http(s) web address or mailto: e-mail address.` };
  }
  return { ok: false, message: 'That is not a valid web address or e-mail address.' };
}
