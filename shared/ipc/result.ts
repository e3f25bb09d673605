import { z } from 'zod';

/** Error kinds a caller can act on; `message` is always a sentence a person can read. */
export const ERROR_CODES = ['invalid-request', 'forbidden', 'not-found', 'conflict', 'io', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const AppErrorSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string() });

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });

/** Thrown by services for failures the user should read as they are. */
export class UserFacingError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}
