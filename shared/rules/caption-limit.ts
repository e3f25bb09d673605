import type { Article } from '../model/article';
import { limitSettingName } from '../model/settings';
import { photoUsesOf } from './prepublish';

/**
 * The desk's caption limit (limits.captionMaxChars), checked where a caption is saved: a photo's
 * own caption in the library and the captions of the photos in a story. Counted in characters as
 * a person counts them (code points), not UTF-16 units.
 */

function characters(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

function overLimit(what: string, length: number, limit: number): string {
  return (
    `${what} is ${length.toLocaleString('en-US')} characters, over the ${limit.toLocaleString('en-US')} a caption may hold ` +
    `(${limitSettingName('captionMaxChars')}).`
  );
}

/** A sentence for a photo caption over the limit ("The caption is …"), or null when it fits. */
export function photoCaptionProblem(caption: string, limit: number): string | null {
  // Cheap first: a string is never more characters than UTF-16 units.
  if (caption.length <= limit) return null;
  const length = characters(caption);
  return length > limit ? overLimit('The caption', length, limit) : null;
}

/**
 * A sentence for the first caption in a story over the limit, or null. Worded to follow "Not
 * saved:" in the editor's status bar, like the story size limit.
 */
export function storyCaptionProblem(article: Article, limit: number): string | null {
  for (const use of photoUsesOf(article)) {
    if (use.caption.length <= limit) continue;
    const length = characters(use.caption);
    if (length <= limit) continue;
    const which = use.where === 'lead' ? 'the caption of the lead photo' : `the caption of photo ${use.index} in the text`;
    return overLimit(which, length, limit);
  }
  return null;
}
