import type { Author } from '../model/article';
import { slugify } from './slug';

/**
 * The author card's avatar in exports. Avatars are kept in the story as small data: URLs; an export
 * writes each one as a file beside the document (like its pictures), named after its author, and a
 * document sent over the network carries it as the data: URL itself, so the receiver needs nothing else.
 */

export interface AvatarImage {
  contentType: string;
  extension: string;
  bytes: Uint8Array;
}

const EXTENSIONS: Record<string, string> = { png: 'png', jpeg: 'jpg', webp: 'webp', gif: 'gif' };
const DATA_URL = /^data:image\/(png|jpeg|webp|gif);base64,([A-Za-z0-9+/=]+)$/;

/** The image inside an avatar data URL; null for anything that is not one (the model refuses those already). */
export function avatarImageOf(dataUrl: string): AvatarImage | null {
  const match = DATA_URL.exec(dataUrl);
  if (!match) return null;
  const kind = match[1]!;
  const binary = atob(match[2]!);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return bytes.length === 0 ? null : { contentType: `image/${kind}`, extension: EXTENSIONS[kind]!, bytes };
}

/** One author with an avatar: where in the byline, and the image. */
export interface BylineAvatar {
  /** The author's position in the byline (authors without a name are still counted). */
  index: number;
  author: Author;
  image: AvatarImage;
  /** "avatar-jane-doe.jpg": unique within the story, for the files folder. */
  fileName: string;
}

/** The byline's avatars, in byline order, each with a file name no other avatar of the story takes. */
export function bylineAvatars(byline: readonly Author[]): BylineAvatar[] {
  const taken = new Set<string>();
  const found: BylineAvatar[] = [];
  byline.forEach((author, index) => {
    if (!author.name.trim() || !author.avatar) return;
    const image = avatarImageOf(author.avatar);
    if (!image) return;
    const base = `avatar-${slugify(author.name) || 'author'}`;
    let fileName = `${base}.${image.extension}`;
    for (let n = 2; taken.has(fileName); n += 1) fileName = `${base}-${n}.${image.extension}`;
    taken.add(fileName);
    found.push({ index, author, image, fileName });
  });
  return found;
}

/** "Jane Doe, News Editor", or the name alone: the author card as one line. */
export function authorCardLine(author: Pick<Author, 'name' | 'role'>): string {
  const role = author.role.trim();
  return role ? `${author.name.trim()}, ${role}` : author.name.trim();
}
