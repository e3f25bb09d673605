import { Article, type Author } from '../../../../../shared/model/article';
import type { Photo } from '../../../../../shared/model/photo';
import { IMAGE_NODE_TYPE, PhotoUse } from '../../../../../shared/model/photo-use';
import type { RemoteMedia, RemotePostId, RemoteRecord } from '../../../../../shared/model/publishing';
import type { CreditStyle } from '../../../../../shared/model/settings';
import type { ImportOutcome } from '../../../../../shared/model/site-import';
import { houseCredit } from '../../../../../shared/rules/photo-use';
import { slugify } from '../../../../../shared/rules/slug';
import { newArticle } from '../../drafts/factory';
import type { DraftStore } from '../../drafts/types';
import type { RemoteRecords } from '../remote/remote-records';
import { articleFromRemote } from '../remote/remote-to-article';
import { captionAndCredit, readImportedHtml } from './imported-html';
import { bringPicture, pictureAddress, type PictureDeps } from './import-pictures';
import type { SiteSource, SourcePost } from './site-source';

/**
 * One post of a site made into a new article linked to it. The HTML goes through the converter of
 * "take the site's version" (remote-to-article.ts); its pictures and the featured image are
 * downloaded into the photo library first, so that converter finds each as one of "the story's
 * photos on the site". The publish record written is the one a push leaves behind (the post's id,
 * address, modified time and fingerprint, the site's media ids), so the next push of the article
 * is an ordinary update of that post, and an edit made on the site meanwhile is a conflict.
 */

export interface ImportDeps extends PictureDeps {
  drafts: Pick<DraftStore, 'save'>;
  /** The desk's feed names: a push adds each feed the story is placed in as a category (a Ghost tag), which is no section or tag. */
  feedNames: readonly string[];
  records: RemoteRecords;
  creditStyle: CreditStyle;
  now: () => Date;
}

const shortAddress = (url: string): string => (url.length > 100 ? `${url.slice(0, 97)}…` : url);
/** The converter's sentence for a picture it could not place: every picture was tried first, and said so. */
const UNPLACED_PICTURE = 'A picture that is not one of this story';

type LexicalJson = { type: string; [key: string]: unknown };

interface Brought {
  media: RemoteMedia[];
  photos: Map<string, Photo>;
  leadPhoto: PhotoUse | null;
  leftOut: string[];
}

const fit = (text: string, max: number | null | undefined): string => text.trim().slice(0, max ?? text.length);

async function bringPictures(deps: ImportDeps, source: SiteSource, post: SourcePost, pictures: ReturnType<typeof readImportedHtml>['pictures']): Promise<Brought> {
  const brought: Brought = { media: [], photos: new Map(), leadPhoto: null, leftOut: [] };
  for (const picture of pictures) {
    const address = pictureAddress(picture.src, source.siteUrl);
    if (!address) {
      brought.leftOut.push('A picture without a usable address was left out.');
      continue;
    }
    const result = await bringPicture(deps, address, picture);
    if (!result.ok) {
      brought.leftOut.push(`The picture ${shortAddress(address)} could not be brought in (${result.reason}); it was left out.`);
      continue;
    }
    brought.photos.set(result.photo.id, result.photo);
    brought.media.push({ photoId: result.photo.id, mediaId: picture.wpMediaId, sourceUrl: picture.src, fieldsHash: '' });
  }
  const lead = post.lead;
  const leadAddress = lead ? pictureAddress(lead.url, source.siteUrl) : null;
  if (lead && leadAddress) {
    const words = { ...captionAndCredit(lead.caption, deps.creditStyle), alt: lead.alt };
    const result = await bringPicture(deps, leadAddress, words);
    if (result.ok) {
      brought.photos.set(result.photo.id, result.photo);
      brought.media.push({ photoId: result.photo.id, mediaId: lead.mediaId, sourceUrl: lead.url, fieldsHash: '' });
      const credit = fit(words.credit, PhotoUse.shape.credit.maxLength) || houseCredit(result.photo, deps.creditStyle);
      brought.leadPhoto = {
        photoId: result.photo.id,
        caption: fit(words.caption, PhotoUse.shape.caption.maxLength),
        credit,
        creditEdited: credit !== houseCredit(result.photo, deps.creditStyle),
        altText: fit(words.alt, PhotoUse.shape.altText.maxLength),
      };
    } else {
      brought.leftOut.push(`The featured image ${shortAddress(leadAddress)} could not be brought in (${result.reason}); the article has no lead photo.`);
    }
  } else if (lead) {
    brought.leftOut.push('The featured image has no usable address; the article has no lead photo.');
  }
  return brought;
}

/**
 * The converter took each credit from the caption; one the site did not print follows the photo's
 * own credit, and a credit is "edited" only where it differs from the house credit of the photo.
 */
