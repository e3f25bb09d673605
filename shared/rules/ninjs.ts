import type { Article } from '../model/article';
import { PHOTO_MIME_TYPES, type Photo } from '../model/photo';
import type { Placement } from '../model/placement';
import type { NinjsVersion, PublishMode } from '../model/publishing';
import { avatarAssociations, type NinjsAvatar } from './ninjs-avatars';
import { goLiveAt, heldUntil } from './placement';
import { photoUsesOf, type PhotoUseRef } from './prepublish';
import { countWords, plainTextOf } from './text';

/**
 * An article as an IPTC ninjs ("News in JSON") document, in version 2.2 (lowercase field names)
 * or 3.1 (camelCase), each valid against IPTC's published schema. The document is built once in
 * 2.2's names and renamed for 3.1, so both always carry the same facts.
 *
 * Each picture is an association of type "picture" carrying its caption, credit line and alt text
 * as `descriptions` with the roles IPTC's own examples use ("caption", "creditline"), plus
 * "alternative" for the alt text, which neither version has a field for.
 */

export type NinjsPictureUse = Pick<PhotoUseRef, 'photoId' | 'caption' | 'credit' | 'altText'> & Partial<Pick<PhotoUseRef, 'where' | 'index'>>;

export interface NinjsPicture {
  use: NinjsPictureUse;
  /** The library's record, for the creator, copyright and size; undefined when it is gone. */
  photo: Photo | undefined;
  /** Where the picture file is found: a URL, or a path relative to the document for a file export; '' when there is none. */
  href: string;
}

export interface NinjsInput {
  article: Article;
  /** The body as clean HTML (without the lead photo, which is an association). */
  bodyHtml: string;
  pictures: readonly NinjsPicture[];
  placement: Placement | null;
  /** The document's own identifier (the only field ninjs requires). */
  uri: string;
  now: Date;
  mode: PublishMode;
  /** The byline's avatars (author cards), as associations after the pictures. */
  avatars?: readonly NinjsAvatar[];
  /** BCP 47 language of the story, when the desk knows it. */
  language?: string;
  /** Set for a video item: the document is of type "video", its player a rendition (the body keeps the blurb and the embed). */
  video?: NinjsVideo;
}

/** A video item's player, as its ninjs rendition. */
export interface NinjsVideo {
  /** The player's page (or embed) address. */
  href: string;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
}

/** The player as a rendition: an HTML page that plays the video, with its size and length when known. */
function videoRendition(video: NinjsVideo): Json {
  return compact({
    name: 'player',
    href: video.href,
    contenttype: 'text/html',
    width: video.width ?? undefined,
    height: video.height ?? undefined,
    duration: video.durationSeconds ?? undefined,
  });
}

type Json = Record<string, unknown>;

const SCHEMA_URIS: Record<NinjsVersion, string> = {
  '2.2': 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#',
  '3.1': 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#',
};

/** 2.2's field names that 3.1 spells differently; every other name is the same in both. */
const V31_NAMES: Record<string, string> = {
  representationtype: 'representationType',
  firstcreated: 'firstCreated',
  versioncreated: 'versionCreated',
  embargoed: 'embargoedUntil',
  pubstatus: 'pubStatus',
  copyrightholder: 'copyrightHolder',
  copyrightnotice: 'copyrightNotice',
  usageterms: 'usageTerms',
  contenttype: 'contentType',
  charcount: 'charCount',
  wordcount: 'wordCount',
  sizeinbytes: 'sizeInBytes',
  altids: 'altIds',
};

/** Where the picture was taken, most precise first: "Port of Odesa, Odesa, Odesa Oblast, Ukraine (UKR)". */
function locatedOf(metadata: Photo['metadata'] | undefined): string | undefined {
  if (!metadata) return undefined;
  const names = [metadata.sublocation, metadata.city, metadata.state, metadata.country].map((name) => name?.trim() ?? '').filter(Boolean);
  const code = metadata.countryCode?.trim();
  const place = [...names, ...(code && names.length === 0 ? [code] : [])].join(', ');
  return text(code && names.length > 0 ? `${place} (${code})` : place);
}

/** The photo's id as a URN: stable, and the same in every document that uses the photo. */
export function photoUri(photoId: string): string {
  return `urn:newsdesk:photo:${photoId}`;
}

/** The pictures of an article, lead first, with `href(photoId)` saying where each file is found. */
export function ninjsPicturesOf(article: Article, photos: ReadonlyMap<string, Photo>, href: (photoId: string) => string): NinjsPicture[] {
  return photoUsesOf(article).map((use) => ({ use, photo: photos.get(use.photoId), href: href(use.photoId) }));
}

/** Leaves out fields without a value, since ninjs reads an absent field as "not known". */
function compact(fields: Json): Json {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)));
}

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function uniqueByName(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => name.trim()).filter((name) => {
    const folded = name.toLocaleLowerCase();
    if (!name || seen.has(folded)) return false;
    seen.add(folded);
    return true;
  });
}

