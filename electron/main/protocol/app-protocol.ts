import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY, CSP_HEADER_NAME } from '../security/csp';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { createMediaRequestHandler, isMediaPath, type MediaFileResolver } from './media-route';

/**
 * Privileges of the app:// scheme. `standard` gives it real origins and relative URL resolution,
 * `secure` makes it a secure context (like https), `supportFetchAPI` lets the renderer fetch its
 * own assets and `codeCache` lets V8 cache the bundle between launches. Deliberately absent:
 * bypassCSP, corsEnabled, allowServiceWorkers, stream.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** Must run before `app` is ready: Chromium reads the scheme list once, at startup. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeOf(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL pathname to a file under `rootDir`, or null when the path must be refused. Chromium
 * already collapses literal "/../" segments, so the dangerous inputs are the encoded ones
 * ("..%2f", "%5c"), empty segments ("//etc/passwd") and drive letters ("/C:/…"); rather than
 * normalising them, any such request is refused outright.
 */
export function resolveAppPath(rootDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.slice(1).split('/');
  const last = segments.length - 1;
  for (const [index, segment] of segments.entries()) {
    if (segment === '..' || segment === '.' || segment.includes(':')) return null;
    if (segment === '' && index !== last) return null; // "//" would start an absolute path
  }
  if (segments[last] === '') segments[last] = 'index.html';
  const root = resolve(rootDir);
  const target = resolve(root, ...segments);
  return isInside(root, target) ? target : null;
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

function textResponse(status: number, message: string, extraHeaders: Record<string, string> = {}): Response {
  return new Response(message, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      [CSP_HEADER_NAME]: CONTENT_SECURITY_POLICY,
      ...extraHeaders,
    },
  });
}

export interface AppRequestHandlerOptions {
  /** Policy sent with every response; defaults to the app's CSP. */
  contentSecurityPolicy?: string;
  /** Serves /media/<id>/… from the media library (see media-route.ts); without it those paths are not found. */
  media?: MediaFileResolver;
}

/**
 * Serves the built renderer (out/renderer) for app://newsdesk/…. Plain Node (fs + fetch's
 * Request/Response), so it is unit-tested without Electron. Every response carries the CSP,
 * not just HTML ones: a worker's policy comes from its own script's response.
 */
export function createAppRequestHandler(
  rootDir: string,
  options: AppRequestHandlerOptions = {},
): (request: Request) => Promise<Response> {
  const csp = options.contentSecurityPolicy ?? CONTENT_SECURITY_POLICY;
  const root = resolve(rootDir);
  const media = options.media ? createMediaRequestHandler(options.media, { contentSecurityPolicy: csp }) : null;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    }
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return textResponse(400, 'Bad request.');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return textResponse(404, 'Not found.');
    if (media && isMediaPath(url.pathname)) return media(request);
    const filePath = resolveAppPath(root, url.pathname);
    if (filePath === null) return textResponse(403, 'Forbidden.');
    try {
      const info = await stat(filePath);
      if (!info.isFile()) return textResponse(404, 'Not found.');
      // A symlink inside out/renderer must not lead outside it.
      const [realRoot, realFile] = await Promise.all([realpath(root), realpath(filePath)]);
      if (!isInside(realRoot, realFile)) return textResponse(403, 'Forbidden.');
      const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(realFile));
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': mimeTypeOf(realFile),
          'Content-Length': String(info.size),
          'X-Content-Type-Options': 'nosniff',
          [CSP_HEADER_NAME]: csp,
        },
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return textResponse(404, 'Not found.');
      return textResponse(500, 'Could not read this file.');
    }
  };
}

/**
 * The handler behind app://, exactly as the app installs it: the renderer folder, the app's CSP and
 * the library's photos. The browser test harness serves its page through this same function.
 */
export function appProtocolHandler(rootDir: string, media?: MediaFileResolver): (request: Request) => Promise<Response> {
  return createAppRequestHandler(rootDir, media ? { media } : {});
}

/** Installs the handler on the default session's protocol; call after `app` is ready. */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string, media?: MediaFileResolver): void {
  protocol.handle(APP_SCHEME, appProtocolHandler(rootDir, media));
}
