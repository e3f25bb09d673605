import { crc32 } from 'node:zlib';
import { UserFacingError } from '../../../../../shared/model/errors';

/**
 * XMP into a PNG as the iTXt chunk the XMP specification names ("XML:com.adobe.xmp"), placed
 * before the image data so readers that stop there still find it. Chunks are copied as they are:
 * no re-encoding, every other chunk kept.
 */

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const XMP_KEYWORD = 'XML:com.adobe.xmp';

interface Chunk {
  type: string;
  start: number;
  end: number;
  dataStart: number;
  dataEnd: number;
}

function damaged(detail: string): never {
  throw new UserFacingError('invalid-request', `The PNG file is damaged (${detail}), so its XMP could not be written.`);
}

function readChunks(bytes: Buffer): Chunk[] {
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) damaged('it does not start like a PNG');
  const chunks: Chunk[] = [];
  let offset = 8;
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) damaged(`a chunk at byte ${offset} is cut off`);
    const length = bytes.readUInt32BE(offset);
    const end = offset + 12 + length;
    if (end > bytes.length) damaged(`a chunk at byte ${offset} runs past the end`);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    chunks.push({ type, start: offset, end, dataStart: offset + 8, dataEnd: offset + 8 + length });
    offset = end;
    if (type === 'IEND') break;
  }
  if (chunks[0]?.type !== 'IHDR' || !chunks.some((chunk) => chunk.type === 'IDAT')) damaged('the image header or data is missing');
  return chunks;
}

function isXmpChunk(bytes: Buffer, chunk: Chunk): boolean {
  return chunk.type === 'iTXt' && bytes.toString('latin1', chunk.dataStart, chunk.dataStart + XMP_KEYWORD.length + 1) === `${XMP_KEYWORD}\0`;
}

function xmpChunk(packet: Uint8Array): Buffer {
  // keyword, NUL, compression flag 0 and method 0, empty language tag and translated keyword (NUL each), text.
  const data = Buffer.concat([Buffer.from(`${XMP_KEYWORD}\0\0\0\0\0`, 'latin1'), packet]);
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write('iTXt', 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

/** Replaces the PNG's XMP with `packet`, or adds it right before the first image data chunk. */
export function replacePngXmp(input: Uint8Array, packet: Uint8Array): Uint8Array {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const chunks = readChunks(bytes);
  const parts: Uint8Array[] = [SIGNATURE];
  let written = false;
  for (const chunk of chunks) {
    if (isXmpChunk(bytes, chunk)) continue;
    if (chunk.type === 'IDAT' && !written) {
      parts.push(xmpChunk(packet));
      written = true;
    }
    parts.push(bytes.subarray(chunk.start, chunk.end));
  }
  return Buffer.concat(parts);
}
