import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../model/errors';

/** What every call over IPC answers: its value, or an error with a code and a readable message. */
export interface AppError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const AppErrorSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string() });

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });
