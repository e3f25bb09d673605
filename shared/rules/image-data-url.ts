import { PHOTO_MIME_TYPES } from '../model/photo';

/**
 * A picture pasted as a `data:` URL (Word and Docs put small pictures into the copied HTML this
 * way), read into bytes for the photo library, which then reads the picture and whatever metadata
 * it carries as for any imported file. Pure: no DOM, no network.
 */

export type ImageDataUrl = { ok: true; name: string; type: string; bytes: Uint8Array } | { ok: false; problem: string };

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif', 'image/avif': 'avif', 'image/tiff': 'tif' };
const ACCEPTED = new Set(Object.values(PHOTO_MIME_TYPES));
/** Above the import limit's default would be refused anyway; decoding it first would only stall the window. */
const MAX_DATA_URL_CHARS = 400 * 1024 * 1024;

export function isDataUrl(src: string): boolean {
  return /^data:/i.test(src.trim());
}

/** The picture in `src`, named "pasted-image-<n>.<ext>", or why it cannot be imported. */
export function readImageDataUrl(src: string, index: number): ImageDataUrl {
  const text = src.trim();
  if (text.length > MAX_DATA_URL_CHARS) return { ok: false, problem: 'an embedded image too large to import' };
  const comma = text.indexOf(',');
  const header = comma === -1 ? '' : text.slice(5, comma).toLowerCase();
  const match = /^([a-z0-9.+-]+\/[a-z0-9.+-]+)?((?:;[^;,]*)*)$/.exec(header);
  if (comma === -1 || !match) return { ok: false, problem: 'an embedded image whose data cannot be read' };
  const type = match[1] === 'image/jpg' ? 'image/jpeg' : (match[1] ?? '');
  if (!ACCEPTED.has(type)) return { ok: false, problem: `an embedded ${type || 'file'} that is not a picture Newsdesk imports` };
  const payload = text.slice(comma + 1);
  const base64 = match[2]!.split(';').includes('base64');
  let bytes: Uint8Array;
  try {
    bytes = base64 ? decodeBase64(payload) : new TextEncoder().encode(decodeURIComponent(payload));
  } catch {
    return { ok: false, problem: 'an embedded image whose data cannot be read' };
  }
  if (bytes.length === 0) return { ok: false, problem: 'an embedded image with no data' };
  return { ok: true, name: `pasted-image-${index}.${EXTENSIONS[type]}`, type, bytes };
}

function decodeBase64(payload: string): Uint8Array {
  // Spaces and line breaks are allowed inside a data URL's base64; atob refuses them.
  const clean = decodeURIComponent(payload).replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new Error('not base64');
  const binary = atob(clean);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
