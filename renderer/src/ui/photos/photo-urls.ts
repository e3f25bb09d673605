import { photoOriginalPath, photoThumbnailPath } from '../../../../shared/model/photo';

/**
 * Where the page loads a photo from. The paths are origin-relative, so they resolve against
 * app://newsdesk in the app and against the test server in the browser harness alike; photos never
 * reach the page as file:// paths.
 */
export function thumbnailUrl(id: string): string {
  return photoThumbnailPath(id);
}

export function originalUrl(id: string): string {
  return photoOriginalPath(id);
}
