import { isDataUrl, readImageDataUrl } from '../../../../shared/rules/image-data-url';

/**
 * The pictures in a paste, sorted into what the photo library can import (image files on the
 * clipboard, `data:` URLs in the copied HTML) and what was left out, named for the editor's notice
 * (addresses on the web: the desk fetches nothing from a pasted address, offline or not).
 */
export interface PastedImages {
  importable: File[];
  leftOut: string[];
  /** True when the clipboard also carries text, which the editor pastes as usual. */
  withText: boolean;
}

export function sortPastedImages(data: DataTransfer): PastedImages {
  const importable: File[] = [];
  const leftOut: string[] = [];
  const html = data.getData('text/html');
  const files = Array.from(data.files).filter((file) => file.type.startsWith('image/'));
  let embedded = 0;
  if (html) {
    // Inert parse: nothing loads, nothing runs.
    const doc = new DOMParser().parseFromString(html, 'text/html');
    for (const image of Array.from(doc.images)) {
      // With image files on the clipboard (a copied picture, Word), the <img> tags are those same files.
      if (files.length > 0) break;
      const src = image.getAttribute('src') ?? '';
      if (isDataUrl(src)) {
        embedded += 1;
        const read = readImageDataUrl(src, embedded);
        if (read.ok) importable.push(new File([read.bytes as Uint8Array<ArrayBuffer>], read.name, { type: read.type }));
        else leftOut.push(read.problem);
      } else {
        leftOut.push(src.slice(0, 200) || 'an image without an address');
      }
    }
  }
  importable.push(...files);
  const withText = data.getData('text/plain').trim() !== '';
  return { importable, leftOut, withText };
}
