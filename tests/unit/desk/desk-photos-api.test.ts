import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directDeskNetwork } from '../../../electron/main/services/desk/desk-network';
import { downloadBlob, type TransferProgress } from '../../../electron/main/services/desk/desk-photos-api';

// The desktop's download of a desk photo against a real HTTP server on loopback that misbehaves
// the ways a network and a desk can: wrong bytes, a connection cut halfway, a refusal.
const GOOD = Buffer.alloc(200_000, 7);
const GOOD_SHA = createHash('sha256').update(GOOD).digest('hex');
let server: Server;
let base: string;
let dir: string;

const answers: Record<string, (response: ServerResponse) => void> = {
  good: (response) => {
    response.writeHead(200, { 'Content-Length': String(GOOD.length) });
    response.end(GOOD);
  },
  damaged: (response) => {
    const bytes = Buffer.from(GOOD);
    bytes[1000] = 8;
    response.writeHead(200, { 'Content-Length': String(bytes.length) });
    response.end(bytes);
  },
  cut: (response) => {
    response.writeHead(200, { 'Content-Length': String(GOOD.length) });
    response.write(GOOD.subarray(0, 50_000), () => response.socket?.destroy());
  },
  missing: (response) => {
    response.writeHead(404, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ error: 'There is no photo aaaaaaaaaaaa… on this desk: it was never shared here, or the id is wrong.' }));
  },
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-photos-api-'));
  server = createServer((request, response) => {
    const kind = /\/media\/(\w+)\//.exec(request.url ?? '')?.[1] ?? '';
    (answers[kind] ?? answers.missing!)(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});

const endpoint = () => ({ serverUrl: base, token: 'token', deskId: 'news', network: directDeskNetwork() });

describe('downloading a desk photo', () => {
  it('keeps a file whose bytes match, with its progress told up to the whole', async () => {
    const seen: TransferProgress[] = [];
    await downloadBlob(endpoint(), 'good', 'original', GOOD_SHA, join(dir, 'good.jpg'), (progress) => seen.push(progress));
    expect(seen.at(-1)).toEqual({ received: GOOD.length, total: GOOD.length });
    expect(await readdir(dir)).toEqual(['good.jpg']);
  });

  it('keeps nothing of bytes that do not match the hash', async () => {
    await expect(downloadBlob(endpoint(), 'damaged', 'original', GOOD_SHA, join(dir, 'damaged.jpg')))
      .rejects.toThrow("The photo's original arrived damaged (its SHA-256 does not match); nothing was kept. Try again.");
    expect(await readdir(dir)).toEqual(['good.jpg']);
  });

  it('keeps nothing of a transfer cut halfway, and says how far it came', async () => {
    await expect(downloadBlob(endpoint(), 'cut', 'original', GOOD_SHA, join(dir, 'cut.jpg')))
      .rejects.toThrow(/^The photo's original stopped arriving after \d+ of 200000 bytes \(.+\); nothing was kept\. Try again\.$/);
    expect(await readdir(dir)).toEqual(['good.jpg']);
  });

  it('passes on the desk’s refusal of an unknown id as it is', async () => {
    await expect(downloadBlob(endpoint(), 'missing', 'original', GOOD_SHA, join(dir, 'missing.jpg')))
      .rejects.toThrow('There is no photo aaaaaaaaaaaa… on this desk: it was never shared here, or the id is wrong.');
    expect(await readdir(dir)).toEqual(['good.jpg']);
  });
});
