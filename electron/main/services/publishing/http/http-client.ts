import { PublishError, isPublishError, publishCancelled } from './publish-error';
import { errorForStatus, networkError, timeoutError, type ExchangePhase } from './http-errors';
import { createSiteClocks, type SiteClocks } from './site-clock';

export { parseRetryAfter } from './http-errors';

/**
 * The one way publishing talks HTTP. It never throws for an HTTP status (the caller decides what a
 * 404 means); it throws a PublishError for everything else, classified so the outbox knows whether
 * to retry: 'offline' (DNS, refused, reset, unreachable), 'timeout', 'rejected' (TLS certificate),
 * and 'local' when the caller cancelled. Messages name the host and never carry headers or bodies.
 */

export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** Sent as application/json. */
  json?: unknown;
  /** Sent as is; a Uint8Array goes out in chunks with progress and a stall timeout (uploads). */
  body?: Uint8Array | string;
  signal?: AbortSignal;
  /**
   * Default 30 s. For the whole request, except for Uint8Array bodies: there it is a stall timeout
   * (no byte moving for that long), so a big photo on a slow line is not cut off while it moves.
   */
  timeoutMs?: number;
  onUploadProgress?: (sent: number, total: number) => void;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** The address that answered (after redirects followed for GET and HEAD). */
  url: string;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json<T = unknown>(): T | undefined;
}

/** What publishing talks HTTP with, made once by the composition root and handed down. */
export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
  /** The request, or the failure's sentence (network, TLS, timeout, cancelled): for step-by-step checks. */
  attempt(request: HttpRequest): Promise<HttpResponse | string>;
  /** What time it is on each site this client has heard from (the Date header of every answer). */
  readonly clocks: SiteClocks;
}

export interface HttpVia {
  /**
   * The fetch to send with: Electron's net.fetch in the app (system proxy, OS certificates); Node's
   * global fetch when absent, looked up at each call (tests, bench).
   */
  fetch?: typeof fetch;
  /** Where the sites' Date headers are recorded; nowhere when absent. */
  clocks?: SiteClocks;
}

export function createHttpClient(via: HttpVia = {}): HttpClient {
  const clocks = via.clocks ?? createSiteClocks();
  const request = (request: HttpRequest): Promise<HttpResponse> => httpRequest(request, { fetch: via.fetch, clocks });
  return {
    clocks,
    request,
    async attempt(sent) {
      try {
        return await request(sent);
      } catch (error) {
        if (isPublishError(error)) return error.message;
        throw error;
      }
    },
  };
}

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Small enough for smooth progress on a slow line, big enough not to cost time on a fast one. */
const UPLOAD_CHUNK_BYTES = 64 * 1024;
const USER_AGENT = 'Newsdesk';

/**
 * Tracks how far the exchange got and enforces the timeout. In stall mode every sign of life
 * (a chunk taken by the socket, the answer's headers, a chunk of the answer) restarts the clock.
 */
class Deadline {
  phase: ExchangePhase;
  timedOut = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly controller: AbortController,
    private readonly timeoutMs: number,
    private readonly stall: boolean,
    initialPhase: ExchangePhase,
  ) {
    this.phase = initialPhase;
    this.arm();
  }

  /** Something moved; `phase` is where the exchange is now. */
  touch(phase: ExchangePhase): void {
    this.phase = phase;
    if (this.stall) this.arm();
  }

  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(): void {
    this.clear();
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, this.timeoutMs);
  }
}

/**
 * The body as a stream of chunks, sent with an explicit Content-Length rather than chunked transfer
 * encoding: some servers and proxies in front of PHP (older nginx, some FastCGI and WAF setups)
 * refuse or mishandle chunked request bodies, and a known length lets a site turn down an oversize
 * photo before it is sent. highWaterMark 0 means a chunk is pulled only when the socket is ready
 * for it, so "sent" follows the bytes actually leaving.
 */
function uploadStream(bytes: Uint8Array, deadline: Deadline, onProgress?: (sent: number, total: number) => void): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        onProgress?.(offset, bytes.length);
        if (offset >= bytes.length) {
          deadline.touch('waiting');
          controller.close();
          return;
        }
        deadline.touch('sending');
        const chunk = bytes.subarray(offset, Math.min(bytes.length, offset + UPLOAD_CHUNK_BYTES));
        offset += chunk.length;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
}


interface PreparedBody {
  body: BodyInit | undefined;
  streamed: boolean;
}

