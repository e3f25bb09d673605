import { open } from 'node:fs/promises';

/**
 * The bytes of a JPEG up to its first scan (SOS): every APP segment, so all of its metadata, and
 * none of the compressed picture. exifr is handed these bytes rather than the path because its
 * chunked file reader (512 bytes, then 64 KB pieces) loses an IPTC block that starts close to a
 * piece's end, silently or with "Offset is outside the bounds of the DataView". Reading the header
 * in one go costs one or two reads; metadata segments are at most 64 KB each.
 */
const FIRST_READ = 128 * 1024;
/** Far beyond any real header (a few APP segments); a file claiming more is read no further. */
const MAX_HEAD = 16 * 1024 * 1024;

const SOS = 0xda;
const EOI = 0xd9;

/** Markers with no length field: TEM, RST0–7. */
function isStandalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
}

/**
 * Where the header ends in `bytes`, or how many bytes are needed to know (a larger number than
 * `bytes.length`). A malformed header ends where it stops making sense; exifr then reports on it.
 */
export function jpegHeaderEnd(bytes: Uint8Array): { end: number; complete: boolean; lastSegmentEnd: number } {
  let offset = 2; // after SOI
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return { end: offset, complete: true, lastSegmentEnd: offset };
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === SOS || marker === EOI) return { end: offset, complete: true, lastSegmentEnd: offset };
    if (isStandalone(marker)) {
      offset += 2;
      continue;
    }
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    if (length < 2) return { end: offset, complete: true, lastSegmentEnd: offset };
    offset += 2 + length;
  }
  return { end: offset + 4, complete: false, lastSegmentEnd: offset };
}

/**
 * A file cut off inside a metadata segment: exifr refuses a buffer whose last segment runs past its
 * end and would then read nothing at all. Padding the segment with zeros keeps the blocks before it
 * readable and lets the damaged one be reported as damaged.
 */
function padTruncatedSegment(head: Uint8Array, segmentEnd: number): Uint8Array {
  if (segmentEnd <= head.length || segmentEnd - head.length > 64 * 1024) return head;
  const padded = new Uint8Array(segmentEnd + 2);
  padded.set(head);
  padded.set([0xff, EOI], segmentEnd); // something after the segment, as exifr requires
  return padded;
}

export async function readJpegHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    let wanted = Math.min(FIRST_READ, size);
    for (;;) {
      const bytes = new Uint8Array(wanted);
      const { bytesRead } = await handle.read(bytes, 0, wanted, 0);
      const head = bytes.subarray(0, bytesRead);
      const { end, complete, lastSegmentEnd } = jpegHeaderEnd(head);
      // The SOS marker itself is kept: exifr reads a segment only when bytes follow its end.
      if (complete || wanted >= MAX_HEAD) return head.subarray(0, Math.min(end + 2, head.length));
      // At the end of the file (or it shrank while being read): nothing more will come.
      if (bytesRead >= size || bytesRead < wanted) return padTruncatedSegment(head, lastSegmentEnd);
      // Room for the segment that ran past the end, plus the next segment's header.
      wanted = Math.min(size, MAX_HEAD, Math.max(end + 64 * 1024, wanted * 2));
    }
  } finally {
    await handle.close();
  }
}
