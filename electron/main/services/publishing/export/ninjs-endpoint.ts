import { errorFromResponse, isSuccess, type HttpClient } from '../http/http-client';
import { PublishError } from '../http/publish-error';

/** Sends one story, as a ninjs document, to a generic HTTP endpoint (the "ninjs" publish target). */
export interface NinjsSendRequest {
  url: string;
  /** The bearer token; null sends no Authorization header (an endpoint on a trusted network). */
  token: string | null;
  /** The ninjs document (2.2 or 3.1), already built and validated. */
  document: unknown;
  /** The job's client key, the same on every retry of the job. */
  clientKey: string;
  signal?: AbortSignal;
  onProgress?: (sent: number, total: number) => void;
  timeoutMs?: number;
  http: HttpClient;
}

export async function sendNinjsDocument(request: NinjsSendRequest): Promise<{ status: number }> {
  const body = new TextEncoder().encode(JSON.stringify(request.document));
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    // The receiver's duplicate protection: a retry after a lost answer carries the same key, so an
    // endpoint that honours Idempotency-Key (IETF httpapi draft) stores the story once, not twice.
    'idempotency-key': request.clientKey,
  };
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  const response = await request.http.request({
    method: 'POST',
    url: request.url,
    headers,
    body,
    signal: request.signal,
    timeoutMs: request.timeoutMs,
    onUploadProgress: request.onProgress,
  });
  if (isSuccess(response)) return { status: response.status };
  if (response.status === 401 || response.status === 403) {
    throw new PublishError(
      'rejected',
      request.token
        ? `The endpoint refused the token (HTTP ${response.status}): check the token in the target's settings.`
        : `The endpoint needs a token (HTTP ${response.status}): enter one in the target's settings.`,
      { status: response.status },
    );
  }
  if (response.status === 409) {
    // With Idempotency-Key, 409 means "a request with this key is still being processed": the
    // first attempt is still running there, so asking again later is right, not giving up.
    throw new PublishError('server', `The endpoint is still processing an earlier attempt to send this story (HTTP 409); it will be asked again.`, {
      status: 409,
      retryAfterMs: null,
    });
  }
  throw errorFromResponse(response, 'accept the story');
}
