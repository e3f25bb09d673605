import type { Article } from '../../../../../shared/model/article';
import type { Photo } from '../../../../../shared/model/photo';
import type { Placement } from '../../../../../shared/model/placement';
import type { NinjsVersion, PublishMode } from '../../../../../shared/model/publishing';
import { articleBodyHtml } from '../../../../../shared/rules/article-html';
import { ninjsPicturesOf, toNinjs, type NinjsVideo } from '../../../../../shared/rules/ninjs';
import { ninjsAvatarsOf } from '../../../../../shared/rules/ninjs-avatars';
import { writeFileAtomic } from '../../fs/atomic-write';
import { cleanArticleHtml } from './clean-html';
import { avatarFileKey, copyPicturesBeside, photoCount, type CopyPhoto } from './export-pictures';

/**
 * "Export as ninjs": the story as an IPTC ninjs document plus its pictures, laid out like the HTML
 * export so the two read the same:
 *
 *   story.json
 *   story_files/protesters-in-paris.jpg
 *   story_files/avatar-jane-doe.jpg      (the byline's author card)
 *
 * Renditions name the pictures by absolute file: URLs, because ninjs requires absolute URIs (a
 * relative path fails IPTC's schema); the body's images use paths relative to the document. Pictures are copied first and the document
 * written last (atomically), so a document on disk never names a picture that is not there yet.
 */

export interface NinjsExportRequest {
  article: Article;
  version: NinjsVersion;
  /** The library's records of the photos the article uses (lead and inline), by id. */
  photos: ReadonlyMap<string, Photo>;
  /** Timing from the placement board: embargo, schedule and expiry go into the document. */
  placement: Placement | null;
  /** Writes a copy of a library photo (with the desk's XMP credit when the setting says so). */
  copyPhoto: CopyPhoto;
  /** The .json file to write. */
  destination: string;
  now: Date;
  /** 'publish' (default) marks the story usable once live; 'draft' marks it withheld. */
  mode?: PublishMode;
  /** Set when `article` is a video item's post: the document is of type "video" with the player as its rendition. */
  video?: NinjsVideo | null;
}

export interface NinjsExportResult {
  path: string;
  /** How many pictures were copied next to the document. */
  photos: number;
}

/** The identifier of an article's ninjs document: stable across exports and pushes of one story. */
export function articleNinjsUri(articleId: string): string {
  return `urn:newsdesk:article:${articleId}`;
}

/** The identifier of a video item's ninjs document. */
export function videoNinjsUri(videoId: string): string {
  return `urn:newsdesk:video:${videoId}`;
}

/** Writes the article as a ninjs document (2-space JSON) with its pictures in a folder beside it. */
export async function writeNinjsExport(request: NinjsExportRequest): Promise<NinjsExportResult> {
  const { article, version, photos, placement, destination, now } = request;
  const copied = await copyPicturesBeside(article, photos, destination, request.copyPhoto);
  // ninjs requires absolute URIs for renditions, so they name the pictures by file: URL; the body's
  // <img>s keep relative paths, which the sanitizer allows (it refuses file: addresses in markup).
  const href = (id: string): string => copied.get(id)?.fileUrl ?? '';
  const bodyHtml = cleanArticleHtml(articleBodyHtml(article.body, { photoSrc: (id) => copied.get(id)?.relative ?? null }));
  // A picture whose file is gone from the library keeps its caption and credit, without a rendition.
  const pictures = ninjsPicturesOf(article, photos, href);
  const document = toNinjs(version, {
    article,
    bodyHtml,
    pictures,
    avatars: ninjsAvatarsOf(article.byline, (avatar) => copied.get(avatarFileKey(avatar.index))?.fileUrl ?? null),
    placement,
    uri: request.video === undefined ? articleNinjsUri(article.id) : videoNinjsUri(article.id),
    now,
    mode: request.mode ?? 'publish',
    ...(request.video ? { video: request.video } : {}),
  });
  await writeFileAtomic(destination, `${JSON.stringify(document, null, 2)}\n`);
  return { path: destination, photos: photoCount(copied) };
}
