import { open } from 'node:fs/promises';

/**
 * Which container a file is, from its first bytes (never from its name: a renamed file is common).
 * Opening the file here is also where a missing or unreadable file throws, as it should.
 */
export type Container = 'jpeg' | 'png' | 'gif' | 'webp' | 'tiff' | 'heif';

const latin1Text = (bytes: Uint8Array, start: number, end: number): string => Buffer.from(bytes.subarray(start, end)).toString('latin1');

/** ISO-BMFF brands of AVIF and HEIF stills. */
const HEIF_BRANDS = new Set(['avif', 'avis', 'heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);

export function sniffContainer(head: Uint8Array): Container | null {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (latin1Text(head, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (latin1Text(head, 0, 6) === 'GIF87a' || latin1Text(head, 0, 6) === 'GIF89a') return 'gif';
  if (latin1Text(head, 0, 4) === 'RIFF' && latin1Text(head, 8, 12) === 'WEBP') return 'webp';
  const tiffHead = latin1Text(head, 0, 4);
  if (tiffHead === 'II*\0' || tiffHead === 'MM\0*') return 'tiff';
  if (latin1Text(head, 4, 8) === 'ftyp' && HEIF_BRANDS.has(latin1Text(head, 8, 12))) return 'heif';
  return null;
}

export async function readContainer(file: string): Promise<Container | null> {
  const handle = await open(file, 'r');
  try {
    const head = new Uint8Array(16);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return sniffContainer(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
