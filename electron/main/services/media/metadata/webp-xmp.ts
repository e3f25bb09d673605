import { UserFacingError } from '../../../../../shared/model/errors';

/**
 * XMP into a WebP by editing its RIFF chunks, never the picture: sharp could add XMP only by
 * re-encoding, which for a lossy WebP means losing quality again. The XMP chunk ("XMP ") needs the
 * extended header (VP8X) with its XMP flag set; a simple WebP gets one, sized from its bitstream.
 */

const XMP_FLAG = 0x04;
const ALPHA_FLAG = 0x10;

interface Chunk {
  type: string;
  start: number;
  end: number;
  dataStart: number;
  size: number;
}

function damaged(detail: string): never {
  throw new UserFacingError('invalid-request', `The WebP file is damaged (${detail}), so its XMP could not be written.`);
}

function readChunks(bytes: Buffer): Chunk[] {
  if (bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WEBP') damaged('it does not start like a WebP');
  const riffEnd = Math.min(bytes.length, 8 + bytes.readUInt32LE(4));
  const chunks: Chunk[] = [];
  let offset = 12;
  while (offset + 8 <= riffEnd) {
    const size = bytes.readUInt32LE(offset + 4);
    const end = offset + 8 + size + (size % 2); // chunks are padded to an even length
    if (offset + 8 + size > riffEnd) damaged(`a chunk at byte ${offset} runs past the end`);
    chunks.push({ type: bytes.toString('latin1', offset, offset + 4), start: offset, end: Math.min(end, riffEnd), dataStart: offset + 8, size });
    offset = end;
  }
  if (chunks.length === 0) damaged('it holds no image');
  return chunks;
}

/** Width and height of a simple WebP, from the VP8 frame header or the VP8L header. */
function simpleImageSize(bytes: Buffer, chunk: Chunk): { width: number; height: number; alpha: boolean } {
  const data = chunk.dataStart;
  if (chunk.type === 'VP8 ' && chunk.size >= 10 && bytes.readUIntBE(data + 3, 3) === 0x9d012a) {
    return { width: bytes.readUInt16LE(data + 6) & 0x3fff, height: bytes.readUInt16LE(data + 8) & 0x3fff, alpha: false };
  }
  if (chunk.type === 'VP8L' && chunk.size >= 5 && bytes[data] === 0x2f) {
    const bits = bytes.readUInt32LE(data + 1);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, alpha: ((bits >>> 28) & 1) === 1 };
  }
  return damaged('its image header is not readable');
}

function chunkOf(type: string, data: Uint8Array): Buffer {
  const chunk = Buffer.alloc(8 + data.length + (data.length % 2));
  chunk.write(type, 0, 'latin1');
  chunk.writeUInt32LE(data.length, 4);
  chunk.set(data, 8);
  return chunk;
}

function extendedHeader(bytes: Buffer, first: Chunk, chunks: readonly Chunk[]): Buffer {
  if (first.type === 'VP8X') {
    const header = Buffer.from(bytes.subarray(first.start, first.end));
    header[8] = (header[8] as number) | XMP_FLAG;
    return header;
  }
  const { width, height, alpha } = simpleImageSize(bytes, first);
  const data = Buffer.alloc(10);
  data[0] = XMP_FLAG | (alpha || chunks.some((chunk) => chunk.type === 'ALPH') ? ALPHA_FLAG : 0);
  data.writeUIntLE(width - 1, 4, 3);
  data.writeUIntLE(height - 1, 7, 3);
  return chunkOf('VP8X', data);
}

/** Replaces the WebP's XMP with `packet`, or adds it (after the image and any EXIF, as the format orders them). */
export function replaceWebpXmp(input: Uint8Array, packet: Uint8Array): Uint8Array {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const chunks = readChunks(bytes);
  const first = chunks[0] as Chunk;
  const rest = chunks.filter((chunk) => chunk !== first && chunk.type !== 'XMP ');
  const body = [
    extendedHeader(bytes, first, chunks),
    ...(first.type === 'VP8X' ? [] : [bytes.subarray(first.start, first.end)]),
    ...rest.map((chunk) => bytes.subarray(chunk.start, chunk.end)),
    chunkOf('XMP ', packet),
  ];
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(4 + body.reduce((total, part) => total + part.length, 0), 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, ...body]);
}
