import { z } from 'zod';
import { ArticleId, IsoTime } from './article';

/**
 * Corrections and update notes of a published story: each one is appended to the story's body in
 * the house format and kept in the story's corrections log (one file per story), with its date.
 */

export const CORRECTION_KINDS = ['correction', 'update'] as const;
export const CorrectionKind = z.enum(CORRECTION_KINDS);
export type CorrectionKind = z.infer<typeof CorrectionKind>;

/** What the house format calls each kind at the start of its line. */
export const CORRECTION_LABELS: Record<CorrectionKind, string> = { correction: 'Correction', update: 'Update' };

/** A note is a few sentences; the limit keeps one from carrying a second story. */
export const CORRECTION_MAX_CHARS = 2000;

export const CorrectionText = z
  .string()
  .trim()
  .min(1, 'Write what was corrected or updated')
  .max(CORRECTION_MAX_CHARS, `A note may hold ${CORRECTION_MAX_CHARS.toLocaleString('en-US')} characters; shorten it`);

export const CorrectionEntry = z
  .object({
    id: z.string().regex(/^c-[a-z0-9-]{6,60}$/),
    kind: CorrectionKind,
    text: CorrectionText,
    at: IsoTime,
    /** The line as it was appended to the story ("Correction, 7 Dec 2026: …"). */
    line: z.string(),
  })
  .strict();
export type CorrectionEntry = z.infer<typeof CorrectionEntry>;

export const CORRECTIONS_FORMAT = 1;

export const CorrectionsLog = z
  .object({
    format: z.literal(CORRECTIONS_FORMAT),
    articleId: ArticleId,
    /** Oldest first. */
    entries: z.array(CorrectionEntry),
  })
  .strict();
export type CorrectionsLog = z.infer<typeof CorrectionsLog>;
