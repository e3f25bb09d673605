/** Largest avatar side in pixels: bylines show them at 32–48 px, twice that for sharp screens. */
export const AVATAR_MAX_PX = 128;

const ACCEPTED = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
export const AVATAR_ACCEPT = ACCEPTED.join(',');

/**
 * A picked photo → a small square data URL for Author.avatar. Decoded with createImageBitmap (no
 * object URL, so no blob: source the CSP would have to allow), centre-cropped to a square and
 * scaled down to at most 128 px in a canvas. Photos become JPEG (small); PNG/GIF keep
 * transparency as PNG.
 */
export async function avatarFromFile(file: File): Promise<string> {
  if (!ACCEPTED.includes(file.type)) throw new Error('Choose a PNG, JPEG, WebP or GIF image.');
  if (file.size > 25 * 1024 * 1024) throw new Error('That image is too large (over 25 MB).');
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error('That file could not be read as an image.');
  }
  try {
    const side = Math.min(bitmap.width, bitmap.height);
    const size = Math.max(1, Math.min(AVATAR_MAX_PX, side));
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('The image could not be resized.');
    context.imageSmoothingQuality = 'high';
    const sx = (bitmap.width - side) / 2;
    const sy = (bitmap.height - side) / 2;
    context.drawImage(bitmap, sx, sy, side, side, 0, 0, size, size);
    const keepAlpha = file.type === 'image/png' || file.type === 'image/gif';
    return keepAlpha ? canvas.toDataURL('image/png') : canvas.toDataURL('image/jpeg', 0.86);
  } finally {
    bitmap.close();
  }
}
