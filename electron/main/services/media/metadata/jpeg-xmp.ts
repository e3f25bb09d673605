import { UserFacingError } from '../../../../../shared/model/errors';

/**
 * XMP into a JPEG by splicing segments, byte for byte. Any image library (sharp included) would
 * decode and re-encode the pixels, losing quality on every export; here only the APP1 XMP segment
 * changes and everything else, the compressed picture above all, is copied as it was.
 */

const SOI = 0xd8;
const SOS = 0xda;
const EOI = 0xd9;
const APP0 = 0xe0;
const APP1 = 0xe1;
const XMP_HEADER = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');
const EXTENDED_XMP_HEADER = Buffer.from('http://ns.adobe.com/xmp/extension/\0', 'latin1');
const EXIF_HEADER = Buffer.from('Exif\0', 'latin1');

/**
 * The largest packet an APP1 segment holds: 65,535 (the length field's maximum, counting itself)
 * minus the 2 length bytes and the 29-byte namespace header is 65,504; the XMP specification
 * (part 3, 1.1.3.1) sets 65,502.
 */
export const MAX_JPEG_XMP_BYTES = 65_502;

interface Segment {
  marker: number;
  start: number;
  end: number;
}

function damaged(detail: string): never {
  throw new UserFacingError('invalid-request', `The JPEG file is damaged (${detail}), so its XMP could not be written.`);
}

function startsWith(bytes: Uint8Array, offset: number, prefix: Uint8Array): boolean {
  if (offset + prefix.length > bytes.length) return false;
  return prefix.every((byte, index) => bytes[offset + index] === byte);
}

/** The marker segments before the compressed data (SOS); where that data starts. */
function headerSegments(bytes: Uint8Array): { segments: Segment[]; imageData: number } {
  if (bytes[0] !== 0xff || bytes[1] !== SOI) damaged('it does not start like a JPEG');
  const segments: Segment[] = [];
  let offset = 2;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) damaged(`no segment marker at byte ${offset}`);
    const marker = bytes[offset + 1] as number;
    if (marker === 0xff) {
      offset += 1; // fill byte before a marker
      continue;
    }
    if (marker === SOS || marker === EOI) return { segments, imageData: offset };
    if (offset + 4 > bytes.length) break;
    const length = ((bytes[offset + 2] as number) << 8) | (bytes[offset + 3] as number);
    if (length < 2 || offset + 2 + length > bytes.length) damaged(`a segment at byte ${offset} runs past the end`);
    segments.push({ marker, start: offset, end: offset + 2 + length });
    offset += 2 + length;
  }
  return damaged('the picture data is missing');
}

function isXmpSegment(bytes: Uint8Array, segment: Segment): boolean {
  if (segment.marker !== APP1) return false;
  return startsWith(bytes, segment.start + 4, XMP_HEADER) || startsWith(bytes, segment.start + 4, EXTENDED_XMP_HEADER);
}

function xmpSegment(packet: Uint8Array): Uint8Array {
  const length = 2 + XMP_HEADER.length + packet.length;
  const segment = Buffer.alloc(2 + length);
  segment[0] = 0xff;
  segment[1] = APP1;
  segment.writeUInt16BE(length, 2);
  XMP_HEADER.copy(segment, 4);
  segment.set(packet, 4 + XMP_HEADER.length);
  return segment;
}

/**
 * Replaces the JPEG's XMP (and any extended XMP that belonged to it) with `packet`, or adds one.
 * The new segment goes where the old one was, else after the JFIF and EXIF segments, which
 * readers expect first.
 */
export function replaceJpegXmp(bytes: Uint8Array, packet: Uint8Array): Uint8Array {
  if (packet.length > MAX_JPEG_XMP_BYTES) {
    throw new UserFacingError('invalid-request', 'The photo\'s metadata is too long for a JPEG\'s XMP block (64 KB).');
  }
  const { segments, imageData } = headerSegments(bytes);
  const kept = segments.filter((segment) => !isXmpSegment(bytes, segment));
  const replaced = segments.findIndex((segment) => isXmpSegment(bytes, segment));
  let insertAt = replaced === -1 ? 0 : kept.findIndex((segment) => segment.start > (segments[replaced] as Segment).start);
  if (replaced === -1) {
    while (insertAt < kept.length && isLeadingSegment(bytes, kept[insertAt] as Segment)) insertAt += 1;
  } else if (insertAt === -1) {
    insertAt = kept.length;
  }
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  kept.forEach((segment, index) => {
    if (index === insertAt) parts.push(xmpSegment(packet));
    parts.push(bytes.subarray(segment.start, segment.end));
  });
  if (insertAt === kept.length) parts.push(xmpSegment(packet));
  parts.push(bytes.subarray(imageData));
  return Buffer.concat(parts);
}

function isLeadingSegment(bytes: Uint8Array, segment: Segment): boolean {
  return segment.marker === APP0 || (segment.marker === APP1 && startsWith(bytes, segment.start + 4, EXIF_HEADER));
}
