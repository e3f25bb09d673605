import type { Author } from '../model/article';
import { authorCardLine, bylineAvatars, type BylineAvatar } from './author-avatars';

/**
 * The author card's avatar in a ninjs document. ninjs `people` entries take no image (their schema
 * allows only name, rel, uri, literal and contact info), so each avatar is an association of type
 * "picture" named "author-avatar-<n>", whose headline is the author's name and whose caption is the
 * card's line ("Jane Doe, News Editor"), so the role travels too.
 */

export interface NinjsAvatar {
  author: Pick<Author, 'name' | 'role'>;
  /** Absolute URI of the image: a file: URL for a file export, the data: URL itself when sent. */
  href: string;
  contentType: string;
}

type Json = Record<string, unknown>;

/** The associations of the avatars, in 2.2's field names (the caller renames them for 3.1). */
export function avatarAssociations(avatars: readonly NinjsAvatar[], version: string, documentUri: string): Json[] {
  return avatars.map((avatar, i) => ({
    name: `author-avatar-${i + 1}`,
    // Every association needs a uri; the avatar is this story's copy of the card, so it is named under the story's.
    uri: `${documentUri}:author-avatar-${i + 1}`,
    ...(version === '3.1' ? { rel: 'author-avatar' } : {}),
    type: 'picture',
    representationtype: 'full',
    headlines: [{ role: 'main', value: avatar.author.name.trim() }],
    descriptions: [{ role: 'caption', value: authorCardLine(avatar.author) }],
    renditions: [{ name: 'original', href: avatar.href, contenttype: avatar.contentType }],
  }));
}

/** The byline's avatars for a document; `href` says where each image is (null leaves that avatar out). */
export function ninjsAvatarsOf(byline: readonly Author[], href: (avatar: BylineAvatar) => string | null): NinjsAvatar[] {
  return bylineAvatars(byline).flatMap((avatar) => {
    const at = href(avatar);
    return at === null ? [] : [{ author: avatar.author, href: at, contentType: avatar.image.contentType }];
  });
}
