import { UserFacingError } from '../../../../../shared/model/errors';
import type { PhotoFormat, PhotoMetadata } from '../../../../../shared/model/photo';
import { imageEngine } from '../image-engine';
import { sniffContainer } from './container';
import { replaceGifXmp } from './gif-xmp';
import { MAX_JPEG_XMP_BYTES, replaceJpegXmp } from './jpeg-xmp';
import { replacePngXmp } from './png-xmp';
import { replaceTiffXmp } from './tiff-xmp';
import { replaceWebpXmp } from './webp-xmp';
import { buildXmpPacket } from './xmp-packet';
import { messageOf } from '../../../../../shared/model/errors';

/**
 * Writing the desk's metadata into a copy's XMP on export and publish, so credit, creator and
 * copyright survive systems that drop the rest. The XMP block is replaced as a whole (its other
 * properties are not carried over); IPTC IIM and EXIF are left as they are, and readers that
 * reconcile the blocks (Metadata Working Group rules) prefer the XMP where the IIM is unchanged.
 */

export { buildXmpPacket };

const encoder = new TextEncoder();

/**
 * The packet as bytes, shrunk to fit a JPEG's single XMP segment when it must: first without the
 * padding, then keeping only the keywords that fit. Texts are never cut; if they alone are too
 * long the export is refused with a message saying so.
 */
function jpegPacket(metadata: PhotoMetadata): Uint8Array {
  const full = encoder.encode(buildXmpPacket(metadata));
  if (full.length <= MAX_JPEG_XMP_BYTES) return full;
  const fits = (keywords: number): Uint8Array | null => {
    const bytes = encoder.encode(buildXmpPacket({ ...metadata, keywords: metadata.keywords.slice(0, keywords) }, 0));
    return bytes.length <= MAX_JPEG_XMP_BYTES ? bytes : null;
  };
  // Binary search for the most keywords that fit (at most 200, so a handful of tries).
  let low = 0;
  let high = metadata.keywords.length;
  let best = fits(0);
  if (!best) {
    throw new UserFacingError(
      'invalid-request',
      "The photo's texts are too long to fit in a JPEG's XMP block (64 KB). Shorten the description or other long fields, or export without writing metadata.",
    );
  }
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const candidate = fits(middle);
    if (candidate) {
      best = candidate;
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return best;
}

/**
 * AVIF keeps XMP as an item inside its ISO-BMFF boxes; adding one means rewriting the item tables,
 * so libvips re-encodes the copy instead (at a high quality, with the other metadata kept).
 */
async function avifWithXmp(bytes: Uint8Array, packet: string): Promise<Uint8Array> {
  // libvips would happily turn any picture into an AVIF; a copy must stay what the original was.
  if (sniffContainer(bytes.subarray(0, 16)) !== 'heif') {
    throw new UserFacingError('invalid-request', 'The AVIF file is damaged (it does not start like an AVIF), so its XMP could not be written.');
  }
  // Outside the try: an image library that cannot load says so in its own words.
  const engine = await imageEngine();
  try {
    return await engine.avifWithXmp(bytes, packet);
  } catch (error) {
    const detail = messageOf(error);
    throw new UserFacingError('invalid-request', `The AVIF file could not be re-encoded with its XMP (${detail}).`);
  }
}

/** A copy of `bytes` whose XMP holds `metadata`. Throws UserFacingError for a file it cannot write into. */
export async function embedXmp(bytes: Uint8Array, format: PhotoFormat, metadata: PhotoMetadata): Promise<Uint8Array> {
  switch (format) {
    case 'jpeg':
      return replaceJpegXmp(bytes, jpegPacket(metadata));
    case 'png':
      return replacePngXmp(bytes, encoder.encode(buildXmpPacket(metadata)));
    case 'webp':
      return replaceWebpXmp(bytes, encoder.encode(buildXmpPacket(metadata)));
    case 'gif':
      return replaceGifXmp(bytes, encoder.encode(buildXmpPacket(metadata)));
    case 'tiff':
      return replaceTiffXmp(bytes, encoder.encode(buildXmpPacket(metadata)));
    case 'avif':
      return avifWithXmp(bytes, buildXmpPacket(metadata));
  }
}
