import type { IncomingMessage, ServerResponse } from 'node:http';
import { deskIdSchema, loginRequestSchema, type LoginResponse } from '../shared/desk/desk-protocol';
import { messageOf } from '../shared/model/errors';
import { checkLogin, desksOf, isMember } from './accounts';
import { searchArchive } from './archive-search';
import { storySummary, type StoryRow } from './story-row';
import type { DeskDatabase } from './db/database';
import type { LoginRateLimit } from './rate-limit';
import { issueToken, verifyToken, type SessionClaims } from './tokens';

export interface HttpApiOptions {
  db: DeskDatabase;
  tokenKey: Uint8Array;
  tokenLifetimeSeconds: number;
  rateLimit: LoginRateLimit;
  /** More routes for a signed-in user (the workflow's); true when it answered. */
  signedInRoutes?: (request: IncomingMessage, response: ServerResponse, url: URL, claims: SessionClaims) => Promise<boolean>;
}

const MAX_BODY_BYTES = 16 * 1024;

export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

export function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  response.end(JSON.stringify(body));
}

export async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'The request is too large.');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'The request is not JSON.');
  }
}

export async function session(request: IncomingMessage, key: Uint8Array): Promise<SessionClaims> {
  const header = request.headers.authorization ?? '';
  const token = /^Bearer (.+)$/.exec(header)?.[1];
  if (!token) throw new HttpError(401, 'Sign in to the desk first.');
  try {
    return await verifyToken(key, token);
  } catch {
    throw new HttpError(401, 'The session has expired or is not valid; sign in again.');
  }
}

/**
 * The desk's HTTP API, on the same port as the websocket:
 *   POST /api/login                      {email, password} → token, user, desks
 *   GET  /api/desks                      the signed-in user's desks
 *   GET  /api/desks/<desk>/stories       the desk's stories, newest first
 *   GET  /api/desks/<desk>/search?q=…    full-text search of the desk archive (archive-search.ts)
 * Returns false for any other path (Hocuspocus answers those).
 */
export async function handleApiRequest(options: HttpApiOptions, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const url = new URL(request.url ?? '/', 'http://desk');
  if (!url.pathname.startsWith('/api/')) return false;
  try {
    await route(options, request, response, url);
  } catch (error) {
    if (error instanceof HttpError) send(response, error.status, { error: error.message }, error.headers);
    else send(response, 500, { error: `The desk server failed: ${messageOf(error)}` });
  }
  return true;
}

async function route(options: HttpApiOptions, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  const { db } = options;
  if (url.pathname === '/api/login') {
    if (request.method !== 'POST') throw new HttpError(405, 'Sign in with POST.');
    const parsed = loginRequestSchema.safeParse(await readJson(request));
    if (!parsed.success) throw new HttpError(400, 'Give an email and a password.');
    const { email, password } = parsed.data;
    const address = request.socket.remoteAddress ?? 'unknown';
    const wait = options.rateLimit.retryAfterSeconds(address, email);
    if (wait > 0) throw new HttpError(429, `Too many failed sign-ins; try again in ${wait} s.`, { 'Retry-After': String(wait) });
    // Counted before the (slow) password check, so a burst of parallel guesses cannot all slip
    // past the limit while the first ones are still being checked; a success clears it.
    options.rateLimit.recordFailure(address, email);
    const user = await checkLogin(db, email, password);
    if (!user) throw new HttpError(401, 'Wrong email or password.');
    options.rateLimit.recordSuccess(address, email);
    const { token, expiresAt } = await issueToken(options.tokenKey, { userId: user.id, name: user.name }, options.tokenLifetimeSeconds);
    const body: LoginResponse = { token, expiresAt: expiresAt.toISOString(), user, desks: await desksOf(db, user.id) };
    send(response, 200, body);
    return;
  }
  const claims = await session(request, options.tokenKey);
  if (options.signedInRoutes && (await options.signedInRoutes(request, response, url, claims))) return;
  if (request.method !== 'GET') throw new HttpError(405, 'Only GET is served here.');
  if (url.pathname === '/api/desks') {
    send(response, 200, { desks: await desksOf(db, claims.userId) });
    return;
  }
  const match = /^\/api\/desks\/([^/]+)\/(stories|search)$/.exec(url.pathname);
  if (!match) throw new HttpError(404, 'No such desk API.');
  const desk = deskIdSchema.safeParse(match[1]);
  // Another desk's name and a desk that does not exist answer alike: nothing to learn from it.
  if (!desk.success || !(await isMember(db, claims.userId, desk.data))) throw new HttpError(403, 'You are not on that desk.');
  if (match[2] === 'stories') {
    const rows = await db.query<StoryRow>(
      `SELECT story_id, headline, status, section, updated_at, edited_by FROM stories
       WHERE desk_id = $1 ORDER BY updated_at DESC LIMIT 500`, [desk.data]);
    send(response, 200, { stories: rows.map(storySummary) });
    return;
  }
  const q = (url.searchParams.get('q') ?? '').trim();
  if (q === '' || q.length > 200) throw new HttpError(400, 'Give search words (at most 200 characters).');
  send(response, 200, await searchArchive(db, desk.data, q));
}
