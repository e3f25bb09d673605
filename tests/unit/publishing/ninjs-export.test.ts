import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { copyFileSync as copyFile, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { articleNinjsUri, writeNinjsExport } from '../../../electron/main/services/publishing/export/ninjs-export';
import { UserFacingError } from '../../../shared/model/errors';
import { NINJS_VERSIONS, type NinjsVersion } from '../../../shared/model/publishing';
import { photoUri } from '../../../shared/rules/ninjs';
import { body, imageNode, paragraph, text } from '../shared/photo-fixtures';
import { NOW, fullArticle, inlineOne, inlineTwo, leadPhoto, placementOf } from './publishing-fixtures';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function workspace(): { library: string; out: string } {
  const root = mkdtempSync(join(tmpdir(), 'newsdesk-ninjs-export-'));
  folders.push(root);
  const library = join(root, 'library');
  const out = join(root, 'out dir');
  mkdirSync(library);
  mkdirSync(out);
  return { library, out };
}

function schemaValidator(version: NinjsVersion) {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' });
  return ajv.compile(JSON.parse(readFileSync(join(__dirname, `../../standards/ninjs/ninjs-schema_${version}.json`), 'utf8')));
}

type Association = { name: string; uri: string; renditions?: { href: string }[]; descriptions: { role: string; value: string }[] };

describe.each(NINJS_VERSIONS)('writeNinjsExport (ninjs %s)', (version) => {
  it('writes the document and copies each picture once beside it, with relative hrefs', async () => {
    const { library, out } = workspace();
    const files = new Map<string, string>();
    for (const photo of [leadPhoto, inlineOne, inlineTwo]) {
      const file = join(library, `${photo.id}.jpg`);
      writeFileSync(file, `picture ${photo.id}`);
      files.set(photo.id, file);
    }
    const article = fullArticle({
      body: body(paragraph(text('Words.')), imageNode(inlineOne.id), imageNode(inlineTwo.id), imageNode(inlineOne.id, { captionText: 'Again' })),
    });
    const destination = join(out, 'floods story.json');
    const fileUrl = (name: string): string => pathToFileURL(join(out, 'floods story_files', name)).href;
    const result = await writeNinjsExport({
      article,
      version,
      photos: new Map([leadPhoto, inlineOne, inlineTwo].map((photo) => [photo.id, photo])),
      placement: placementOf(article, { embargoUntil: '2026-06-03T00:00:00.000Z' }),
      copyPhoto: async (id, target) => {
        const source = files.get(id);
        if (source === undefined) throw new UserFacingError('not-found', 'gone');
        await copyFile(source, target);
      },
      destination,
      now: NOW,
    });

    expect(result).toEqual({ path: destination, photos: 3 });
    const raw = readFileSync(destination, 'utf8');
    expect(raw.startsWith('{\n  "uri": ')).toBe(true);
    expect(readdirSync(out).sort()).toEqual(['floods story.json', 'floods story_files']);
    expect(readdirSync(join(out, 'floods story_files')).sort()).toEqual(['inline-one.jpg', 'inline-two.jpg', 'lead.jpg']);
    expect(readFileSync(join(out, 'floods story_files', 'lead.jpg'), 'utf8')).toBe(`picture ${leadPhoto.id}`);

    const document = JSON.parse(raw) as Record<string, unknown>;
    expect(document.uri).toBe(articleNinjsUri(article.id));
    expect(document[version === '3.1' ? 'embargoedUntil' : 'embargoed']).toBe('2026-06-03T00:00:00.000Z');
    const pictures = document.associations as Association[];
    expect(pictures.map((picture) => [picture.name, picture.renditions?.[0]?.href])).toEqual([
      ['lead-photo', fileUrl('lead.jpg')],
      ['body-photo-1', fileUrl('inline-one.jpg')],
      ['body-photo-2', fileUrl('inline-two.jpg')],
      ['body-photo-3', fileUrl('inline-one.jpg')],
    ]);
    for (const picture of pictures) {
      expect(picture.descriptions.map((entry) => entry.role)).toEqual(expect.arrayContaining(['caption', 'creditline']));
      const file = new URL(picture.renditions?.[0]?.href ?? '');
      expect(existsSync(file)).toBe(true);
    }
    const html = (document.bodies as { value: string }[])[0]?.value ?? '';
    expect(html).toContain('src="floods%20story_files/inline-one.jpg"');

    const validate = schemaValidator(version);
    // Validated exactly as written: the file's hrefs are absolute URIs, as the schema requires.
    validate(document);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('keeps the caption and credit of a picture whose file is gone, without a rendition', async () => {
    const { out } = workspace();
    const article = fullArticle({ body: body(paragraph(text('Words.'))) });
    const destination = join(out, 'story.json');
    const result = await writeNinjsExport({
      article,
      version,
      photos: new Map([[leadPhoto.id, leadPhoto]]),
      placement: null,
      copyPhoto: async () => {
        throw new UserFacingError('not-found', 'gone');
      },
      destination,
      now: NOW,
      mode: 'draft',
    });
    expect(result.photos).toBe(0);
    expect(readdirSync(out)).toEqual(['story.json']);
    const document = JSON.parse(readFileSync(destination, 'utf8')) as Record<string, unknown>;
    const [picture] = document.associations as Association[];
    expect(picture).toMatchObject({ name: 'lead-photo', uri: photoUri(leadPhoto.id) });
    expect(picture).not.toHaveProperty('renditions');
    expect(picture?.descriptions).toEqual(expect.arrayContaining([{ role: 'creditline', value: 'Jane Doe/AFP' }]));
    expect(document[version === '3.1' ? 'pubStatus' : 'pubstatus']).toBe('withheld');
    const validate = schemaValidator(version);
    expect(validate(document)).toBe(true);
  });
});