function settleCredits(body: Article['body'], photos: ReadonlyMap<string, Photo>, style: CreditStyle): Article['body'] {
  const children = (body.root.children as LexicalJson[]).map((node) => {
    if (node.type !== IMAGE_NODE_TYPE || typeof node.photoId !== 'string') return node;
    const photo = photos.get(node.photoId);
    if (!photo) return node;
    const house = houseCredit(photo, style);
    const credit = typeof node.credit === 'string' && node.credit.trim() !== '' ? node.credit : house;
    return { ...node, credit, creditEdited: credit !== house };
  });
  return { root: { ...body.root, children } };
}

function bylineOf(author: string): Author[] {
  return author
    .split(', ')
    .map((name) => name.trim().slice(0, 120))
    .filter((name) => name !== '')
    .map((name) => ({ name, role: '', avatar: null }));
}

/**
 * The section and tags by name within the article's limits: the feeds' names left out (the board's
 * placement sends them again), each tag once. An article has one section, so further categories are
 * said, not kept.
 */
function termsOf(post: SourcePost, feedNames: readonly string[]): { terms: Pick<Article, 'section' | 'tags'>; notes: string[] } {
  const seen = new Set(feedNames.map((name) => name.trim().toLocaleLowerCase()));
  const fresh = (name: string) => name !== '' && !seen.has(name.toLocaleLowerCase());
  const [section = '', ...others] = post.categories.map((name) => name.trim().slice(0, 120)).filter(fresh);
  const tags: string[] = [];
  for (const name of post.tags) {
    const tag = name.trim().slice(0, 80);
    if (!fresh(tag) || tags.length >= 50) continue;
    seen.add(tag.toLocaleLowerCase());
    tags.push(tag);
  }
  const notes = others.length > 0 ? [`The categories ${others.map((name) => `“${name}”`).join(', ')} were not kept: an article has one section (“${section}”).`] : [];
  return { terms: { section, tags }, notes };
}

/** Media the next push can re-use: WordPress needs the media item's id (an <img> without one is uploaded anew); Ghost only the address. */
function reusableMedia(post: SourcePost, media: readonly RemoteMedia[]): RemoteMedia[] {
  const kept = new Map<string, RemoteMedia>();
  for (const item of media) {
    if (post.cms === 'WordPress' && item.mediaId === 0) continue;
    if (!kept.has(item.photoId)) kept.set(item.photoId, item);
  }
  return [...kept.values()];
}

export async function importPost(deps: ImportDeps, source: SiteSource, targetId: string, remoteId: RemotePostId, signal: AbortSignal): Promise<ImportOutcome> {
  const post = await source.read(remoteId, signal);
  const read = readImportedHtml(post.html, deps.creditStyle);
  const brought = await bringPictures(deps, source, post, read.pictures);

  const at = deps.now().toISOString();
  const base: Article = { ...newArticle('', at), byline: bylineOf(post.author) };
  const converted = articleFromRemote({ title: post.title, excerpt: post.excerpt, html: read.html }, base, brought.media);
  const notes = converted.notes.filter((note) => !note.startsWith(UNPLACED_PICTURE));
  const headline = converted.article.headline;
  // The site's slug is the post's address: keeping it means the next push does not move the post.
  const slug = post.slug.trim() || converted.article.slug;
  const terms = termsOf(post, deps.feedNames);
  const article = Article.parse({
    ...converted.article,
    slug,
    slugEdited: slug !== slugify(headline),
    ...terms.terms,
    leadPhoto: brought.leadPhoto,
    body: settleCredits(converted.article.body, brought.photos, deps.creditStyle),
  });

  const record: RemoteRecord = {
    targetId,
    articleId: article.id,
    postId: post.remoteId,
    link: post.summary.link,
    modifiedGmt: post.summary.modified,
    media: reusableMedia(post, brought.media),
    // No job of ours created the post, so no marker names it: the first push writes its own.
    clientKey: '',
    publishedAt: null,
    pending: [],
    contentHash: post.summary.contentHash,
    sentTextHash: '',
  };
  // The link first: an article saved without it would create a second post at its first push.
  await deps.records.put(record);
  await deps.drafts.save(article, 'manual');

  const leftOut = [...post.notes, ...terms.notes, ...brought.leftOut, ...notes];
  const title = headline || '(no title)';
  return {
    remoteId: post.remoteId,
    title,
    outcome: 'imported',
    articleId: article.id,
    message: leftOut.length > 0 ? `Imported as “${title}”, with ${leftOut.length === 1 ? 'one thing' : `${leftOut.length} things`} left out.` : `Imported as “${title}”.`,
    leftOut,
  };
}
