import sharp from 'sharp';

/**
 * sharp keeps decoded images in a process-wide cache (50 MB by default) to speed up repeated
 * operations on the same input. An import touches each file once, so the cache only costs memory.
 */
sharp.cache(false);

/**
 * sharp's own recommendation for untrusted input: a libjpeg "corrupt data" warning, a truncated
 * file or a decoder error all stop the read, so a damaged picture fails with a message instead of
 * importing with grey or garbled blocks.
 */
export const FAIL_ON = 'warning' as const;

/** No single picture may hold up the queue for longer than this; libvips stops and sharp rejects. */
export const PIPELINE_TIMEOUT_SECONDS = 60;

const THUMBNAIL_BOX = 480;

/**
 * A JPEG (quality 80) fitting a 480×480 box, upright (EXIF orientation applied) and never enlarged.
 * sharp sees the resize before decoding and uses shrink-on-load (libjpeg's DCT scaling, WebP's
 * scaled decode), so a 12-megapixel JPEG is decoded at about an eighth of its size. Kept to one
 * pipeline with no extra steps: it is measured against libvips' own vipsthumbnail.
 */
export async function makeThumbnail(source: string, destination: string): Promise<{ width: number; height: number }> {
  const info = await sharp(source, { failOn: FAIL_ON, autoOrient: true })
    .timeout({ seconds: PIPELINE_TIMEOUT_SECONDS })
    .resize(THUMBNAIL_BOX, THUMBNAIL_BOX, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 80 })
    .toFile(destination);
  return { width: info.width, height: info.height };
}
