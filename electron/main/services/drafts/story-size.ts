import type { Article } from '../../../../shared/model/article';
import type { Limits } from '../../../../shared/model/settings';
import { megabytes } from './article-file';
import { UserFacingError } from '../../../../shared/model/errors';
import { storyCaptionProblem } from '../../../../shared/rules/caption-limit';

/**
 * Refuses to save a story over the desk's limits: a photo caption longer than the caption limit,
 * or the whole story larger than the story limit, measured as the file it would be. The message
 * says what to do, and nothing is written: the version on disk stays the last good one.
 */
export function refuseOversizedStory(article: Article, limits: Limits): void {
  const caption = storyCaptionProblem(article, limits.captionMaxChars);
  if (caption !== null) throw new UserFacingError('invalid-request', caption);
  // A cheap upper bound first: JSON text is never more than 3 bytes per UTF-16 unit of the text.
  const text = JSON.stringify(article);
  if (text.length * 3 <= limits.storyMaxBytes) return;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= limits.storyMaxBytes) return;
  // Short enough for the editor's status bar, where autosave shows it after "Not saved:"; the
  // version on disk is untouched, so the last save is what "not saved" leaves.
  throw new UserFacingError(
    'invalid-request',
    `the story is ${megabytes(bytes)}, over the ${megabytes(limits.storyMaxBytes)} limit. Split it up.`,
  );}

