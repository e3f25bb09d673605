import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { z } from 'zod';
import { errorResponseSchema } from '../../../../shared/desk/desk-protocol';
import { blobAnswerSchema, deskPhotoAnswerSchema, deskPhotoListSchema, type DeskPhoto, type DeskPhotoShare } from '../../../../shared/desk/photos';
import { messageOf, UserFacingError } from '../../../../shared/model/errors';
import type { DeskNetwork } from './desk-network';

/**
 * The desk's media routes (shared/desk/photos.ts) as the desktop calls them: uploads streamed from
 * the file, downloads streamed to a temp file with progress and checked against their SHA-256
 * before they take their real name. Every failure is a sentence to show.
 */
export interface DeskEndpoint {
  serverUrl: string;
  token: string;
  deskId: string;
  /** How the desk is reached (the system's proxy settings). */
  network: DeskNetwork;
}

export interface TransferProgress {
  received: number;
  total: number;
}

const CALL_TIMEOUT_MS = 15_000;

function url(endpoint: DeskEndpoint, path: string): string {
  const base = endpoint.serverUrl.endsWith('/') ? endpoint.serverUrl : `${endpoint.serverUrl}/`;
  return new URL(`api/desks/${encodeURIComponent(endpoint.deskId)}/${path}`, base).toString();
}

async function refusal(response: Response): Promise<UserFacingError> {
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = errorResponseSchema.safeParse(body);
  const text = parsed.success ? parsed.data.error : `The desk answered HTTP ${response.status}.`;
  const code = response.status === 404 || response.status === 410 ? 'not-found' : response.status === 401 || response.status === 403 ? 'forbidden' : 'invalid-request';
  return new UserFacingError(code, text);
}

async function request(endpoint: DeskEndpoint, path: string, init: RequestInit & { duplex?: 'half' }, timeout = true): Promise<Response> {
  try {
    return await endpoint.network.fetch(url(endpoint, path), {
      ...init,
      headers: { Authorization: `Bearer ${endpoint.token}`, ...(init.headers as Record<string, string> | undefined) },
      ...(timeout ? { signal: AbortSignal.timeout(CALL_TIMEOUT_MS) } : {}),
    });
  } catch (error) {
    throw new UserFacingError('io', `The desk server at ${endpoint.serverUrl} could not be reached (${messageOf(error)}); the photo stays on this computer.`);
  }
}

async function json<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
  if (!response.ok) throw await refusal(response);
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new UserFacingError('invalid-request', 'The desk answered something Newsdesk cannot read: is it a Newsdesk desk server of this version?');
  return parsed.data;
}

export async function listDeskPhotos(endpoint: DeskEndpoint): Promise<{ photos: DeskPhoto[]; maxBytes: number | undefined }> {
  const answer = await json(await request(endpoint, 'media', {}), deskPhotoListSchema.loose());
  const maxBytes = (answer as { maxBytes?: unknown }).maxBytes;
  return { photos: answer.photos, maxBytes: typeof maxBytes === 'number' ? maxBytes : undefined };
}

/** Streams a file up under its SHA-256; the desk checks the bytes against it. */
export async function uploadBlob(endpoint: DeskEndpoint, sha256: string, path: string): Promise<void> {
  const { size } = await stat(path);
  const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
  const response = await request(endpoint, `blobs/${sha256}`, {
    method: 'PUT', body, duplex: 'half', headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(size) },
  }, false);
  await json(response, blobAnswerSchema);
}

export async function postDeskPhoto(endpoint: DeskEndpoint, share: DeskPhotoShare): Promise<DeskPhoto> {
  const response = await request(endpoint, 'media', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(share) });
  return (await json(response, deskPhotoAnswerSchema)).photo;
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/**
 * Downloads a desk photo's original or thumbnail to `destination`: into a temp file beside it,
 * hashed on the way, flushed, and renamed only when the bytes are the ones asked for.
 */
export async function downloadBlob(
  endpoint: DeskEndpoint, mediaId: string, kind: 'original' | 'thumbnail', expected: string, destination: string,
  onProgress: (progress: TransferProgress) => void = () => undefined,
): Promise<void> {
  const response = await request(endpoint, `media/${mediaId}/${kind}`, {}, false);
  if (!response.ok || !response.body) throw await refusal(response);
  const total = Number(response.headers.get('content-length')) || 0;
  await mkdir(dirname(destination), { recursive: true });
  const temp = join(dirname(destination), `.${randomUUID()}.part`);
  const hash = createHash('sha256');
  let received = 0;
  const counting = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      hash.update(chunk);
      onProgress({ received, total });
      done(null, chunk);
    },
  });
  try {
    try {
      await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), counting, createWriteStream(temp, { flags: 'wx' }));
    } catch (error) {
      throw new UserFacingError('io', `The photo's ${kind} stopped arriving after ${received} of ${total} bytes (${messageOf(error)}); nothing was kept. Try again.`);
    }
    const actual = hash.digest('hex');
    if (actual !== expected) throw new UserFacingError('io', `The photo's ${kind} arrived damaged (its SHA-256 does not match); nothing was kept. Try again.`);
    const handle = await open(temp, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, destination);
  } finally {
    await rm(temp, { force: true });
  }
}
