import { randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { DeskDatabase } from './db/database';

export interface SessionClaims {
  userId: string;
  name: string;
}

const ISSUER = 'newsdesk-desk';

/**
 * The signing key: DESK_TOKEN_SECRET when set, otherwise one generated on first start and kept in
 * the database, so every instance of a desk (and a restarted one) accepts the same tokens.
 */
export async function loadTokenKey(db: DeskDatabase, fromEnvironment?: string): Promise<Uint8Array> {
  if (fromEnvironment) {
    if (fromEnvironment.length < 32) throw new Error('DESK_TOKEN_SECRET must be at least 32 characters.');
    return new TextEncoder().encode(fromEnvironment);
  }
  await db.query('INSERT INTO desk_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING',
    ['token-secret', randomBytes(32).toString('base64')]);
  const [row] = await db.query<{ value: string }>('SELECT value FROM desk_settings WHERE key = $1', ['token-secret']);
  if (!row) throw new Error('The desk could not keep its token key in the database.');
  return Buffer.from(row.value, 'base64');
}

export async function issueToken(key: Uint8Array, claims: SessionClaims, lifetimeSeconds: number): Promise<{ token: string; expiresAt: Date }> {
  const now = Math.floor(Date.now() / 1000);
  const expiresAt = new Date((now + lifetimeSeconds) * 1000);
  const token = await new SignJWT({ name: claims.name })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setIssuedAt(now)
    .setExpirationTime(now + lifetimeSeconds)
    .sign(key);
  return { token, expiresAt };
}

/** The claims of a valid, unexpired token signed by this desk; throws otherwise. */
export async function verifyToken(key: Uint8Array, token: string): Promise<SessionClaims> {
  const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'] });
  if (typeof payload.sub !== 'string' || typeof payload.name !== 'string') throw new Error('The token names no user.');
  return { userId: payload.sub, name: payload.name };
}