/** Authors' names as a byline statement: "Jane Doe", "Jane Doe and John Roe", "A, B and C". */
function byStatement(names: readonly string[]): string | undefined {
  if (names.length === 0) return undefined;
  if (names.length === 1) return names[0];
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The time before which the story may not be used: the embargo, or the scheduled time (ninjs has no
 * separate publish time, and a receiver must not run a story before it is due). Sent whenever one
 * exists, even when this computer's clock says it has passed: the receiver's clock decides, so a
 * desk clock running fast never releases an embargoed story early.
 */
function notBefore(placement: Placement | null): string | undefined {
  const until = placement ? heldUntil(placement) : null;
  return until === null ? undefined : new Date(until).toISOString();
}

/** Usable once live; withheld while it is a draft or before its embargo or scheduled time. */
function pubStatus(placement: Placement | null, mode: PublishMode, now: Date): 'usable' | 'withheld' {
  if (mode === 'draft') return 'withheld';
  return placement && goLiveAt(placement, now.getTime()) > now.getTime() ? 'withheld' : 'usable';
}

function pictureName(use: NinjsPictureUse, position: number): string {
  if (use.where === 'lead') return 'lead-photo';
  if (use.where === 'body') return `body-photo-${use.index ?? position}`;
  return `photo-${position}`;
}

function rendition(picture: NinjsPicture): Json {
  const { photo, href } = picture;
  if (!photo) return { name: 'original', href };
  return { name: 'original', href, contenttype: PHOTO_MIME_TYPES[photo.format], width: photo.width, height: photo.height, sizeinbytes: photo.bytes };
}

function pictureAssociation(picture: NinjsPicture, position: number, version: NinjsVersion): Json {
  const { use, photo } = picture;
  const metadata = photo?.metadata;
  const descriptions = [
    { role: 'caption', value: text(use.caption) },
    { role: 'creditline', value: text(use.credit) },
    { role: 'alternative', value: text(use.altText) },
  ].filter((description): description is { role: string; value: string } => description.value !== undefined);
  return compact({
    name: pictureName(use, position),
    rel: version === '3.1' ? (use.where === 'lead' ? 'lead' : 'inline') : undefined,
    uri: photoUri(use.photoId),
    type: 'picture',
    representationtype: 'partial',
    headlines: text(metadata?.headline) ? [{ role: 'main', value: text(metadata?.headline) }] : undefined,
    descriptions,
    by: text(metadata?.creator),
    copyrightnotice: text(metadata?.copyright),
    usageterms: text(metadata?.usageTerms),
    located: locatedOf(metadata),
    // Agencies cite the transmission reference in kill and correction notices.
    altids: text(metadata?.transmissionReference) ? [{ role: 'transmissionreference', value: text(metadata?.transmissionReference) }] : undefined,
    renditions: picture.href ? [rendition(picture)] : undefined,
  });
}

/** The document in 2.2's field names. */
function ninjs22(input: NinjsInput, version: NinjsVersion): Json {
  const { article, bodyHtml, pictures, placement, uri, now, mode } = input;
  const authors = article.byline.map((author) => author.name.trim()).filter(Boolean);
  const bodyText = plainTextOf(article.body);
  const subjects = [
    ...uniqueByName([article.section]).map((name) => ({ name, rel: 'section' })),
    ...uniqueByName(article.tags).map((name) => ({ name, rel: 'tag' })),
  ];
  return compact({
    uri,
    standard: { name: 'ninjs', version, schema: SCHEMA_URIS[version] },
    type: input.video ? 'video' : 'text',
    representationtype: 'full',
    firstcreated: article.createdAt,
    versioncreated: article.updatedAt,
    embargoed: notBefore(placement),
    expires: placement?.expiresAt ?? undefined,
    pubstatus: pubStatus(placement, mode, now),
    language: text(input.language),
    slugline: text(article.slug),
    headlines: text(article.headline) ? [{ role: 'main', value: article.headline.trim() }] : undefined,
    descriptions: text(article.dek) ? [{ role: 'summary', value: article.dek.trim() }] : undefined,
    by: byStatement(authors),
    people: authors.map((name) => ({ name, rel: 'author' })),
    subjects,
    bodies: [{ contenttype: 'text/html', charcount: [...bodyText].length, wordcount: countWords(bodyText), value: bodyHtml }],
    renditions: input.video ? [videoRendition(input.video)] : undefined,
    associations: [...pictures.map((picture, i) => pictureAssociation(picture, i + 1, version)), ...avatarAssociations(input.avatars ?? [], version, uri)],
  });
}

/** Renames 2.2's lowercase field names to 3.1's camelCase ones, at every depth (values untouched). */
function renameFor31(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(renameFor31);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [V31_NAMES[key] ?? key, renameFor31(inner)]));
}

/** The article as a ninjs document of the given version. */
export function toNinjs(version: NinjsVersion, input: NinjsInput): Json {
  const document = ninjs22(input, version);
  return version === '3.1' ? (renameFor31(document) as Json) : document;
}
