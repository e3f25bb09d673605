import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/model/article';
import type { Placement } from '../../../shared/model/placement';
import { NINJS_VERSIONS, type NinjsVersion, type PublishMode } from '../../../shared/model/publishing';
import { articleBodyHtml } from '../../../shared/rules/article-html';
import { ninjsPicturesOf, photoUri, toNinjs } from '../../../shared/rules/ninjs';
import { body, makePhoto, paragraph, text } from '../shared/photo-fixtures';
import { NOW, fullArticle, inlineOne, inlineTwo, leadPhoto, placementOf } from './publishing-fixtures';

const SCHEMA_FOLDER = join(__dirname, '../../standards/ninjs');

/**
 * IPTC's schemas, compiled once per version. Both refer to the GeoJSON schema for `places[].geoJSON`,
 * which the export never writes; a stand-in accepting any object keeps the tests offline.
 */
function validatorFor(version: NinjsVersion): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' });
  return ajv.compile(JSON.parse(readFileSync(join(SCHEMA_FOLDER, `ninjs-schema_${version}.json`), 'utf8')));
}
const validators = Object.fromEntries(NINJS_VERSIONS.map((version) => [version, validatorFor(version)])) as Record<NinjsVersion, ValidateFunction>;

const photos = new Map([leadPhoto, inlineOne, inlineTwo].map((photo) => [photo.id, photo]));

function documentFor(version: NinjsVersion, article: Article, options: { placement?: Placement | null; mode?: PublishMode } = {}) {
  const document = toNinjs(version, {
    article,
    bodyHtml: articleBodyHtml(article.body, { photoSrc: (id) => `https://cdn.example.com/${id}.jpg` }),
    pictures: ninjsPicturesOf(article, photos, (id) => `https://cdn.example.com/${id}.jpg`),
    placement: options.placement ?? null,
    uri: `urn:newsdesk:article:${article.id}`,
    now: NOW,
    mode: options.mode ?? 'publish',
    language: 'en',
  });
  const valid = validators[version](document);
  expect(validators[version].errors ?? [], `ninjs ${version} document is valid`).toEqual([]);
  expect(valid).toBe(true);
  // The export never writes geoJSON, so the stand-in schema above cannot hide an error.
  expect(JSON.stringify(document)).not.toContain('geoJSON');
  return document as Record<string, unknown> & { associations?: Record<string, unknown>[] };
}

type Description = { role: string; value: string };
const descriptionsOf = (item: Record<string, unknown>): Description[] => (item.descriptions ?? []) as Description[];
const role = (item: Record<string, unknown>, name: string) => descriptionsOf(item).find((entry) => entry.role === name)?.value;

