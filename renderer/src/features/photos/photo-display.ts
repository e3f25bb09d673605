import { findRestrictions, type Restriction } from '../../../../shared/rules/rights';
import type { Photo } from '../../../../shared/model/photo';

/** What a list shows as the photo's name: its headline or title, else the file name. */
export function photoName(photo: Photo): string {
  return photo.metadata.headline.trim() || photo.metadata.title.trim() || photo.fileName;
}

/** The usage restrictions in the photo's metadata, one per kind and label. */
export function restrictionsOf(photo: Photo): Restriction[] {
  const seen = new Set<string>();
  return findRestrictions(photo.metadata).filter((restriction) => {
    const key = `${restriction.kind}:${restriction.label}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const SIZE_UNITS = ['bytes', 'KB', 'MB', 'GB'];

/** "2.4 MB", "830 KB", "512 bytes" (decimal units, as file managers show them). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < SIZE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${SIZE_UNITS[unit]}`;
}

/** "4000 × 3000 px (12 MP)". */
export function formatPixels(photo: Pick<Photo, 'width' | 'height'>): string {
  const megapixels = (photo.width * photo.height) / 1_000_000;
  const mp = megapixels >= 1 ? ` (${megapixels.toFixed(megapixels >= 10 ? 0 : 1)} MP)` : '';
  return `${photo.width} × ${photo.height} px${mp}`;
}

/** "1 photo", "20 photos". */
export function countPhotos(count: number): string {
  return `${count.toLocaleString('en')} ${count === 1 ? 'photo' : 'photos'}`;
}
