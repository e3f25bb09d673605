/**
 * How a publishing attempt failed, classified for the outbox: whether trying again can help, and
 * when. Every message is a sentence for the editor; it never carries a password or token.
 */
export type PublishErrorKind =
  /** No connection: DNS, refused, unreachable, reset. The outbox waits for the network. */
  | 'offline'
  | 'timeout'
  /** The CMS answered 5xx or 429: worth another try, after Retry-After when given. */
  | 'server'
  /** The CMS refused (4xx other than 408/429): retrying the same request will not help. */
  | 'rejected'
  /** Something on this side is wrong (article missing, no password stored …). */
  | 'local';

export class PublishError extends Error {
  readonly kind: PublishErrorKind;
  /** HTTP status when the CMS answered. */
  readonly status: number | null;
  /** From a Retry-After header, in milliseconds. */
  readonly retryAfterMs: number | null;

  constructor(kind: PublishErrorKind, message: string, options: { status?: number | null; retryAfterMs?: number | null; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PublishError';
    this.kind = kind;
    this.status = options.status ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }

  get retryable(): boolean {
    return this.kind === 'offline' || this.kind === 'timeout' || this.kind === 'server';
  }
}

/** What a publishing step throws once its job was cancelled; the outbox reads it as the job being stopped. */
export function publishCancelled(): PublishError {
  return new PublishError('local', 'Cancelled.');
}

export function isPublishError(error: unknown): error is PublishError {
  return error instanceof PublishError;
}