describe.each(NINJS_VERSIONS)('ninjs %s', (version) => {
  const v31 = version === '3.1';
  const field = (lower: string, camel: string) => (v31 ? camel : lower);

  it('carries a full article with a lead and two inline photos, each with caption and credit line', () => {
    const article = fullArticle();
    const document = documentFor(version, article, { placement: placementOf(article, { expiresAt: '2026-11-28T18:00:00.000Z' }) });
    expect(document).toMatchObject({
      uri: `urn:newsdesk:article:${article.id}`,
      type: 'text',
      language: 'en',
      headlines: [{ role: 'main', value: 'Floods in the north' }],
      descriptions: [{ role: 'summary', value: 'Hundreds leave their homes as the river bursts its banks.' }],
      by: 'Sam Reporter',
      people: [{ name: 'Sam Reporter', rel: 'author' }],
      subjects: [
        { name: 'News', rel: 'section' },
        { name: 'Floods', rel: 'tag' },
        { name: 'Weather', rel: 'tag' },
      ],
      expires: '2026-11-28T18:00:00.000Z',
      [field('pubstatus', 'pubStatus')]: 'usable',
      [field('firstcreated', 'firstCreated')]: article.createdAt,
      [field('versioncreated', 'versionCreated')]: article.updatedAt,
      standard: { name: 'ninjs', version },
    });
    const [bodyEntry] = document.bodies as Record<string, unknown>[];
    expect(bodyEntry).toMatchObject({ [field('contenttype', 'contentType')]: 'text/html', [field('wordcount', 'wordCount')]: 10 });
    expect(String(bodyEntry?.value)).toContain('<a href="https://example.com/report">the report says</a>');
    expect(String(bodyEntry?.value)).toContain('<figcaption>');

    const pictures = document.associations ?? [];
    expect(pictures.map((picture) => [picture.name, picture.uri, picture.type])).toEqual([
      ['lead-photo', photoUri(leadPhoto.id), 'picture'],
      ['body-photo-1', photoUri(inlineOne.id), 'picture'],
      ['body-photo-2', photoUri(inlineTwo.id), 'picture'],
    ]);
    expect(pictures.map((picture) => [role(picture, 'caption'), role(picture, 'creditline'), role(picture, 'alternative')])).toEqual([
      ['Water in the high street', 'Jane Doe/AFP', 'A flooded street'],
      ['Rescuers at work', 'Yves Herman/REUTERS', 'Rescuers in a boat'],
      ['The river at dawn', 'Ann Lee', 'A swollen river'],
    ]);
    expect(pictures.map((picture) => picture.by)).toEqual(['Jane Doe', 'Yves Herman', 'Ann Lee']);
    expect(pictures[0]).toMatchObject({
      [field('copyrightnotice', 'copyrightNotice')]: '© AFP 2026',
      headlines: [{ role: 'main', value: 'Flooded high street' }],
      renditions: [
        {
          name: 'original',
          href: `https://cdn.example.com/${leadPhoto.id}.jpg`,
          [field('contenttype', 'contentType')]: 'image/jpeg',
          width: 1200,
          height: 800,
          [field('sizeinbytes', 'sizeInBytes')]: 123_456,
        },
      ],
    });
    if (v31) expect(pictures.map((picture) => picture.rel)).toEqual(['lead', 'inline', 'inline']);
    else expect(pictures.some((picture) => 'rel' in picture)).toBe(false);
  });

  it('withholds a draft and leaves out what it does not have', () => {
    const article = fullArticle({ status: 'draft', dek: '', tags: [], byline: [], leadPhoto: null, body: body(paragraph(text('Notes.'))) });
    const document = documentFor(version, article, { mode: 'draft' });
    expect(document[field('pubstatus', 'pubStatus')]).toBe('withheld');
    expect(document).not.toHaveProperty('descriptions');
    expect(document).not.toHaveProperty('by');
    expect(document).not.toHaveProperty('people');
    expect(document).not.toHaveProperty(field('embargoed', 'embargoedUntil'));
  });

  it('carries the embargo and withholds the story until it lifts', () => {
    const article = fullArticle();
    const placement = placementOf(article, { embargoUntil: '2026-06-03T00:01:00.000Z' });
    const document = documentFor(version, article, { placement });
    expect(document[field('embargoed', 'embargoedUntil')]).toBe('2026-06-03T00:01:00.000Z');
    expect(document[field('pubstatus', 'pubStatus')]).toBe('withheld');
    if (v31) expect(document).not.toHaveProperty('embargoed');
    const scheduled = placementOf(article, { publish: { mode: 'scheduled', at: '2026-06-05T07:00:00.000Z' }, embargoUntil: '2026-06-03T00:01:00.000Z' });
    expect(documentFor(version, article, { placement: scheduled })[field('embargoed', 'embargoedUntil')]).toBe('2026-06-05T07:00:00.000Z');
    const lifted = placementOf(article, { embargoUntil: '2026-05-01T00:00:00.000Z' });
    expect(documentFor(version, article, { placement: lifted })[field('pubstatus', 'pubStatus')]).toBe('usable');
  });

  it('sends the embargo and the schedule even when this computer thinks they have passed: the receiver\'s clock decides', () => {
    const article = fullArticle();
    const lifted = placementOf(article, { embargoUntil: '2026-06-01T11:30:00.000Z' });
    expect(documentFor(version, article, { placement: lifted })[field('embargoed', 'embargoedUntil')]).toBe('2026-06-01T11:30:00.000Z');
    const due = placementOf(article, { publish: { mode: 'scheduled', at: '2026-06-01T11:45:00.000Z' } });
    expect(documentFor(version, article, { placement: due })[field('embargoed', 'embargoedUntil')]).toBe('2026-06-01T11:45:00.000Z');
    expect(documentFor(version, article, { placement: placementOf(article) })).not.toHaveProperty(field('embargoed', 'embargoedUntil'));
  });

  it('carries an article with no photos without associations', () => {
    const article = fullArticle({ leadPhoto: null, body: body(paragraph(text('Just words.'))) });
    const document = documentFor(version, article);
    expect(document).not.toHaveProperty('associations');
    expect((document.bodies as { value: string }[])[0]?.value).toBe('<p>Just words.</p>\n');
  });

  it('keeps a picture whose library record is gone, with the use’s caption and credit', () => {
    const article = fullArticle();
    const document = toNinjs(version, {
      article,
      bodyHtml: '',
      pictures: [{ use: { photoId: leadPhoto.id, caption: 'Caption', credit: 'Credit', altText: 'Alt' }, photo: undefined, href: 'https://cdn.example.com/x.jpg' }],
      placement: null,
      uri: 'urn:newsdesk:article:x',
      now: NOW,
      mode: 'publish',
    });
    expect(validators[version](document)).toBe(true);
    const [picture] = document.associations as Record<string, unknown>[];
    expect(picture).toMatchObject({ name: 'photo-1', renditions: [{ name: 'original', href: 'https://cdn.example.com/x.jpg' }] });
    expect([role(picture!, 'caption'), role(picture!, 'creditline')]).toEqual(['Caption', 'Credit']);
  });

  it('carries where a picture was taken and its transmission reference, when the photo has them', () => {
    const placed = makePhoto('4', {
      creator: 'Maria Kovalenko',
      creditLine: 'REUTERS',
      sublocation: 'Port of Odesa',
      city: 'Odesa',
      state: 'Odesa Oblast',
      country: 'Ukraine',
      countryCode: 'UKR',
      transmissionReference: 'RC2X4A9ZQ1B8',
    });
    const article = fullArticle();
    const document = toNinjs(version, {
      article,
      bodyHtml: '',
      pictures: [{ use: { photoId: placed.id, caption: 'Caption', credit: 'Credit', altText: 'Alt', where: 'lead' }, photo: placed, href: '' }],
      placement: null,
      uri: 'urn:newsdesk:article:x',
      now: NOW,
      mode: 'publish',
    });
    expect(validators[version](document), JSON.stringify(validators[version].errors)).toBe(true);
    const [picture] = document.associations as Record<string, unknown>[];
    expect(picture).toMatchObject({
      located: 'Port of Odesa, Odesa, Odesa Oblast, Ukraine (UKR)',
      [field('altids', 'altIds')]: [{ role: 'transmissionreference', value: 'RC2X4A9ZQ1B8' }],
    });
    const bare = toNinjs(version, { ...{ article, bodyHtml: '', placement: null, uri: 'urn:x:y', now: NOW, mode: 'publish' as const }, pictures: [{ use: { photoId: leadPhoto.id, caption: 'C', credit: 'C', altText: 'A' }, photo: leadPhoto, href: '' }] });
    const [plain] = bare.associations as Record<string, unknown>[];
    expect(plain).not.toHaveProperty('located');
    expect(plain).not.toHaveProperty(field('altids', 'altIds'));
  });
});
