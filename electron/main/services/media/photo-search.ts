import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import { PhotoQuery, type PhotoFilter, type PhotoPage } from '../../../../shared/model/media-library';
import { UserFacingError } from '../../../../shared/model/errors';
import type { Photo } from '../../../../shared/model/photo';
import type { CreditStyle } from '../../../../shared/model/settings';
import { buildCredit } from '../../../../shared/rules/credit';
import { disagreeingFields } from '../../../../shared/rules/metadata-agreement';
import { findRestrictions } from '../../../../shared/rules/rights';

/**
 * The library view's search: MiniSearch over the words a photo desk looks for (caption, credit as
 * found and in house style, creator, keywords, headline, title, file name), plus the "missing
 * credit", "has usage restrictions" and "metadata disagrees" filters. The index lives in memory only: a library of a few
 * thousand photos indexes in well under a second, so there is no cache file to keep in step.
 */
interface PhotoDoc {
  id: string;
  description: string;
  creditLine: string;
  houseCredit: string;
  creator: string;
  keywords: string;
  headline: string;
  title: string;
  /** Sub-location, city, province/state, country and country code. */
  place: string;
  transmissionReference: string;
  extendedDescription: string;
  fileName: string;
}

function processTerm(term: string): string | null {
  const folded = term.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return folded === '' ? null : folded;
}

const OPTIONS: Options<PhotoDoc> = {
  fields: ['description', 'creditLine', 'houseCredit', 'creator', 'keywords', 'headline', 'title', 'place', 'transmissionReference', 'extendedDescription', 'fileName'],
  storeFields: [],
  processTerm,
  // File names ("AFP_34XY7Q.jpg") split on punctuation too, so "34xy7q" finds the file.
  tokenize: (text) => text.split(/[\s\p{P}\p{S}]+/u).filter(Boolean),
};

/**
 * Every word must match, as in the draft search. A library is small, so every word matches as a
 * prefix (the word being typed) and words of 4+ letters tolerate one typo.
 */
const QUERY_OPTIONS: SearchOptions = {
  combineWith: 'AND',
  prefix: true,
  fuzzy: (term) => (term.length >= 4 ? 1 : false),
  boost: { creator: 2, creditLine: 2, houseCredit: 2, keywords: 1.5, headline: 1.5 },
};

export class PhotoSearch {
  private index = new MiniSearch<PhotoDoc>(OPTIONS);
  /** The house style the index's credits were built with; a change in settings rebuilds it. */
  private indexedStyle = '';

  constructor(
    private readonly photos: ReadonlyMap<string, Photo>,
    private readonly creditStyle: () => CreditStyle,
  ) {}

  upsert(photo: Photo): void {
    this.rebuildIfStyleChanged();
    if (this.index.has(photo.id)) this.index.discard(photo.id);
    this.index.add(this.docOf(photo, this.creditStyle()));
  }

  /** A photo that left the library (to the trash). */
  remove(id: string): void {
    if (this.index.has(id)) this.index.discard(id);
  }

  list(input: PhotoQuery): PhotoPage {
    const parsed = PhotoQuery.safeParse(input);
    if (!parsed.success) throw new UserFacingError('invalid-request', 'The photo list was asked for with an invalid search or filter.');
    const query = parsed.data;
    const text = query.text.trim();
    let pool: Photo[];
    if (text === '') {
      pool = [...this.photos.values()].sort(newestFirst);
    } else {
      this.rebuildIfStyleChanged();
      pool = this.index.search(text, QUERY_OPTIONS).flatMap((hit) => this.photos.get(String(hit.id)) ?? []);
    }
    const matches = query.filter === 'all' ? pool : pool.filter(filterOf(query.filter, this.creditStyle()));
    return { items: matches.slice(query.offset, query.offset + query.limit), total: matches.length };
  }

  private rebuildIfStyleChanged(): void {
    const style = this.creditStyle();
    const key = JSON.stringify(style);
    if (key === this.indexedStyle) return;
    this.indexedStyle = key;
    this.index = new MiniSearch<PhotoDoc>(OPTIONS);
    this.index.addAll([...this.photos.values()].map((photo) => this.docOf(photo, style)));
  }

  private docOf(photo: Photo, style: CreditStyle): PhotoDoc {
    const { metadata } = photo;
    return {
      id: photo.id,
      description: metadata.description,
      creditLine: metadata.creditLine,
      houseCredit: buildCredit(metadata, style).text,
      creator: metadata.creator,
      keywords: metadata.keywords.join('\n'),
      headline: metadata.headline,
      title: metadata.title,
      place: [metadata.sublocation, metadata.city, metadata.state, metadata.country, metadata.countryCode].join('\n'),
      transmissionReference: metadata.transmissionReference,
      extendedDescription: metadata.extendedDescription,
      fileName: photo.fileName,
    };
  }
}

function newestFirst(a: Photo, b: Photo): number {
  if (a.importedAt !== b.importedAt) return Date.parse(b.importedAt) - Date.parse(a.importedAt);
  return a.id < b.id ? -1 : 1;
}

function filterOf(filter: Exclude<PhotoFilter, 'all'>, style: CreditStyle): (photo: Photo) => boolean {
  if (filter === 'missing-credit') return (photo) => buildCredit(photo.metadata, style).text === '';
  if (filter === 'disagrees') return (photo) => disagreeingFields(photo.embedded).length > 0;
  return (photo) => findRestrictions(photo.metadata).length > 0;
}
