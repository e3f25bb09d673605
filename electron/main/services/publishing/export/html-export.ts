import type { Article } from '../../../../../shared/model/article';
import type { Photo } from '../../../../../shared/model/photo';
import { articleHtml } from '../../../../../shared/rules/article-html';
import { articlePageHead, htmlPage } from '../../../../../shared/rules/article-html-page';
import { extraPhotoIdsOf } from '../../../../../shared/rules/seo';
import { writeFileAtomic } from '../../fs/atomic-write';
import { cleanArticleHtml } from './clean-html';
import { avatarFileKey, copyPicturesBeside, photoCount, type CopyPhoto } from './export-pictures';

export { filesFolderName } from './export-pictures';

/**
 * "Export as HTML": one page plus its pictures, laid out like a browser's "Save page":
 *
 *   story.html
 *   story_files/protesters-in-paris.jpg
 *   story_files/avatar-jane-doe.jpg      (the byline's author card)
 *
 * The page refers to its pictures by relative paths, so the pair can be moved, zipped or opened
 * from a USB stick. Pictures are copied first and the page written last, so a page on disk never
 * points at a picture that is not there yet.
 */

export interface HtmlExportRequest {
  article: Article;
  /** The library's records of the photos the article uses (lead, inline and social image), by id. */
  photos: ReadonlyMap<string, Photo>;
  /** Writes a copy of a library photo (with the desk's XMP credit when the setting says so). */
  copyPhoto: CopyPhoto;
  /** The .html file to write. */
  destination: string;
}

export interface HtmlExportResult {
  path: string;
  /** How many pictures were copied next to the page (avatars not counted). */
  photos: number;
}

export async function writeHtmlExport(request: HtmlExportRequest): Promise<HtmlExportResult> {
  const { article, photos, copyPhoto, destination } = request;
  // Pictures first, the page last: a page on disk never points at a picture that is not there yet.
  const pictures = await copyPicturesBeside(article, photos, destination, copyPhoto, extraPhotoIdsOf(article));
  const photoSrc = (id: string): string | null => pictures.get(id)?.relative ?? null;
  const avatarSrc = (index: number): string | null => pictures.get(avatarFileKey(index))?.relative ?? null;
  const markup = cleanArticleHtml(articleHtml(article, { photoSrc, avatarSrc }));
  const { title, head } = articlePageHead(article, photoSrc);
  await writeFileAtomic(destination, htmlPage(title, markup, head));
  return { path: destination, photos: photoCount(pictures) };
}
