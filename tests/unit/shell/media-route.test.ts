import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAppRequestHandler, registerAppProtocol } from '../../../electron/main/protocol/app-protocol';
import { createMediaRequestHandler, type MediaFileResolver } from '../../../electron/main/protocol/media-route';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security/csp';
import { importAndWait, openTestLibrary } from '../../support/media-library';
import { makeBaseImage } from '../../support/photo-fixtures';
import { app, protocol, resetFakeElectron } from '../../fakes/electron';

let base: string;
let rendererDir: string;
const ID = 'ab'.repeat(32);
const files: Record<string, string> = {};
const resolverCalls: string[] = [];

/** Serves fixed files for ID by kind and extension, and records every id it is asked about. */
let extension = 'jpg';
const resolver: MediaFileResolver = async (id, kind) => {
  resolverCalls.push(id);
  if (id !== ID) return null;
  return kind === 'thumbnail' ? files.thumbnail! : files[extension]!;
};

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'newsdesk-media-route-'));
  rendererDir = join(base, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html>');
  await writeFile(join(base, 'secret.txt'), 'outside the library');
  files.thumbnail = join(base, `${ID}.jpg`);
  await makeBaseImage(files.thumbnail, 'jpeg', { width: 48, height: 32 });
  for (const [ext, format] of [['jpg', 'jpeg'], ['png', 'png'], ['webp', 'webp'], ['gif', 'gif'], ['avif', 'avif'], ['tif', 'tiff']] as const) {
    files[ext] = join(base, `original.${ext}`);
    await makeBaseImage(files[ext], format, { width: 48, height: 32 });
  }
});
afterAll(async () => rm(base, { recursive: true, force: true }));
beforeEach(() => {
  resolverCalls.length = 0;
  extension = 'jpg';
  resetFakeElectron();
});

const handler = createAppRequestHandler(join(tmpdir(), 'newsdesk-no-renderer'), { media: resolver });
const get = (path: string, init?: RequestInit) => handler(new Request(`app://newsdesk${path}`, init));

describe('app://newsdesk/media/<id>/…', () => {
  it('serves a thumbnail with its type, nosniff and the CSP', async () => {
    const response = await get(`/media/${ID}/thumbnail`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const body = new Uint8Array(await response.arrayBuffer());
    expect(body).toEqual(new Uint8Array(await readFile(files.thumbnail!)));
    expect(response.headers.get('content-length')).toBe(String(body.length));
  });

  it('gives each original format its content type', async () => {
    const expected: Record<string, string> = {
      jpg: 'image/jpeg',
      png: 'image/png',
      webp: 'image/webp',
      gif: 'image/gif',
      avif: 'image/avif',
      tif: 'image/tiff',
    };
    for (const [ext, type] of Object.entries(expected)) {
      extension = ext;
      const response = await get(`/media/${ID}/original`);
      expect(response.status, ext).toBe(200);
      expect(response.headers.get('content-type'), ext).toBe(type);
      expect((await response.arrayBuffer()).byteLength).toBe((await readFile(files[ext]!)).length);
    }
  });

  it('answers 404 for an id the library does not know', async () => {
    const response = await get(`/media/${'cd'.repeat(32)}/thumbnail`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses anything but the exact form, and never looks up a path from the URL', async () => {
    const refused = [
      '/media/..%2f..%2fsecret.txt',
      `/media/${ID}%2fthumbnail`,
      `/media/${ID}/..%2f..%2fsecret.txt`,
      '/media/..\\..\\secret.txt',
      `/media//${ID}/thumbnail`,
    ];
    const unknown = [
      '/media/',
      '/media/abc/thumbnail',
      `/media/${ID.toUpperCase()}/thumbnail`,
      `/media/${ID}/preview`,
      `/media/${ID}/thumbnail/extra`,
      `/media/${ID}`,
      `/media/${ID}x/original`,
    ];
    for (const path of refused) {
      const response = await get(path);
      expect(response.status, path).toBe(403);
      expect(await response.text(), path).not.toContain('outside the library');
    }
    for (const path of unknown) expect((await get(path)).status, path).toBe(404);
    // The URL parser turns encoded dot segments into real ones and resolves them: not a media path any more.
    for (const path of ['/media/%2e%2e/%2e%2e/secret.txt', `/media/${ID}/%2e%2e`]) {
      const normalised = await get(path);
      expect(normalised.status, path).toBe(404);
      expect(await normalised.text(), path).not.toContain('outside the library');
    }
    expect(resolverCalls).toEqual([]);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get(`/media/${ID}/thumbnail`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('image/jpeg');
    expect(await head.text()).toBe('');
    const post = await get(`/media/${ID}/thumbnail`, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('answers 404 when the file went missing behind the library', async () => {
    const gone: MediaFileResolver = async () => join(base, 'gone.jpg');
    const response = await createMediaRequestHandler(gone)(new Request(`app://newsdesk/media/${ID}/original`));
    expect(response.status).toBe(404);
  });

  it('is installed on the app:// scheme with the library behind it', async () => {
    await app.simulateReady();
    registerAppProtocol(protocol, rendererDir, resolver);
    const response = await protocol.fetch(`app://newsdesk/media/${ID}/thumbnail`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect((await protocol.fetch('app://newsdesk/index.html')).status).toBe(200);
  });

  it('without a library, /media/ paths are simply not found', async () => {
    const plain = createAppRequestHandler(rendererDir);
    expect((await plain(new Request(`app://newsdesk/media/${ID}/thumbnail`))).status).toBe(404);
  });

  it('serves what a real library imported', async () => {
    const { library, errors } = await openTestLibrary(join(base, 'library'));
    try {
      const source = join(base, 'import.png');
      await makeBaseImage(source, 'png', { width: 640, height: 400, seed: 9 });
      const job = await importAndWait(library, [source]);
      const id = job.items[0]!.photoId!;
      const serve = createAppRequestHandler(rendererDir, { media: (photoId, kind) => library.filePath(photoId, kind) });
      const thumbnail = await serve(new Request(`app://newsdesk/media/${id}/thumbnail`));
      expect(thumbnail.headers.get('content-type')).toBe('image/jpeg');
      expect(await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata()).toMatchObject({ format: 'jpeg', width: 480, height: 300 });
      const original = await serve(new Request(`app://newsdesk/media/${id}/original`));
      expect(original.headers.get('content-type')).toBe('image/png');
      // Buffer.equals: toEqual walks large byte arrays one element at a time.
      expect(Buffer.from(await original.arrayBuffer()).equals(await readFile(source))).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await library.close();
    }
  });
});
