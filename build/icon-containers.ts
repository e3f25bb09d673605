// Reading and writing the two icon containers the installers use: Windows .ico and macOS .icns.
// png2icons encodes the images (PNG, and the BMP and PackBits forms that older Windows and macOS code
// needs), but its own downscaling is jagged; so each size is rendered by sharp, encoded by png2icons
// from an image already at that size, and these few lines gather the entries into one container.

/** One image in a .ico: its size as the directory states it, and the encoded image (PNG or BMP). */
export interface IcoEntry {
  width: number;
  height: number;
  bitCount: number;
  data: Buffer;
}

/** One element of a .icns: its four-letter type (which fixes the pixel size) and its payload. */
export interface IcnsEntry {
  type: string;
  data: Buffer;
}

const ICO_HEADER_BYTES = 6;
const ICO_DIRECTORY_ENTRY_BYTES = 16;
const ICNS_HEADER_BYTES = 8;

/** Pixel size of each .icns element type (Apple's icns types; masks share their image's size). */
export const ICNS_TYPE_PIXELS: Readonly<Record<string, number>> = {
  is32: 16, s8mk: 16, icp4: 16,
  il32: 32, l8mk: 32, icp5: 32, ic11: 32,
  ih32: 48, h8mk: 48,
  icp6: 64, ic12: 64,
  it32: 128, t8mk: 128, ic07: 128,
  ic08: 256, ic13: 256,
  ic09: 512, ic14: 512,
  ic10: 1024,
};

export function readIcoEntries(ico: Buffer): IcoEntry[] {
  if (ico.length < ICO_HEADER_BYTES || ico.readUInt16LE(0) !== 0 || ico.readUInt16LE(2) !== 1) {
    throw new Error('Not a .ico file (reserved 0, type 1 expected)');
  }
  const count = ico.readUInt16LE(4);
  const entries: IcoEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    const at = ICO_HEADER_BYTES + index * ICO_DIRECTORY_ENTRY_BYTES;
    const byteLength = ico.readUInt32LE(at + 8);
    const offset = ico.readUInt32LE(at + 12);
    if (offset + byteLength > ico.length) throw new Error(`.ico entry ${index} runs past the end of the file`);
    entries.push({
      // A stored 0 means 256: the field is one byte.
      width: ico.readUInt8(at) || 256,
      height: ico.readUInt8(at + 1) || 256,
      bitCount: ico.readUInt16LE(at + 6),
      data: ico.subarray(offset, offset + byteLength),
    });
  }
  return entries;
}

export function writeIco(entries: readonly IcoEntry[]): Buffer {
  const header = Buffer.alloc(ICO_HEADER_BYTES + entries.length * ICO_DIRECTORY_ENTRY_BYTES);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(entries.length, 4);
  let offset = header.length;
  entries.forEach((entry, index) => {
    const at = ICO_HEADER_BYTES + index * ICO_DIRECTORY_ENTRY_BYTES;
    header.writeUInt8(entry.width >= 256 ? 0 : entry.width, at);
    header.writeUInt8(entry.height >= 256 ? 0 : entry.height, at + 1);
    header.writeUInt8(0, at + 2); // no palette
    header.writeUInt8(0, at + 3); // reserved
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(entry.bitCount, at + 6);
    header.writeUInt32LE(entry.data.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += entry.data.length;
  });
  return Buffer.concat([header, ...entries.map((entry) => entry.data)]);
}

export function readIcnsEntries(icns: Buffer): IcnsEntry[] {
  if (icns.length < ICNS_HEADER_BYTES || icns.toString('latin1', 0, 4) !== 'icns') {
    throw new Error('Not a .icns file (magic "icns" expected)');
  }
  const declaredLength = icns.readUInt32BE(4);
  if (declaredLength !== icns.length) throw new Error(`.icns declares ${declaredLength} bytes but has ${icns.length}`);
  const entries: IcnsEntry[] = [];
  let at = ICNS_HEADER_BYTES;
  while (at < icns.length) {
    const type = icns.toString('latin1', at, at + 4);
    const elementLength = icns.readUInt32BE(at + 4);
    if (elementLength < ICNS_HEADER_BYTES || at + elementLength > icns.length) {
      throw new Error(`.icns element ${type} has a bad length ${elementLength}`);
    }
    entries.push({ type, data: icns.subarray(at + ICNS_HEADER_BYTES, at + elementLength) });
    at += elementLength;
  }
  return entries;
}

export function writeIcns(entries: readonly IcnsEntry[]): Buffer {
  const elements = entries.map((entry) => {
    const head = Buffer.alloc(ICNS_HEADER_BYTES);
    head.write(entry.type, 0, 4, 'latin1');
    head.writeUInt32BE(ICNS_HEADER_BYTES + entry.data.length, 4);
    return Buffer.concat([head, entry.data]);
  });
  const header = Buffer.alloc(ICNS_HEADER_BYTES);
  header.write('icns', 0, 4, 'latin1');
  header.writeUInt32BE(ICNS_HEADER_BYTES + elements.reduce((sum, element) => sum + element.length, 0), 4);
  return Buffer.concat([header, ...elements]);
}
