import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../shared/model/settings';
import {
  bytesOf,
  consistencyProblems,
  importAndWait,
  importBytes,
  makeImage,
  openTestLibrary,
  removeDir,
  tempDir,
  type TestLibrary,
} from '../../support/media-library';

let work: string;
let root: string;
let test: TestLibrary;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);

beforeEach(async () => {
  work = await tempDir();
  root = join(work, 'media');
  test = await openTestLibrary(root);
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(async () => {
  await test.library.close();
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
  expect(test.errors).toEqual([]);
  await removeDir(work);
});

/** A file of `size` bytes that takes no disk space (a hole): enough to test the size limit. */
async function sparseFile(path: string, size: number): Promise<void> {
  const handle = await open(path, 'w');
  await handle.truncate(size);
  await handle.close();
}

function mkfifo(path: string): boolean {
  try {
    execFileSync('mkfifo', [path]);
    return true;
  } catch {
    return false;
  }
}

describe('bad input in one batch', () => {
  it('gives each bad file its own message and imports the good ones', async () => {
    const good = await makeImage(work, 'good.jpg', 1, 'jpeg', { width: 400, height: 300 });
    const goodBytes = await readFile(good);
    const files: Record<string, string> = {
      good,
      truncated: join(work, 'truncated.jpg'),
      corrupt: join(work, 'corrupt.jpg'),
      randomLarge: join(work, 'random-100mb.jpg'),
      tooLarge: join(work, 'huge.tif'),
      textAsJpeg: join(work, 'notes.jpg'),
      folder: join(work, 'Holiday photos'),
      missing: join(work, 'moved-away.jpg'),
      empty: join(work, 'empty.jpg'),
      svg: join(work, 'logo.svg'),
      bmp: join(work, 'scan.bmp'),
      pdf: join(work, 'page.pdf'),
      good2: await makeImage(work, 'good2.png', 2, 'png'),
    };
    await writeFile(files.truncated!, goodBytes.subarray(0, Math.floor(goodBytes.length * 0.6)));
    const corrupt = Buffer.from(goodBytes);
    // Overwrite a stretch of the entropy-coded data (after the headers) with marker bytes.
    corrupt.fill(0xff, Math.floor(corrupt.length * 0.4), Math.floor(corrupt.length * 0.4) + 400);
    await writeFile(files.corrupt!, corrupt);
    await writeFile(files.randomLarge!, randomBytes(100 * 1024 * 1024));
    await sparseFile(files.tooLarge!, DEFAULT_LIMITS.importMaxBytes + 1);
    await writeFile(files.textAsJpeg!, 'Meeting notes, not a picture.\n'.repeat(50));
    await mkdir(files.folder!);
    await writeFile(files.empty!, '');
    await writeFile(files.svg!, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    await writeFile(files.bmp!, Buffer.concat([Buffer.from('BM'), randomBytes(200)]));
    await writeFile(files.pdf!, '%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');

    const job = await importAndWait(test.library, Object.values(files));
    const byName = Object.fromEntries(job.items.map((item) => [item.name, item]));
    const message = (name: string) => byName[name]?.message;

    expect(byName['good.jpg']).toMatchObject({ state: 'imported', message: '' });
    expect(byName['good2.png']).toMatchObject({ state: 'imported', message: '' });
    expect(message('truncated.jpg')).toBe(
      '“truncated.jpg” is incomplete: the file ends before the picture does (it may have been cut short while copying or downloading).',
    );
    expect(message('corrupt.jpg')).toBe('“corrupt.jpg” is damaged: its picture data could not be decoded.');
    expect(message('random-100mb.jpg')).toBe('“random-100mb.jpg” is not an image Newsdesk can read. Newsdesk imports JPEG, PNG, WebP, GIF, AVIF and TIFF.');
    expect(message('huge.tif')).toBe('“huge.tif” is larger than 300 MB, the most this desk imports in one file (Preferences › Limits › “Largest imported picture”).');
    expect(message('notes.jpg')).toBe('“notes.jpg” is not an image Newsdesk can read. Newsdesk imports JPEG, PNG, WebP, GIF, AVIF and TIFF.');
    expect(message('Holiday photos')).toBe('“Holiday photos” is a folder; choose the photos inside it.');
    expect(message('moved-away.jpg')).toBe('“moved-away.jpg” could not be found; it may have been moved or deleted.');
    expect(message('empty.jpg')).toBe('“empty.jpg” is empty (0 bytes).');
    expect(message('logo.svg')).toBe('“logo.svg” is an SVG drawing, which Newsdesk does not import. Save it as JPEG, PNG, WebP, GIF, AVIF or TIFF.');
    expect(message('scan.bmp')).toBe('“scan.bmp” is a BMP image, which Newsdesk does not import. Save it as JPEG, PNG, WebP, GIF, AVIF or TIFF.');
    expect(message('page.pdf')).toBe('“page.pdf” is a PDF document, which Newsdesk does not import. Save it as JPEG, PNG, WebP, GIF, AVIF or TIFF.');
    for (const item of job.items) {
      if (!item.name.startsWith('good')) expect(item, item.name).toMatchObject({ state: 'failed', photoId: null });
    }
    // Failed files leave nothing behind.
    expect(await consistencyProblems(root)).toEqual([]);
    expect((await test.library.list({})).total).toBe(2);
  }, 60_000);

  it('refuses a pipe instead of waiting on it forever', async (context) => {
    const fifo = join(work, 'pipe.jpg');
    if (!mkfifo(fifo)) {
      context.skip('mkfifo is not available on this system');
      return;
    }
    const job = await importAndWait(test.library, [fifo]);
    expect(job.items[0]).toMatchObject({ state: 'failed', message: '“pipe.jpg” is not a regular file and cannot be imported.' });
  });

  it('gives the same messages for bad bytes sent by the window', async () => {
    const good = await bytesOf(await makeImage(work, 'ok.jpg', 3));
    const job = await importBytes(test.library, [
      { name: 'empty.png', bytes: new Uint8Array() },
      { name: 'cut.jpg', bytes: good.subarray(0, Math.floor(good.length / 2)) },
      { name: 'text.jpg', bytes: new TextEncoder().encode('hello') },
      { name: 'ok.jpg', bytes: good },
    ]);
    expect(job.items.map((item) => [item.state, item.message])).toEqual([
      ['failed', '“empty.png” is empty (0 bytes).'],
      ['failed', '“cut.jpg” is incomplete: the file ends before the picture does (it may have been cut short while copying or downloading).'],
      ['failed', '“text.jpg” is not an image Newsdesk can read. Newsdesk imports JPEG, PNG, WebP, GIF, AVIF and TIFF.'],
      ['imported', ''],
    ]);
    expect(await consistencyProblems(root)).toEqual([]);
  });
});
