import { access } from 'node:fs/promises';
import { UserFacingError } from '../../../../shared/model/errors';
import type { DraftSummary } from '../../../../shared/model/article';

/** Small shared pieces of the draft store: user-facing wording and defensive copies. */

/** How a draft reads in error messages: its headline in quotes, or "an untitled draft". */
export function describeDraft(headline: string | undefined): string {
  const trimmed = headline?.trim();
  if (!trimmed) return 'an untitled draft';
  return `“${trimmed.length > 80 ? `${trimmed.slice(0, 77)}…` : trimmed}”`;
}

export function notFound(id: string, headline: string | undefined): UserFacingError {
  return headline !== undefined
    ? new UserFacingError('not-found', `${capitalize(describeDraft(headline))} no longer exists; it may have been deleted outside Newsdesk.`)
    : new UserFacingError('not-found', `There is no draft with id ${id}; it may have been deleted.`);
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function copySummary(summary: DraftSummary): DraftSummary {
  return { ...summary, tags: [...summary.tags], authors: [...summary.authors] };
}

export async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}
