import { isDataUrl, readImageDataUrl } from '../../../../shared/rules/image-data-url';
import type { PictureSlots } from '../paste/picture-slots';

/**
 * The pictures in a paste, sorted by how they reach the photo library: image files on the
 * clipboard and `data:` URLs in the copied HTML are imported from their bytes; web addresses are
 * downloaded by main (media:importFromUrl); anything else is left out, named for the editor's
 * notice. Each keeps what the page said about it: its alt text (or title) and figure caption.
 */
export interface PastedPicture {
  altText: string;
  caption: string;
  /** Where it stood in the pasted text: its index among the page's images, in the paste's slots. */
  slot?: { slots: PictureSlots; index: number };
}

export interface PastedFile extends PastedPicture {
  file: File;
}

export interface PastedAddress extends PastedPicture {
  url: string;
}

/** A picture that did not make it in: which, why, and (for a failed download) what to try again. */
export interface LeftOutImage {
  /** The address, or "" for embedded data (the reason says what it was). */
  name: string;
  reason: string;
  /** Its figure caption, which was not pasted into the text (it goes with the picture): kept here. */
  caption?: string;
  retry?: PastedAddress;
}

export interface PastedImages {
  files: PastedFile[];
  remote: PastedAddress[];
  leftOut: LeftOutImage[];
  /** True when the clipboard also carries text, which the editor pastes as usual. */
  withText: boolean;
  /** Filled by the paste plugin as the text goes in (picture-slots.ts). */
  slots: PictureSlots;
}

const NOTHING: PastedPicture = { altText: '', caption: '' };

export function sortPastedImages(data: DataTransfer): PastedImages {
  const files: PastedFile[] = [];
  const remote: PastedAddress[] = [];
  const leftOut: LeftOutImage[] = [];
  const html = data.getData('text/html');
  const clipboardFiles = Array.from(data.files).filter((file) => file.type.startsWith('image/'));
  const slots: PictureSlots = new Map();
  let embedded = 0;
  // With image files on the clipboard (a copied picture, Word), the <img> tags are those same files.
  if (html && clipboardFiles.length === 0) {
    // Inert parse: nothing loads, nothing runs.
    const doc = new DOMParser().parseFromString(html, 'text/html');
    Array.from(doc.images).forEach((image, index) => {
      const src = (image.getAttribute('src') ?? '').trim();
      const said = { ...describedBy(image), slot: { slots, index } };
      if (isDataUrl(src)) {
        embedded += 1;
        const read = readImageDataUrl(src, embedded);
        if (read.ok) files.push({ file: new File([read.bytes as Uint8Array<ArrayBuffer>], read.name, { type: read.type }), ...said });
        else leftOut.push({ name: '', reason: read.problem, caption: said.caption });
      } else if (/^(https?:)?\/\//i.test(src)) {
        // A protocol-relative address ("//cdn…") is fetched as https, the only scheme main accepts.
        remote.push({ url: src.startsWith('//') ? `https:${src}` : src, ...said });
      } else {
        leftOut.push({ name: src.slice(0, 200) || 'an image without an address', reason: 'not a web address Newsdesk can fetch', caption: said.caption });
      }
    });
  }
  files.push(...clipboardFiles.map((file) => ({ file, ...NOTHING })));
  const withText = data.getData('text/plain').trim() !== '';
  return { files, remote, leftOut, withText, slots };
}

/** What the page said about a picture: alt text (the title when there is none), the figure's caption. */
function describedBy(image: HTMLImageElement): PastedPicture {
  const altText = (image.getAttribute('alt') ?? '').trim() || (image.getAttribute('title') ?? '').trim();
  const figure = image.closest('figure');
  const caption = figure?.querySelector('figcaption')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return { altText, caption };
}
