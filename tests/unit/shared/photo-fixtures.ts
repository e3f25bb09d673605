import { Article, ARTICLE_SCHEMA_VERSION, type LexicalDocument } from '../../../shared/model/article';
import { EMPTY_PHOTO_METADATA, Photo, PHOTO_FIELDS, PHOTO_SCHEMA_VERSION, type FieldSources, type PhotoMetadata } from '../../../shared/model/photo';
import { IMAGE_NODE_TYPE, type ImageNodeJson, type PhotoUse } from '../../../shared/model/photo-use';

/** A photo id (64 hex digits) made from one digit, so tests can tell photos apart at a glance. */
export function photoId(digit: string): string {
  return digit.repeat(64);
}

/** A valid library photo; checked against the schema so the tests use data the app could hold. */
export function makePhoto(digit: string, metadata: Partial<PhotoMetadata> = {}, fileName = `photo-${digit}.jpg`): Photo {
  const sources = Object.fromEntries(PHOTO_FIELDS.map((field) => [field, 'none'])) as FieldSources;
  return Photo.parse({
    schemaVersion: PHOTO_SCHEMA_VERSION,
    id: photoId(digit),
    fileName,
    format: 'jpeg',
    width: 1200,
    height: 800,
    bytes: 123_456,
    importedAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    metadata: { ...EMPTY_PHOTO_METADATA, ...metadata },
    sources,
    embedded: { xmp: {}, iim: {}, exif: {} },
    metadataWarnings: [],
  });
}

export function photoMap(...photos: Photo[]): Map<string, Photo> {
  return new Map(photos.map((photo) => [photo.id, photo]));
}

export function imageNode(photo: string, use: Partial<ImageNodeJson> = {}): ImageNodeJson {
  return {
    type: IMAGE_NODE_TYPE,
    version: 1,
    photoId: photo,
    altText: 'A crowd in a square',
    credit: 'Jane Doe/AFP',
    creditEdited: false,
    width: 'regular',
    caption: { root: { type: 'root', version: 1, children: [] } },
    captionText: 'A caption',
    ...use,
  };
}

export function paragraph(...children: Record<string, unknown>[]): Record<string, unknown> {
  return { type: 'paragraph', version: 1, format: '', indent: 0, direction: null, children };
}

export function text(value: string): Record<string, unknown> {
  return { type: 'text', version: 1, text: value, format: 0, mode: 'normal', style: '', detail: 0 };
}

export function body(...children: Record<string, unknown>[]): LexicalDocument {
  return { root: { type: 'root', version: 1, format: '', indent: 0, direction: null, children: children as LexicalDocument['root']['children'] } };
}

export function makeArticle(parts: { body?: LexicalDocument; leadPhoto?: PhotoUse | null } = {}): Article {
  return Article.parse({
    schemaVersion: ARTICLE_SCHEMA_VERSION,
    id: 'article-0001',
    slug: 'floods-in-the-north',
    slugEdited: false,
    headline: 'Floods in the north',
    dek: '',
    body: parts.body ?? body(paragraph(text('Water rose overnight.'))),
    byline: [],
    leadPhoto: parts.leadPhoto ?? null,
    section: 'News',
    tags: [],
    status: 'draft',
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
  });
}

export function leadUse(photo: string, use: Partial<PhotoUse> = {}): PhotoUse {
  return { photoId: photo, caption: 'Lead caption', credit: 'Jane Doe/AFP', creditEdited: false, altText: 'Flooded street', ...use };
}
