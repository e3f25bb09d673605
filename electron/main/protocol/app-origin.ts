/**
 * Where the renderer lives. The app is served from a custom standard+secure scheme rather than
 * file:// so that it has a real origin ("app://newsdesk"): CSP 'self', fetch and storage then behave
 * as on the web, and no page ever gets file:// privileges over the user's disk.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'newsdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The origin of a URL, or null if it does not parse. Node (and the WHATWG URL spec) report "null"
 * as the origin of non-special schemes, while Chromium gives standard custom schemes a real one,
 * so the origin is rebuilt from protocol and host to compare both the same way.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.origin !== 'null') return parsed.origin;
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}

/**
 * True when `url` belongs to one of `origins` (exact origin match, never a prefix match). URL
 * parsing drops surrounding spaces and control characters; a caller's URL carrying them is not a
 * URL Chromium reported, so it is refused rather than cleaned up.
 */
export function isSameOrigin(url: string, origins: readonly string[]): boolean {
  if (/[\u0000-\u0020\u007f]/.test(url)) return false;
  const origin = originOf(url);
  return origin !== null && origins.includes(origin);
}
