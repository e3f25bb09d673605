import { PublishError } from './publish-error';

/**
 * Turning what went wrong on the wire into a PublishError with one precise sentence. The outbox
 * decides from the kind whether to retry; the editor reads the sentence. Nothing here ever sees a
 * request's headers or body, so no password or token can end up in a message.
 */

/** Where in the exchange a failure happened: it changes what the editor is told ("while sending"). */
export type ExchangePhase = 'connecting' | 'sending' | 'waiting' | 'receiving';

const PHASE_WORDS: Record<ExchangePhase, string> = {
  connecting: 'while connecting',
  sending: 'while sending',
  waiting: 'while waiting for the answer',
  receiving: 'while receiving the answer',
};

interface NodeishError {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  hostname?: unknown;
}

/** The innermost error that carries a code (fetch wraps Node's socket errors in "fetch failed"). */
function codedCause(error: unknown): { code: string; message: string } | null {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth += 1) {
    const candidate = current as NodeishError;
    if (typeof candidate.code === 'string') return { code: candidate.code, message: String(candidate.message ?? '') };
    current = candidate.cause;
  }
  return null;
}

function innermostMessage(error: unknown): string {
  let current: unknown = error;
  let message = '';
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth += 1) {
    const text = (current as NodeishError).message;
    if (typeof text === 'string' && text) message = text;
    current = (current as NodeishError).cause;
  }
  return message;
}

const TLS_CODE = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS_|HOSTNAME_MISMATCH/;

/**
 * Classifies an error thrown by fetch (or by the socket under it). `host` is "name:port" as the
 * editor typed it; `phase` is how far the exchange got.
 */
export function networkError(error: unknown, host: string, phase: ExchangePhase): PublishError {
  const hostName = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  const coded = codedCause(error);
  const code = coded?.code ?? '';
  const at = PHASE_WORDS[phase];
  const options = { cause: error };
  switch (code) {
    case 'ENOTFOUND':
      return new PublishError('offline', `Could not find the server “${hostName}” (DNS). Check the address, or the network.`, options);
    case 'EAI_AGAIN':
      return new PublishError('offline', `Could not look up the server “${hostName}” (DNS did not answer): the network may be down.`, options);
    case 'ECONNREFUSED':
      return new PublishError('offline', `${host} refused the connection: nothing is answering on that port.`, options);
    case 'ECONNRESET':
      return new PublishError('offline', `The connection to ${host} was reset ${at}.`, options);
    case 'EPIPE':
      return new PublishError('offline', `The connection to ${host} was closed by the server ${at}.`, options);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENETDOWN':
    case 'EHOSTDOWN':
      return new PublishError('offline', `${host} is unreachable from this computer: the network may be down.`, options);
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new PublishError('timeout', `Could not connect to ${host}: it did not answer in time.`, options);
    case 'UND_ERR_HEADERS_TIMEOUT':
      return new PublishError('timeout', `${host} did not answer in time.`, options);
    case 'UND_ERR_BODY_TIMEOUT':
      return new PublishError('timeout', `${host} stopped sending its answer.`, options);
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return new PublishError('offline', `The connection to ${host} was closed ${at}.`, options);
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
    case 'EPROTO':
      return new PublishError('rejected', `${host} does not speak HTTPS on this port: check the address (http or https).`, options);
    default:
      break;
  }
  if (TLS_CODE.test(code)) {
    return new PublishError('rejected', `The site's certificate is not trusted (${code}).`, options);
  }
  if (code.startsWith('ERR_SSL_')) {
    return new PublishError('rejected', `A secure connection to ${host} could not be made (${code}).`, options);
  }
  const detail = innermostMessage(error);
  // fetch's own refusals of a request it cannot make (a bad address, credentials in it): no network
  // was involved, and the same request will be refused again, so it is not retried.
  if (!coded && error instanceof TypeError && /invalid url|failed to parse url|includes credentials|cannot be constructed/i.test(detail)) {
    return new PublishError('rejected', `The request to ${host} could not be made: the address is not usable (${hostName}). Check it in the target's settings.`, options);
  }
  if (/bad port/i.test(detail)) {
    return new PublishError('rejected', `Port ${host.split(':').pop() ?? ''} cannot be used for web requests; use the site's usual port.`, options);
  }
  if (/other side closed|socket hang up|closed/i.test(detail)) {
    return new PublishError('offline', `The connection to ${host} was closed ${at}.`, options);
  }
  return new PublishError('offline', `The request to ${host} failed ${at}${code ? ` (${code})` : detail ? ` (${detail})` : ''}.`, options);
}