function prepareBody(request: HttpRequest, headers: Headers, deadline: Deadline): PreparedBody {
  if (request.json !== undefined) {
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    return { body: JSON.stringify(request.json), streamed: false };
  }
  if (typeof request.body === 'string') return { body: request.body, streamed: false };
  if (request.body instanceof Uint8Array) {
    headers.set('content-length', String(request.body.length));
    return { body: uploadStream(request.body, deadline, request.onUploadProgress), streamed: true };
  }
  return { body: undefined, streamed: false };
}

/** One exchange; publishing code goes through an HttpClient, which says which fetch and clocks. */
export async function httpRequest(request: HttpRequest, via: HttpVia = {}): Promise<HttpResponse> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new PublishError('local', `“${request.url}” is not a web address.`);
  }
  const host = url.host;
  // fetch refuses such an address with a TypeError, which would look like a network failure and be
  // retried for ever; it is the editor's to fix, and the credential must never go out anyway.
  if (url.username || url.password) {
    throw new PublishError('rejected', `The address of ${host} has a user name or password in it; remove them from the address and enter the password in its own field.`);
  }
  if (request.signal?.aborted) throw publishCancelled();

  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const streamed = request.body instanceof Uint8Array;
  const deadline = new Deadline(controller, timeoutMs, streamed, streamed ? 'connecting' : 'waiting');
  let callerAborted = false;
  const onCallerAbort = (): void => {
    callerAborted = true;
    controller.abort();
  };
  request.signal?.addEventListener('abort', onCallerAbort, { once: true });

  const headers = new Headers(request.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json, */*;q=0.5');
  if (!headers.has('user-agent')) headers.set('user-agent', USER_AGENT);
  const prepared = prepareBody(request, headers, deadline);

  const fail = (error: unknown): PublishError => {
    if (callerAborted) return publishCancelled();
    if (deadline.timedOut) return timeoutError(host, deadline.phase, timeoutMs, streamed);
    if (error instanceof PublishError) return error;
    return networkError(error, host, deadline.phase);
  };

  // Monotonic: the site's clock is measured against elapsed time, never against a wall clock that may step.
  const sentAtMono = performance.now();
  try {
    let response: Response;
    try {
      response = await (via.fetch ?? fetch)(url, {
        method: request.method,
        headers,
        body: prepared.body,
        signal: controller.signal,
        // A redirected POST would turn into a GET (or lose its stream): the caller must see it.
        redirect: request.method === 'GET' || request.method === 'HEAD' ? 'follow' : 'manual',
        ...(prepared.streamed ? { duplex: 'half' } : {}),
      } as RequestInit);
    } catch (error) {
      throw fail(error);
    }
    deadline.touch('receiving');
    via.clocks?.observe(url.origin, response.headers.get('date'), sentAtMono, performance.now());
    let text: string;
    try {
      text = await readText(response, () => deadline.touch('receiving'));
    } catch (error) {
      throw fail(error);
    }
    return makeResponse(response, text);
  } finally {
    deadline.clear();
    request.signal?.removeEventListener('abort', onCallerAbort);
  }
}

async function readText(response: Response, onChunk: () => void): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    onChunk();
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

function makeResponse(response: Response, text: string): HttpResponse {
  let parsed: { value: unknown } | null = null;
  return {
    status: response.status,
    headers: response.headers,
    url: response.url,
    text,
    json<T = unknown>(): T | undefined {
      if (!parsed) {
        try {
          parsed = { value: text ? JSON.parse(text) : undefined };
        } catch {
          parsed = { value: undefined };
        }
      }
      return parsed.value as T | undefined;
    },
  };
}

/**
 * The PublishError for an answer that is not a success: 5xx and 429 → 'server' (with Retry-After),
 * 408 → 'timeout', other 4xx (and unfollowed redirects) → 'rejected', with the CMS's own message.
 * `doing` is what was asked, in the infinitive: "create the post", "upload “harbour.jpg”".
 */
export function errorFromResponse(response: HttpResponse, doing: string, now?: Date): PublishError {
  // A Retry-After date is the site's time: read it against the answer's own Date, not this
  // computer's clock, which may be off by far more than the wait.
  const sentAt = Date.parse(response.headers.get('date') ?? '');
  const reference = now ?? (Number.isNaN(sentAt) ? new Date() : new Date(sentAt));
  return errorForStatus(response.status, response.json(), response.headers.get('retry-after'), doing, reference);
}

/** True for 2xx. */
export function isSuccess(response: HttpResponse): boolean {
  return response.status >= 200 && response.status < 300;
}
