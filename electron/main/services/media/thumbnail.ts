import { imageEngine } from './image-engine';

/**
 * A JPEG (quality 80) fitting a 480×480 box, upright (EXIF orientation applied) and never enlarged,
 * made by the image engine's route for this process (image-engine.ts). Kept to one pipeline with
 * no extra steps: it is measured against libvips' own vipsthumbnail.
 */
export async function makeThumbnail(source: string, destination: string): Promise<{ width: number; height: number }> {
  return (await imageEngine()).thumbnail(source, destination);
}
