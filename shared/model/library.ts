import { z } from 'zod';
import { IsoTime } from './article';

/** A file of the library that could not be read and was set aside, with why. */
export const QuarantinedFile = z.object({
  file: z.string(),
  movedTo: z.string(),
  reason: z.string(),
  at: IsoTime,
});
export type QuarantinedFile = z.infer<typeof QuarantinedFile>;

/** Why this window's library is read-only: another desk holds it, or it cannot be written. */
export const LibraryReadOnly = z.object({
  /** A sentence for the banner, e.g. "Open on desk-3 since 6 Dec 2026, 09:12: opened read-only. …". */
  reason: z.string(),
  /** Who holds the library's lock, when that is the reason. */
  heldBy: z.object({ host: z.string(), pid: z.number().int(), startedAt: IsoTime }).nullable(),
});
export type LibraryReadOnly = z.infer<typeof LibraryReadOnly>;
