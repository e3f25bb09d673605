import { readFile } from 'node:fs/promises';
import { imageEngine } from '../image-engine';

/**
 * Metadata blocks of the formats exifr cannot open or only partly reads, as raw bytes. libvips
 * (through sharp) hands over the XMP, EXIF and IPTC it finds while reading only the header; the
 * blocks are then parsed like any other (xmp.ts, iim.ts, exifr for EXIF).
 */
export interface RawBlocks {
  xmp?: string;
  exif?: Uint8Array;
  iim?: Uint8Array;
}

export async function readRawBlocksWithSharp(file: string): Promise<RawBlocks> {
  const { xmp, exif, iptc } = await (await imageEngine()).rawBlocks(file);
  // From a WebAssembly lane the blocks arrive as plain Uint8Arrays (structured clone), not Buffers.
  return { xmp: xmp ? Buffer.from(xmp).toString('utf8') : undefined, exif, iim: iptc };
}

const GIF_XMP_APPLICATION = Buffer.from('XMP DataXMP', 'latin1');
const PACKET_END = Buffer.from('<?xpacket end', 'latin1');

/**
 * GIF keeps XMP in an application extension ("XMP DataXMP") that neither exifr nor libvips reads.
 * Writers store the packet there as plain bytes, followed by a "magic trailer" that lets GIF
 * readers skip it, so the packet is simply the text up to its `<?xpacket end …?>`. Found, damaged
 * (no end) or absent. GIF photos are small, so the file is read whole.
 */
export async function readGifXmp(file: string): Promise<{ xmp?: string; damaged?: true }> {
  const bytes = await readFile(file);
  const marker = bytes.indexOf(GIF_XMP_APPLICATION);
  if (marker === -1) return {};
  const start = marker + GIF_XMP_APPLICATION.length;
  const endTag = bytes.indexOf(PACKET_END, start);
  const close = endTag === -1 ? -1 : bytes.indexOf('?>', endTag);
  if (close === -1) return { damaged: true };
  return { xmp: bytes.subarray(start, close + 2).toString('utf8') };
}
