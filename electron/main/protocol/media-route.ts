import { createReadStream } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import type { PhotoFileKind } from '../services/media/types';
import { CONTENT_SECURITY_POLICY, CSP_HEADER_NAME } from '../security/csp';

/** Where the library keeps a photo's bytes; null for an unknown id (see MediaLibrary.filePath). */
export type MediaFileResolver = (id: string, kind: PhotoFileKind) => Promise<string | null>;

export const MEDIA_PATH_PREFIX = '/media/';
/** The only URLs served: /media/<64-hex id>/thumbnail|original. The id is looked up, never used as a path. */
const MEDIA_PATH = /^\/media\/([0-9a-f]{64})\/(thumbnail|original)$/;

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
  '.tif': 'image/tiff',
};

export function isMediaPath(pathname: string): boolean {
  return pathname.startsWith(MEDIA_PATH_PREFIX);
}

function textResponse(status: number, message: string, csp: string, extraHeaders: Record<string, string> = {}): Response {
  return new Response(message, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      [CSP_HEADER_NAME]: csp,
      ...extraHeaders,
    },
  });
}

/**
 * Serves library photos to the page: app://newsdesk/media/<id>/thumbnail in the app, the same
 * handler behind page.route in the browser tests. Photos never reach the renderer as file://
 * paths. Content is addressed by its hash, so a response never changes and may be cached for good.
 */
export function createMediaRequestHandler(
  resolveFile: MediaFileResolver,
  options: { contentSecurityPolicy?: string } = {},
): (request: Request) => Promise<Response> {
  const csp = options.contentSecurityPolicy ?? CONTENT_SECURITY_POLICY;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method not allowed.', csp, { Allow: 'GET, HEAD' });
    }
    let pathname: string;
    try {
      pathname = new URL(request.url).pathname;
    } catch {
      return textResponse(400, 'Bad request.', csp);
    }
    const match = MEDIA_PATH.exec(pathname);
    if (!match) {
      // Encoded separators, dot segments and the like are refused outright, anything else is just unknown.
      return /%|\.\.|\\|\/\//.test(pathname) ? textResponse(403, 'Forbidden.', csp) : textResponse(404, 'Not found.', csp);
    }
    const [, id, kind] = match as unknown as [string, string, PhotoFileKind];
    try {
      const file = await resolveFile(id, kind);
      if (file === null) return textResponse(404, 'Not found.', csp);
      const type = IMAGE_TYPES[extname(file).toLowerCase()];
      // lstat: a link put in place of a library file is not followed (the library checks the folders too).
      const info = await lstat(file);
      if (!type || !info.isFile()) return textResponse(404, 'Not found.', csp);
      const body = request.method === 'HEAD' ? null : (Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>);
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': type,
          'Content-Length': String(info.size),
          'Cache-Control': 'private, max-age=31536000, immutable',
          'X-Content-Type-Options': 'nosniff',
          'Cross-Origin-Resource-Policy': 'same-origin',
          [CSP_HEADER_NAME]: csp,
        },
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return textResponse(404, 'Not found.', csp);
      return textResponse(500, 'Could not read this photo.', csp);
    }
  };
}
