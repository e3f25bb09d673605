import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { deskIdSchema } from '../shared/desk/desk-protocol';
import { deskPhotoShareSchema, sha256Schema, type DeskPhoto } from '../shared/desk/photos';
import { messageOf } from '../shared/model/errors';
import { PHOTO_MIME_TYPES } from '../shared/model/photo';
import { isMember } from './accounts';
import type { DeskDatabase } from './db/database';
import { photoOnDesk, photosOnDesk } from './media-records';
import { sharePhotoWithCreditLog } from './photo-credit-audit';
import { MediaRefused, tooLarge, type MediaStore } from './media-store';
import { verifyToken, type SessionClaims } from './tokens';

/**
 * The photo handoff's HTTP routes (listed in shared/desk/photos.ts). Uploads stream into the media
 * store, checked against their SHA-256 and the size limit; the record is taken only once both of
 * its blobs are stored, so a desk never lists a photo it cannot serve.
 */
export interface MediaApiOptions {
  db: DeskDatabase;
  tokenKey: Uint8Array;
  store: MediaStore;
  /** The largest original or thumbnail accepted, in bytes. */
  maxBytes: number;
  /** Told after a photo is recorded, to update the desk's live media document. */
  onShared(deskId: string, photo: DeskPhoto): void;
}

const MAX_RECORD_BYTES = 512 * 1024;
const ROUTE = /^\/api\/desks\/([^/]+)\/(blobs|media)(?:\/([^/]+))?(?:\/(original|thumbnail))?$/;

class Refusal extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function send(response: ServerResponse, status: number, body: unknown, close = false): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...(close ? { Connection: 'close' } : {}),
  });
  response.end(JSON.stringify(body));
}

async function member(options: MediaApiOptions, request: IncomingMessage, deskPart: string | undefined): Promise<{ claims: SessionClaims; deskId: string }> {
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (!token) throw new Refusal(401, 'Sign in to the desk first.');
  let claims: SessionClaims;
  try {
    claims = await verifyToken(options.tokenKey, token);
  } catch {
    throw new Refusal(401, 'The session has expired or is not valid; sign in again.');
  }
  const desk = deskIdSchema.safeParse(deskPart);
  if (!desk.success || !(await isMember(options.db, claims.userId, desk.data))) throw new Refusal(403, 'You are not on that desk.');
  return { claims, deskId: desk.data };
}

function mediaIdOf(part: string | undefined): string {
  const id = sha256Schema.safeParse(part);
  if (!id.success) throw new Refusal(404, `There is no photo “${(part ?? '').slice(0, 80)}” on this desk: a desk photo's id is the SHA-256 of its file.`);
  return id.data;
}

async function readRecord(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_RECORD_BYTES) throw new Refusal(413, 'The photo record is too large.');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new Refusal(400, 'The photo record is not JSON.');
  }
}

async function upload(options: MediaApiOptions, request: IncomingMessage, response: ServerResponse, part: string | undefined): Promise<void> {
  const sha256 = sha256Schema.safeParse(part);
  if (!sha256.success) throw new Refusal(400, 'Upload a file under the SHA-256 of its bytes (64 lowercase hex digits).');
  const declared = Number(request.headers['content-length']);
  // Refused before a byte is read: a 2 GB upload is not received only to be thrown away.
  if (declared > options.maxBytes) {
    send(response, 413, { error: tooLarge(options.maxBytes) }, true);
    return;
  }
  try {
    const { bytes } = await options.store.put(sha256.data, request, options.maxBytes);
    send(response, 201, { sha256: sha256.data, bytes });
  } catch (error) {
    if (!(error instanceof MediaRefused)) throw error;
    // The rest of an oversized body is not read: the connection closes after the answer.
    send(response, error.status, { error: error.message }, error.status === 413);
  }
}

async function share(options: MediaApiOptions, request: IncomingMessage, response: ServerResponse, deskId: string, claims: SessionClaims): Promise<void> {
  const parsed = deskPhotoShareSchema.safeParse(await readRecord(request));
  if (!parsed.success) throw new Refusal(400, `The photo record is not valid: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).slice(0, 3).join('; ')}.`);
  const record = parsed.data;
  const original = await options.store.size(record.mediaId);
  if (original === null) throw new Refusal(409, 'Upload the original before sharing the photo: the desk does not have its bytes.');
  if (original !== record.bytes) throw new Refusal(400, `The record says ${record.bytes} bytes but the desk's original has ${original}.`);
  if ((await options.store.size(record.thumbnailSha256)) === null) throw new Refusal(409, 'Upload the thumbnail before sharing the photo.');
  const photo = await sharePhotoWithCreditLog(options.db, deskId, record, claims);
  options.onShared(deskId, photo);
  send(response, 201, { photo });
}

async function serveBlob(options: MediaApiOptions, response: ServerResponse, photo: DeskPhoto, kind: 'original' | 'thumbnail'): Promise<void> {
  const sha256 = kind === 'original' ? photo.mediaId : photo.thumbnailSha256;
  const size = await options.store.size(sha256);
  if (size === null) throw new Refusal(410, `The desk lists this photo but its ${kind} is missing from the media store; share it again.`);
  response.writeHead(200, {
    'Content-Type': kind === 'original' ? PHOTO_MIME_TYPES[photo.format] : 'image/jpeg',
    'Content-Length': String(size),
    // Content-addressed: the bytes under this address never change.
    'Cache-Control': 'private, max-age=31536000, immutable',
    ETag: `"${sha256}"`,
  });
  await pipeline(options.store.read(sha256), response);
}

async function route(options: MediaApiOptions, request: IncomingMessage, response: ServerResponse, match: RegExpExecArray): Promise<void> {
  const [, deskPart, collection, idPart, kind] = match;
  const { claims, deskId } = await member(options, request, deskPart);
  if (collection === 'blobs') {
    if (request.method !== 'PUT' || kind) throw new Refusal(405, 'Upload a blob with PUT /api/desks/<desk>/blobs/<sha256>.');
    await upload(options, request, response, idPart);
    return;
  }
  if (idPart === undefined) {
    if (request.method === 'POST') await share(options, request, response, deskId, claims);
    else if (request.method === 'GET') send(response, 200, { photos: await photosOnDesk(options.db, deskId), maxBytes: options.maxBytes });
    else throw new Refusal(405, 'Only GET and POST are served here.');
    return;
  }
  if (request.method !== 'GET') throw new Refusal(405, 'Only GET is served here.');
  const mediaId = mediaIdOf(idPart);
  const photo = await photoOnDesk(options.db, deskId, mediaId);
  if (!photo) throw new Refusal(404, `There is no photo ${mediaId.slice(0, 12)}… on this desk: it was never shared here, or the id is wrong.`);
  if (kind) await serveBlob(options, response, photo, kind as 'original' | 'thumbnail');
  else send(response, 200, { photo });
}

/** Answers the media routes; false for any other path. */
export async function handleMediaRequest(options: MediaApiOptions, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const match = ROUTE.exec(new URL(request.url ?? '/', 'http://desk').pathname);
  if (!match) return false;
  try {
    await route(options, request, response, match);
  } catch (error) {
    if (response.headersSent) response.destroy();
    else if (error instanceof Refusal) send(response, error.status, { error: error.message }, error.status === 413);
    else send(response, 500, { error: `The desk server failed: ${messageOf(error)}` });
  }
  return true;
}
