/** Error kinds a caller can act on; `message` is always a sentence a person can read. */
export const ERROR_CODES = ['invalid-request', 'forbidden', 'not-found', 'conflict', 'io', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Thrown by services for failures the user should read as they are. It lives with the model, not
 * the IPC contract, so services can refuse something without knowing how the refusal travels.
 */
export class UserFacingError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

/**
 * The readable text of anything thrown. Libraries throw strings, numbers and plain objects as well
 * as Errors, and a message the user reads must never be empty, "[object Object]" or undefined.
 */
export function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'object' ? '' : String(error ?? '');
  return text.trim() === '' ? 'Something went wrong.' : text;
}
