import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeHtmlExport } from '../../../electron/main/services/publishing/export/html-export';
import { writeNinjsExport } from '../../../electron/main/services/publishing/export/ninjs-export';
import type { Author } from '../../../shared/model/article';
import { UserFacingError } from '../../../shared/model/errors';
import { NINJS_VERSIONS, type NinjsVersion } from '../../../shared/model/publishing';
import { bylineHtml } from '../../../shared/rules/article-html';
import { bylineAvatars } from '../../../shared/rules/author-avatars';
import { toNinjs } from '../../../shared/rules/ninjs';
import { ninjsAvatarsOf } from '../../../shared/rules/ninjs-avatars';
import { body, paragraph, text } from '../shared/photo-fixtures';
import { NOW, fullArticle } from './publishing-fixtures';

/** A 1×1 PNG and a few JPEG-looking bytes: the export copies bytes, it does not decode them. */
const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const JPEG_BYTES = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
const dataUrl = (type: string, bytes: Buffer): string => `data:image/${type};base64,${bytes.toString('base64')}`;

const BYLINE: Author[] = [
  { name: 'Lucy Pakhnyuk', role: 'News Editor', avatar: dataUrl('png', PNG_BYTES) },
  { name: 'Sam Reporter', role: '', avatar: null },
  { name: 'Lucy  Pakhnyuk', role: 'Photographer', avatar: dataUrl('jpeg', JPEG_BYTES) },
];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsdesk-avatars-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const noPhotos = async (id: string): Promise<void> => {
  throw new UserFacingError('not-found', `No file for ${id}`);
};

function validatorFor(version: NinjsVersion): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' });
  return ajv.compile(JSON.parse(readFileSync(join(__dirname, `../../standards/ninjs/ninjs-schema_${version}.json`), 'utf8')));
}

type Association = { name: string; type: string; rel?: string; headlines?: { value: string }[]; descriptions?: { role: string; value: string }[]; renditions?: Record<string, unknown>[] };

describe('avatars of the byline', () => {
  it('names each avatar file after its author, never twice, and skips authors without one', () => {
    expect(bylineAvatars(BYLINE).map((avatar) => [avatar.index, avatar.fileName, avatar.image.contentType])).toEqual([
      [0, 'avatar-lucy-pakhnyuk.png', 'image/png'],
      [2, 'avatar-lucy-pakhnyuk.jpg', 'image/jpeg'],
    ]);
    const twins: Author[] = [BYLINE[0]!, { ...BYLINE[0]!, role: 'Editor' }];
    expect(bylineAvatars(twins).map((avatar) => avatar.fileName)).toEqual(['avatar-lucy-pakhnyuk.png', 'avatar-lucy-pakhnyuk-2.png']);
    expect(Buffer.from(bylineAvatars(BYLINE)[0]!.image.bytes).equals(PNG_BYTES)).toBe(true);
  });

  it('leaves the byline line sent to a site without images unless asked for them', () => {
    expect(bylineHtml(BYLINE)).not.toContain('<img');
    expect(bylineHtml(BYLINE, (index) => (index === 0 ? 'a "b".png' : null))).toContain('<span class="author"><img class="avatar" src="a &quot;b&quot;.png" alt="" width="48" height="48">Lucy Pakhnyuk</span>');
  });
});

describe('HTML export with avatars', () => {
  it('writes each avatar beside the page and shows it on the author card', async () => {
    const article = fullArticle({ byline: BYLINE, leadPhoto: null, body: body(paragraph(text('Words.'))) });
    const destination = join(dir, 'story.html');
    await writeHtmlExport({ article, photos: new Map(), copyPhoto: noPhotos, destination });

    expect((await readdir(join(dir, 'story_files'))).sort()).toEqual(['avatar-lucy-pakhnyuk.jpg', 'avatar-lucy-pakhnyuk.png']);
    expect((await readFile(join(dir, 'story_files', 'avatar-lucy-pakhnyuk.png'))).equals(PNG_BYTES)).toBe(true);
    expect((await readFile(join(dir, 'story_files', 'avatar-lucy-pakhnyuk.jpg'))).equals(JPEG_BYTES)).toBe(true);
    const page = parseDocument(await readFile(destination, 'utf8'));
    const byline = DomUtils.findOne((element) => element.attribs.class === 'byline', page.children)!;
    const avatars = DomUtils.findAll((element) => element.name === 'img', [byline]);
    expect(avatars.map((img) => [img.attribs.class, img.attribs.src, img.attribs.alt])).toEqual([
      ['avatar', 'story_files/avatar-lucy-pakhnyuk.png', ''],
      ['avatar', 'story_files/avatar-lucy-pakhnyuk.jpg', ''],
    ]);
    expect(DomUtils.textContent(byline)).toBe('By Lucy Pakhnyuk, News Editor; Sam Reporter; Lucy  Pakhnyuk, Photographer');
  });
});

describe.each(NINJS_VERSIONS)('ninjs %s with avatars', (version) => {
  const validate = validatorFor(version);
  const contentType = version === '3.1' ? 'contentType' : 'contenttype';

  it('carries each avatar as an author-avatar picture with the card line, valid against the schema', async () => {
    const article = fullArticle({ byline: BYLINE });
    const destination = join(dir, 'story.json');
    await writeNinjsExport({ article, version, photos: new Map(), placement: null, copyPhoto: noPhotos, destination, now: NOW });
    const document = JSON.parse(await readFile(destination, 'utf8')) as { associations: Association[] };
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    const avatars = document.associations.filter((association) => association.name.startsWith('author-avatar'));
    expect(avatars.map((avatar) => [avatar.name, avatar.type, avatar.headlines?.[0]?.value, avatar.descriptions?.[0]?.value, avatar.renditions?.[0]?.href, avatar.renditions?.[0]?.[contentType]])).toEqual([
      ['author-avatar-1', 'picture', 'Lucy Pakhnyuk', 'Lucy Pakhnyuk, News Editor', pathToFileURL(join(dir, 'story_files', 'avatar-lucy-pakhnyuk.png')).href, 'image/png'],
      ['author-avatar-2', 'picture', 'Lucy  Pakhnyuk', 'Lucy  Pakhnyuk, Photographer', pathToFileURL(join(dir, 'story_files', 'avatar-lucy-pakhnyuk.jpg')).href, 'image/jpeg'],
    ]);
    if (version === '3.1') expect(avatars.every((avatar) => avatar.rel === 'author-avatar')).toBe(true);
    expect((await readFile(join(dir, 'story_files', 'avatar-lucy-pakhnyuk.png'))).equals(PNG_BYTES)).toBe(true);
  });

  it('sends the avatar as its data: URL to an endpoint, still valid', () => {
    const article = fullArticle({ byline: BYLINE });
    const document = toNinjs(version, {
      article,
      bodyHtml: '<p>Words.</p>',
      pictures: [],
      avatars: ninjsAvatarsOf(article.byline, (avatar) => avatar.author.avatar),
      placement: null,
      uri: 'urn:newsdesk:article:test',
      now: NOW,
      mode: 'publish',
    }) as { associations: Association[] };
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(document.associations.map((association) => association.renditions?.[0]?.href)).toEqual([BYLINE[0]!.avatar, BYLINE[2]!.avatar]);
  });
});
