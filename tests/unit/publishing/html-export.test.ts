import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filesFolderName, writeHtmlExport } from '../../../electron/main/services/publishing/export/html-export';
import { UserFacingError } from '../../../shared/model/errors';
import type { Photo } from '../../../shared/model/photo';
import { body, imageNode, makePhoto, paragraph, photoMap, text } from '../shared/photo-fixtures';
import { fullArticle, inlineOne, inlineTwo, leadPhoto } from './publishing-fixtures';

let dir: string;
let library: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsdesk-html-export-'));
  library = join(dir, 'library');
  await writeFile(join(dir, '.keep'), '');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Original files for the photos, each with its own bytes so copies can be told apart. */
async function originals(...photos: Photo[]): Promise<(id: string) => Promise<string | null>> {
  await mkdir(library, { recursive: true });
  const files = new Map<string, string>();
  for (const photo of photos) {
    const path = join(library, `${photo.id}.jpg`);
    await writeFile(path, `picture ${photo.id}`);
    files.set(photo.id, path);
  }
  return async (id) => files.get(id) ?? null;
}

/** The library's copy, as the app passes it: here a plain copy of the stand-in original. */
function copyFrom(files: (id: string) => Promise<string | null>) {
  return async (id: string, destination: string): Promise<void> => {
    const source = await files(id);
    if (source === null) throw new UserFacingError('not-found', `No file for ${id}`);
    await copyFile(source, destination);
  };
}

function imageSources(html: string): string[] {
  return DomUtils.findAll((element) => element.name === 'img', parseDocument(html).children).map((img) => img.attribs.src ?? '');
}

describe('writeHtmlExport', () => {
  it('writes the page and copies the lead and inline photos beside it with relative paths', async () => {
    const article = fullArticle();
    const files = await originals(leadPhoto, inlineOne, inlineTwo);
    const destination = join(dir, 'floods.html');
    const result = await writeHtmlExport({ article, photos: photoMap(leadPhoto, inlineOne, inlineTwo), copyPhoto: copyFrom(files), destination });

    expect(result).toEqual({ path: destination, photos: 3 });
    const html = await readFile(destination, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<h1>Floods in the north</h1>');
    expect(html).toContain('<figcaption>Water in the high street <span class="credit">(Jane Doe/AFP)</span></figcaption>');
    expect(html).toContain('<figcaption>Rescuers at work <span class="credit">(Yves Herman/REUTERS)</span></figcaption>');

    expect(imageSources(html)).toEqual(['floods_files/lead.jpg', 'floods_files/inline-one.jpg', 'floods_files/inline-two.jpg']);
    expect((await readdir(join(dir, 'floods_files'))).sort()).toEqual(['inline-one.jpg', 'inline-two.jpg', 'lead.jpg']);
    expect(await readFile(join(dir, 'floods_files', 'lead.jpg'), 'utf8')).toBe(`picture ${leadPhoto.id}`);
    expect(await readFile(join(dir, 'floods_files', 'inline-two.jpg'), 'utf8')).toBe(`picture ${inlineTwo.id}`);
    // No temp files left behind by the atomic writes.
    expect((await readdir(dir)).sort()).toEqual(['.keep', 'floods.html', 'floods_files', 'library']);
  });

  it('names pictures safely and uniquely, and encodes the folder name in the page', async () => {
    const first = makePhoto('4', { title: 'Ignored' }, '../../etc/Passwd.JPG');
    const second = makePhoto('5', {}, 'etc passwd.jpeg');
    const third = makePhoto('6', { title: 'Élysée at night' }, '日本.png');
    const png: Photo = { ...third, format: 'png' };
    const article = { ...fullArticle(), leadPhoto: null, body: body(imageNode(first.id), imageNode(second.id), imageNode(png.id), imageNode(first.id)) };
    const files = await originals(first, second, png);
    const destination = join(dir, 'Story: «one».html');
    const result = await writeHtmlExport({ article, photos: photoMap(first, second, png), copyPhoto: copyFrom(files), destination });

    expect(result.photos).toBe(3);
    expect(filesFolderName(destination)).toBe('Story: «one»_files');
    expect((await readdir(join(dir, 'Story: «one»_files'))).sort()).toEqual(['elysee-at-night.png', 'etc-passwd-2.jpg', 'etc-passwd.jpg']);
    const folder = encodeURIComponent('Story: «one»_files');
    expect(imageSources(await readFile(destination, 'utf8'))).toEqual([
      `${folder}/etc-passwd.jpg`,
      `${folder}/etc-passwd-2.jpg`,
      `${folder}/elysee-at-night.png`,
      `${folder}/etc-passwd.jpg`,
    ]);
  });

  it('leaves out photos that are missing from the library instead of writing broken pictures', async () => {
    const article = fullArticle();
    const files = await originals(inlineOne);
    const destination = join(dir, 'partial.html');
    // The lead is not in the photo records; inline two has a record but no file.
    const result = await writeHtmlExport({ article, photos: photoMap(inlineOne, inlineTwo), copyPhoto: copyFrom(files), destination });
    expect(result.photos).toBe(1);
    const html = await readFile(destination, 'utf8');
    expect(imageSources(html)).toEqual(['partial_files/inline-one.jpg']);
    expect(html).not.toContain('lead-photo');
    expect(html).not.toContain('The river at dawn');
  });

  it('makes no picture folder for a story without photos, and replaces an earlier export whole', async () => {
    const destination = join(dir, 'text-only.html');
    const article = { ...fullArticle(), leadPhoto: null, body: body(paragraph(text('First version.'))) };
    await writeHtmlExport({ article, photos: new Map(), copyPhoto: copyFrom(async () => null), destination });
    await writeHtmlExport({ article: { ...article, body: body(paragraph(text('Second version.'))) }, photos: new Map(), copyPhoto: copyFrom(async () => null), destination });
    const html = await readFile(destination, 'utf8');
    expect(html).toContain('Second version.');
    expect(html).not.toContain('First version.');
    expect((await readdir(dir)).sort()).toEqual(['.keep', 'text-only.html']);
  });

  it('writes hostile content as inert text', async () => {
    const article = {
      ...fullArticle(),
      headline: '</title><script>alert(1)</script>',
      dek: '<img src=x onerror=alert(2)>',
      leadPhoto: null,
      body: body(paragraph(text('<script>alert(3)</script>'), { type: 'link', version: 1, url: 'javascript:alert(4)', children: [text('click')] })),
    };
    const destination = join(dir, 'hostile.html');
    await writeHtmlExport({ article, photos: new Map(), copyPhoto: copyFrom(async () => null), destination });
    const html = await readFile(destination, 'utf8');
    expect(html).not.toMatch(/<script|<img|javascript:/u);
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(html).toContain('<p>&lt;script&gt;alert(3)&lt;/script&gt;click</p>');
  });

  it('fails without creating anything when the destination folder does not exist', async () => {
    const files = await originals(leadPhoto, inlineOne, inlineTwo);
    const destination = join(dir, 'missing', 'story.html');
    const request = { article: fullArticle(), photos: photoMap(leadPhoto, inlineOne, inlineTwo), copyPhoto: copyFrom(files), destination };
    await expect(writeHtmlExport(request)).rejects.toThrow(/ENOENT/u);
    expect((await readdir(dir)).sort()).toEqual(['.keep', 'library']);
  });
});
