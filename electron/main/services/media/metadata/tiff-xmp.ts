import { UserFacingError } from '../../../../../shared/model/errors';

/**
 * XMP into a TIFF as tag 700 of the first image directory, without touching anything else: sharp
 * would re-encode the picture and drop the IPTC and most EXIF tags. The packet is appended at the
 * end of the file; an existing tag 700 is pointed at it, otherwise the directory is copied to the
 * end with the tag added (in tag order, as TIFF requires) and the header pointed at the copy.
 * Every other offset stays valid because no byte before the old end moves.
 */

const XMP_TAG = 700;
const TYPE_BYTE = 1;
const ENTRY_SIZE = 12;

function damaged(detail: string): never {
  throw new UserFacingError('invalid-request', `The TIFF file is damaged or unsupported (${detail}), so its XMP could not be written.`);
}

export function replaceTiffXmp(input: Uint8Array, packet: Uint8Array): Uint8Array {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const order = bytes.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') damaged('it does not start like a TIFF');
  const little = order === 'II';
  const u16 = (offset: number): number => (little ? bytes.readUInt16LE(offset) : bytes.readUInt16BE(offset));
  const u32 = (offset: number): number => (little ? bytes.readUInt32LE(offset) : bytes.readUInt32BE(offset));
  if (u16(2) !== 42) damaged('BigTIFF is not supported');
  const directory = u32(4);
  if (directory < 8 || directory + 2 > bytes.length) damaged('the first directory is missing');
  const count = u16(directory);
  const directoryEnd = directory + 2 + count * ENTRY_SIZE + 4;
  if (count === 0 || directoryEnd > bytes.length) damaged('the first directory is cut off');

  const packetOffset = bytes.length + (bytes.length % 2); // TIFF values start on a word boundary
  const entries = Array.from({ length: count }, (_, index) => Buffer.from(bytes.subarray(directory + 2 + index * ENTRY_SIZE, directory + 2 + (index + 1) * ENTRY_SIZE)));
  const tagOf = (entry: Buffer): number => (little ? entry.readUInt16LE(0) : entry.readUInt16BE(0));
  const xmpEntry = Buffer.alloc(ENTRY_SIZE);
  const write16 = (buffer: Buffer, value: number, offset: number): number => (little ? buffer.writeUInt16LE(value, offset) : buffer.writeUInt16BE(value, offset));
  const write32 = (buffer: Buffer, value: number, offset: number): number => (little ? buffer.writeUInt32LE(value, offset) : buffer.writeUInt32BE(value, offset));
  write16(xmpEntry, XMP_TAG, 0);
  write16(xmpEntry, TYPE_BYTE, 2);
  write32(xmpEntry, packet.length, 4);
  write32(xmpEntry, packetOffset, 8);

  const existing = entries.findIndex((entry) => tagOf(entry) === XMP_TAG);
  const padding = Buffer.alloc(packetOffset - bytes.length);
  // The output is put together from views of the input; a patched copy of a large TIFF would cost its size again.
  if (existing !== -1) {
    const entryOffset = directory + 2 + existing * ENTRY_SIZE;
    return Buffer.concat([bytes.subarray(0, entryOffset), xmpEntry, bytes.subarray(entryOffset + ENTRY_SIZE), padding, packet]);
  }
  const sorted = [...entries, xmpEntry].sort((a, b) => tagOf(a) - tagOf(b));
  const afterPacket = packetOffset + packet.length;
  const newDirectory = afterPacket + (afterPacket % 2);
  const copy = Buffer.alloc(2 + sorted.length * ENTRY_SIZE + 4);
  write16(copy, sorted.length, 0);
  sorted.forEach((entry, index) => entry.copy(copy, 2 + index * ENTRY_SIZE));
  write32(copy, u32(directoryEnd - 4), copy.length - 4); // the next directory stays the same
  const header = Buffer.from(bytes.subarray(0, 8));
  write32(header, newDirectory, 4);
  return Buffer.concat([header, bytes.subarray(8), padding, packet, Buffer.alloc(newDirectory - afterPacket), copy]);
}
