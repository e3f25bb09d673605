import type sharpModule from 'sharp';

/** What the media service asks of an image library; both routes (image-engine.ts) answer it with sharp. */
export interface ImageOperations {
  /** Header facts only; damaged pixel data shows up when the thumbnail decodes it. */
  probe(file: string): Promise<ProbeFacts>;
  /** A JPEG (quality 80) fitting a 480×480 box, upright, never enlarged; its size. */
  thumbnail(source: string, destination: string): Promise<{ width: number; height: number }>;
  /** The XMP, EXIF and IPTC blocks libvips finds while reading the header, as raw bytes. */
  rawBlocks(file: string): Promise<{ xmp?: Uint8Array; exif?: Uint8Array; iptc?: Uint8Array }>;
  /** The AVIF re-encoded (quality 90, other metadata kept) with `packet` as its XMP. */
  avifWithXmp(bytes: Uint8Array, packet: string): Promise<Uint8Array>;
}

export interface ProbeFacts {
  /** libvips' loader name: jpeg, png, webp, gif, tiff, heif, svg, pdf… */
  format: string;
  /** For heif: av1 (AVIF) or hevc (HEIC). */
  compression?: string;
  width: number;
  height: number;
  /** The size with the EXIF orientation applied, as the picture is shown. */
  uprightWidth: number;
  uprightHeight: number;
}

export type SharpModule = typeof sharpModule;

/**
 * The operations over one loaded sharp, native or WebAssembly. SELF-CONTAINED on purpose: no
 * import or outer name is used inside, because the WebAssembly lanes (image-lanes.ts) run this
 * very function's source in a worker thread, where only its argument exists.
 */
export function sharpImageOperations(sharp: SharpModule): ImageOperations {
  // An import touches each file once: libvips' process-wide cache of decoded images only costs memory.
  sharp.cache(false);
  // sharp's own advice for untrusted input: a libjpeg "corrupt data" warning, a truncated file or a
  // decoder error stops the read, so a damaged picture fails with a message instead of importing garbled.
  const failOn = 'warning' as const;
  // No single picture may hold up the queue for longer than this; libvips stops and sharp rejects.
  const timeoutSeconds = 60;
  const box = 480;
  const exifPreamble = 'Exif\0\0';
  return {
    async probe(file) {
      const metadata = await sharp(file, { failOn }).metadata();
      return {
        format: metadata.format,
        compression: metadata.compression,
        width: metadata.width,
        height: metadata.height,
        uprightWidth: metadata.autoOrient?.width ?? metadata.width,
        uprightHeight: metadata.autoOrient?.height ?? metadata.height,
      };
    },
    // sharp sees the resize before decoding and uses shrink-on-load (libjpeg's DCT scaling, WebP's
    // scaled decode), so a 12-megapixel JPEG is decoded at about an eighth of its size.
    async thumbnail(source, destination) {
      const info = await sharp(source, { failOn, autoOrient: true })
        .timeout({ seconds: timeoutSeconds })
        .resize(box, box, { fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 80 })
        .toFile(destination);
      return { width: info.width, height: info.height };
    },
    async rawBlocks(file) {
      const { xmp, exif, iptc } = await sharp(file).metadata();
      // JPEG and HEIF keep the "Exif\0\0" preamble in the blob; a TIFF structure starts after it.
      const hasPreamble = exif !== undefined && Buffer.from(exif.subarray(0, 6)).toString('latin1') === exifPreamble;
      return { xmp, exif: hasPreamble ? exif.subarray(6) : exif, iptc };
    },
    async avifWithXmp(bytes, packet) {
      return sharp(bytes).keepMetadata().withXmp(packet).avif({ quality: 90 }).toBuffer();
    },
  };
}
