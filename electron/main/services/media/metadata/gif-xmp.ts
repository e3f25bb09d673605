import { UserFacingError } from '../../../../../shared/model/errors';

/**
 * XMP into a GIF as the application extension the XMP specification defines ("XMP DataXMP"),
 * by walking the GIF's blocks; the frames are copied untouched (libvips writes no XMP to GIF, and
 * re-encoding would re-quantise the colours). The packet is stored as plain bytes followed by a
 * "magic trailer" (0x01, 0xFF down to 0x00, then the block terminator) so that GIF readers, which
 * read the bytes as sub-blocks, always land on the terminator and skip it.
 */

const APPLICATION_EXTENSION = [0x21, 0xff, 0x0b] as const;
const XMP_IDENTIFIER = Buffer.from('XMP DataXMP', 'latin1');
const MAGIC_TRAILER = Buffer.from([0x01, ...Array.from({ length: 256 }, (_, index) => 0xff - index), 0x00]);

function damaged(detail: string): never {
  throw new UserFacingError('invalid-request', `The GIF file is damaged (${detail}), so its XMP could not be written.`);
}

/** Where the data sub-blocks starting at `offset` end (after their zero-length terminator). */
function skipSubBlocks(bytes: Buffer, offset: number): number {
  let position = offset;
  while (position < bytes.length) {
    const size = bytes[position] as number;
    position += 1 + size;
    if (size === 0) return position;
  }
  return damaged('a block runs past the end');
}

interface Block {
  start: number;
  end: number;
  isXmp: boolean;
}

function readBlocks(bytes: Buffer): { headerEnd: number; blocks: Block[] } {
  const version = bytes.toString('latin1', 0, 6);
  if (version !== 'GIF87a' && version !== 'GIF89a') damaged('it does not start like a GIF');
  const packed = bytes[10] ?? damaged('the screen descriptor is cut off');
  const headerEnd = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0);
  const blocks: Block[] = [];
  let offset = headerEnd;
  while (offset < bytes.length && bytes[offset] !== 0x3b) {
    const start = offset;
    if (bytes[offset] === 0x21) {
      const isXmp = APPLICATION_EXTENSION.every((byte, index) => bytes[start + index] === byte) && bytes.subarray(start + 3, start + 14).equals(XMP_IDENTIFIER);
      offset = skipSubBlocks(bytes, offset + 2);
      blocks.push({ start, end: offset, isXmp });
    } else if (bytes[offset] === 0x2c) {
      const imagePacked = bytes[offset + 9] ?? damaged('an image descriptor is cut off');
      offset += 10 + (imagePacked & 0x80 ? 3 * 2 ** ((imagePacked & 0x07) + 1) : 0) + 1; // descriptor, colour table, LZW code size
      offset = skipSubBlocks(bytes, offset);
      blocks.push({ start, end: offset, isXmp: false });
    } else {
      damaged(`an unknown block at byte ${offset}`);
    }
  }
  return { headerEnd, blocks };
}

/** Replaces the GIF's XMP with `packet`, or adds it before the first frame. */
export function replaceGifXmp(input: Uint8Array, packet: Uint8Array): Uint8Array {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const { headerEnd, blocks } = readBlocks(bytes);
  const header = Buffer.from(bytes.subarray(0, headerEnd));
  header.write('GIF89a', 0, 'latin1'); // extensions need the 89a version
  const extension = Buffer.concat([Buffer.from(APPLICATION_EXTENSION), XMP_IDENTIFIER, packet, MAGIC_TRAILER]);
  const kept = blocks.filter((block) => !block.isXmp).map((block) => bytes.subarray(block.start, block.end));
  return Buffer.concat([header, extension, ...kept, Buffer.from([0x3b])]);
}
