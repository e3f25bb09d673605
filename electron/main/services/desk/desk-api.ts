import { z } from 'zod';
import {
  deskSummarySchema,
  errorResponseSchema,
  loginResponseSchema,
  searchResponseSchema,
  storyListResponseSchema,
  type DeskSummary,
  type LoginResponse,
  type SearchResponse,
  type StorySummary,
} from '../../../../shared/desk/desk-protocol';
import { messageOf, UserFacingError } from '../../../../shared/model/errors';

/**
 * The desk server's HTTP API (server/http-api.ts) as the desktop calls it. Every failure becomes a
 * sentence the person can act on: wrong password, too many attempts, server unreachable, an address
 * that is no desk server. The websocket side is in desk-sync.ts.
 */
export interface DeskApi {
  login(serverUrl: string, email: string, password: string): Promise<LoginResponse>;
  /** The signed-in user's desks as the desk holds them now. */
  desks(serverUrl: string, token: string): Promise<DeskSummary[]>;
  stories(serverUrl: string, token: string, deskId: string): Promise<StorySummary[]>;
  search(serverUrl: string, token: string, deskId: string, query: string): Promise<SearchResponse>;
}

/** How long one request may take before the desk counts as unreachable. */
const REQUEST_TIMEOUT_MS = 15_000;

/** Thrown for a 401 on a signed-in call: the session is over, the service signs out. */
export class DeskSessionRefused extends UserFacingError {
  constructor(message: string) {
    super('forbidden', message);
  }
}

function endpoint(serverUrl: string, path: string): string {
  return new URL(path, serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`).toString();
}

export async function call<T>(fetchImpl: typeof fetch, serverUrl: string, path: string, init: RequestInit, schema: z.ZodType<T>): Promise<T> {
  let response: Response;
  try {
    response = await fetchImpl(endpoint(serverUrl, path), { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (error) {
    throw new UserFacingError('io', `The desk server at ${serverUrl} could not be reached (${messageOf(error)}). Check the address and the network; your work stays on this computer.`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (response.ok) {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    throw notADesk(serverUrl);
  }
  const refusal = errorResponseSchema.safeParse(body);
  // Only a desk server answers its refusals as { error }; anything else (a web server, a proxy) is not one.
  if (!refusal.success) throw notADesk(serverUrl, response.status);
  if (response.status === 401 && path !== 'api/login') throw new DeskSessionRefused(refusal.data.error);
  if (response.status === 429) {
    throw new UserFacingError('forbidden', `${refusal.data.error} The desk refuses more sign-ins for now, to protect the account.`);
  }
  throw new UserFacingError(response.status === 401 || response.status === 403 ? 'forbidden' : 'invalid-request', refusal.data.error);
}

function notADesk(serverUrl: string, status?: number): UserFacingError {
  const answered = status === undefined ? 'an answer Newsdesk cannot read' : `HTTP ${status}`;
  return new UserFacingError('invalid-request', `${serverUrl} answered with ${answered}: it is not a Newsdesk desk server. Check the address (the one \`npm run desk-server\` prints).`);
}

const desksResponseSchema = z.object({ desks: z.array(deskSummarySchema) });

export const bearer = (token: string): RequestInit => ({ headers: { Authorization: `Bearer ${token}` } });

export function createDeskApi(fetchImpl: typeof fetch = fetch): DeskApi {
  return {
    login: (serverUrl, email, password) =>
      call(fetchImpl, serverUrl, 'api/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password }),
      }, loginResponseSchema),
    async desks(serverUrl, token) {
      const answer = await call(fetchImpl, serverUrl, 'api/desks', bearer(token), desksResponseSchema);
      return answer.desks;
    },
    async stories(serverUrl, token, deskId) {
      const answer = await call(fetchImpl, serverUrl, `api/desks/${encodeURIComponent(deskId)}/stories`, bearer(token), storyListResponseSchema);
      return answer.stories;
    },
    search: (serverUrl, token, deskId, query) =>
      call(fetchImpl, serverUrl, `api/desks/${encodeURIComponent(deskId)}/search?q=${encodeURIComponent(query)}`, bearer(token), searchResponseSchema),
  };
}
