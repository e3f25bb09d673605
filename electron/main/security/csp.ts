/**
 * The Content-Security-Policy of every page Newsdesk shows. Plain data without Electron imports so
 * the browser test harness can serve the very same header as the app:// protocol does.
 *
 * - default-src 'none': anything not listed below is refused (frames, media, workers, manifests).
 * - style-src 'self': production CSS is extracted to files by Vite; React and Lexical set styles
 *   through the CSSOM (element.style), which CSP does not restrict, so no 'unsafe-inline'.
 * - img-src data: blob: — author avatars are stored as data: URLs, pasted images arrive as blobs.
 * - connect-src 'self': the renderer talks to main through the preload bridge, never the network.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
});

export function serializeCsp(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

export const CSP_HEADER_NAME = 'Content-Security-Policy';
export const CONTENT_SECURITY_POLICY = serializeCsp(CSP_DIRECTIVES);

/**
 * The policy for `electron-vite dev` only, where Vite serves the renderer over http: its React
 * Refresh preamble is an inline script, CSS arrives as injected <style> tags and HMR needs a
 * websocket back to the dev server. Everything else stays as strict as production.
 */
export function devContentSecurityPolicy(devOrigin: string): string {
  const socket = devOrigin.replace(/^http/, 'ws');
  return serializeCsp({
    ...CSP_DIRECTIVES,
    'script-src': ["'self'", "'unsafe-inline'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'connect-src': ["'self'", socket],
  });
}
