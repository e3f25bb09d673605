import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESK_MEDIA_MAP, deskMediaDocumentName, type DeskPhotoShare } from '../../shared/desk/photos';
import { EMPTY_PHOTO_METADATA } from '../../shared/model/photo';
import { connectDocument, until, type DeskClient } from './support/desk-clients';
import { startDeskFixture, type DeskFixture } from './support/desk-fixture';

// The desk's media store through its HTTP API, on the embedded PGlite, with the size limit lowered
// to 64 KiB so "too large" is tested without a 2 GB file.
const SLOW = 300_000;
const LIMIT = 64 * 1024;
let desk: DeskFixture;
const clients: DeskClient[] = [];

beforeAll(async () => {
  desk = await startDeskFixture({ maxMediaBytes: LIMIT });
}, SLOW);
afterAll(async () => {
  for (const client of clients) client.destroy();
  await desk?.stop();
}, SLOW);

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const auth = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });
const blobUrl = (id: string): string => `${desk.server.url}/api/desks/news/blobs/${id}`;

async function put(id: string, body: Uint8Array<ArrayBuffer>, token = desk.tokens.bo): Promise<{ status: number; body: { error?: string; bytes?: number } }> {
  const response = await fetch(blobUrl(id), { method: 'PUT', headers: auth(token), body });
  return { status: response.status, body: await response.json() as { error?: string } };
}

/** A raw upload: `declared` as Content-Length (or chunked when null), then `body`, whatever the server says. */
function rawPut(id: string, body: Uint8Array, declared: number | null): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...auth(desk.tokens.bo), ...(declared === null ? {} : { 'Content-Length': String(declared) }) };
    const sent = request(blobUrl(id), { method: 'PUT', headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    // The server may close before taking everything: that is the refusal, read from the answer.
    sent.on('error', reject);
    sent.end(body);
  });
}

function share(original: Uint8Array, thumbnail: Uint8Array): DeskPhotoShare {
  return {
    mediaId: sha(original), thumbnailSha256: sha(thumbnail), format: 'jpeg', width: 4000, height: 3000, bytes: original.length,
    metadata: { ...EMPTY_PHOTO_METADATA, creator: 'Ivan Petrenko', creditLine: 'Agency' }, credit: '(Ivan Petrenko/Agency)',
    provenance: { fileName: 'kyiv.jpg', importedAt: '2026-12-07T06:00:00.000Z', sources: Object.fromEntries(Object.keys({ ...EMPTY_PHOTO_METADATA }).map((key) => [key, 'xmp'])) as DeskPhotoShare['provenance']['sources'] },
  };
}

async function storedBlobs(): Promise<string[]> {
  const root = join(desk.dataDir, 'db', 'media');
  const names: string[] = [];
  for (const dir of await readdir(root)) names.push(...(await readdir(join(root, dir))).map((name) => `${dir}/${name}`));
  return names;
}

describe('the desk media store', () => {
  it('takes a photo in (original, thumbnail, record), lists it live and serves it byte for byte', async () => {
    const original = new Uint8Array(40_000).map((_, i) => (i * 7) % 251);
    const thumbnail = new Uint8Array(3_000).map((_, i) => i % 13);
    const index = connectDocument(desk.server.webSocketUrl, deskMediaDocumentName('news'), desk.tokens.ana, new Y.Doc());
    clients.push(index);
    const early = await fetch(`${desk.server.url}/api/desks/news/media`, { method: 'POST', headers: auth(desk.tokens.bo), body: JSON.stringify(share(original, thumbnail)) });
    expect(early.status).toBe(409);
    expect(await early.json()).toEqual({ error: 'Upload the original before sharing the photo: the desk does not have its bytes.' });

    expect(await put(sha(original), original)).toEqual({ status: 201, body: { sha256: sha(original), bytes: 40_000 } });
    expect((await put(sha(thumbnail), thumbnail)).status).toBe(201);
    const shared = await fetch(`${desk.server.url}/api/desks/news/media`, { method: 'POST', headers: auth(desk.tokens.bo), body: JSON.stringify(share(original, thumbnail)) });
    expect(shared.status).toBe(201);
    expect(((await shared.json()) as { photo: { sharedBy: string } }).photo.sharedBy).toBe('Bo Photo');

    const photos = index.doc.getMap<{ credit: string }>(DESK_MEDIA_MAP);
    await until(() => photos.has(sha(original)), 'the photo in the desk media document');
    expect(photos.get(sha(original))?.credit).toBe('(Ivan Petrenko/Agency)');

    const served = await fetch(`${desk.server.url}/api/desks/news/media/${sha(original)}/original`, { headers: auth(desk.tokens.ana) });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-length')).toBe('40000');
    expect(sha(new Uint8Array(await served.arrayBuffer()))).toBe(sha(original));
    // Another desk's member learns nothing of it.
    const sport = await fetch(`${desk.server.url}/api/desks/news/media/${sha(original)}/original`, { headers: auth(desk.tokens.cy) });
    expect(sport.status).toBe(403);
  }, SLOW);

  it('refuses bytes that do not match their hash, and stores nothing of them', async () => {
    const before = await storedBlobs();
    const bytes = new Uint8Array(5_000).fill(9);
    const claimed = sha(new Uint8Array(5_000).fill(8));
    const refused = await put(claimed, bytes);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/^The uploaded bytes do not match their SHA-256 \(expected [0-9a-f]{12}…, received [0-9a-f]{12}…\): the file was damaged or changed on the way; nothing was stored\.$/);
    expect(await storedBlobs()).toEqual(before);
    expect(await readdir(join(desk.dataDir, 'db', 'media', 'incoming'))).toEqual([]);
  }, SLOW);

  it('refuses a file over the limit, declared or streamed, and stores nothing of it', async () => {
    const before = await storedBlobs();
    const big = new Uint8Array(LIMIT + 1).fill(3);
    const declared = await rawPut(sha(big), big, big.length);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.text)).toEqual({ error: 'The file is larger than this desk accepts (at most 65536 bytes); nothing was stored.' });
    const streamed = await rawPut(sha(big), big, null);
    expect(streamed.status).toBe(413);
    expect(await storedBlobs()).toEqual(before);
    expect(await readdir(join(desk.dataDir, 'db', 'media', 'incoming'))).toEqual([]);
  }, SLOW);

  it('answers an unknown or malformed media id with a clear 404', async () => {
    const unknown = 'a'.repeat(64);
    const missing = await fetch(`${desk.server.url}/api/desks/news/media/${unknown}/original`, { headers: auth(desk.tokens.ana) });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'There is no photo aaaaaaaaaaaa… on this desk: it was never shared here, or the id is wrong.' });
    const malformed = await fetch(`${desk.server.url}/api/desks/news/media/..%2f..%2fetc/original`, { headers: auth(desk.tokens.ana) });
    expect(malformed.status).toBe(404);
    expect(((await malformed.json()) as { error: string }).error).toContain("a desk photo's id is the SHA-256 of its file");
    const signedOut = await fetch(`${desk.server.url}/api/desks/news/media/${unknown}`);
    expect(signedOut.status).toBe(401);
  }, SLOW);
});