/** The timeout the client itself enforces: what was slow, said plainly. */
export function timeoutError(host: string, phase: ExchangePhase, timeoutMs: number, stall: boolean): PublishError {
  const seconds = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 100) / 10} s` : `${timeoutMs} ms`;
  if (phase === 'connecting') return new PublishError('timeout', `Could not connect to ${host} within ${seconds}.`);
  if (stall && phase === 'sending') return new PublishError('timeout', `The upload to ${host} stalled: nothing moved for ${seconds}.`);
  if (phase === 'receiving') {
    return new PublishError('timeout', stall ? `${host} stopped sending its answer for ${seconds}.` : `${host} did not finish its answer within ${seconds}.`);
  }
  return new PublishError('timeout', `${host} did not answer within ${seconds}.`);
}

/**
 * Retry-After is either a number of seconds or an HTTP date (RFC 9110 §10.2.3). Returns how long to
 * wait in milliseconds, or null when absent or not understood (never negative).
 */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (/^-?\d+(\.\d+)?$/.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}

/** What a CMS said about its refusal: WordPress answers { code, message, data: { status } }. */
export interface CmsComplaint {
  message: string | null;
  code: string | null;
  /** The answer has WordPress's REST error shape. */
  wordpress: boolean;
}

export function complaintOf(body: unknown): CmsComplaint {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { message: null, code: null, wordpress: false };
  const record = body as Record<string, unknown>;
  const message = typeof record.message === 'string' ? stripTags(record.message).trim() || null : null;
  const code = typeof record.code === 'string' ? record.code : null;
  const data = record.data;
  const wordpress = code !== null && message !== null && (data === undefined || data === null || typeof data === 'object');
  return { message, code, wordpress };
}

/** WordPress messages sometimes hold HTML (links, <strong>); the editor reads plain sentences. */
function stripTags(text: string): string {
  return text.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ');
}

function withStop(sentence: string): string {
  return /[.!?…]$/.test(sentence) ? sentence : `${sentence}.`;
}

/**
 * The error for an HTTP answer that is not a success. `doing` says what was asked, in the
 * infinitive ("create the post", "upload “harbour.jpg”"), so the sentence reads
 * "WordPress refused to create the post: Sorry, you are not allowed … (rest_cannot_create, 403)".
 */
export function errorForStatus(status: number, body: unknown, retryAfter: string | null, doing: string, now: Date): PublishError {
  const complaint = complaintOf(body);
  const who = complaint.wordpress ? 'WordPress' : 'The site';
  const said = complaint.message ? `: ${withStop(complaint.message)}` : '.';
  const tag = complaint.code ? `(${complaint.code}, ${status})` : `(HTTP ${status})`;
  const retryAfterMs = parseRetryAfter(retryAfter, now);
  if (status === 429) {
    const wait = retryAfterMs === null ? '' : ` It asked to wait ${Math.ceil(retryAfterMs / 1000)} s.`;
    return new PublishError('server', `${who} is receiving too many requests and did not ${doing} ${tag}.${wait}`, { status, retryAfterMs });
  }
  if (status >= 500) {
    return new PublishError('server', `${who} had an error and could not ${doing}${said} ${tag}`, { status, retryAfterMs });
  }
  if (status === 408) {
    return new PublishError('timeout', `${who} gave up waiting for the request to ${doing} ${tag}.`, { status });
  }
  if (status >= 300 && status < 400) {
    return new PublishError('rejected', `${who} redirected the request to ${doing} elsewhere ${tag}: check the site address (http or https, www or not).`, { status });
  }
  return new PublishError('rejected', `${who} refused to ${doing}${said} ${tag}`, { status });
}
