import type { SearchScope } from '../../../../shared/desk/desk-protocol';

const NUMBER = new Intl.NumberFormat('en');

/**
 * The line above the archive search results: how many are shown and, when the desk ranked only
 * part of the matches (words found in very many stories), which part, so that a missing older
 * story is not taken for one the desk does not have. `scope` is absent from older desk servers.
 */
export function archiveCountLine(shown: number, scope: SearchScope | undefined): string {
  if (shown === 0) return 'Nothing on the desk matches.';
  const narrow = 'older ones are not searched for words this common; add words to find them.';
  if (scope?.newestStories) {
    return `The best ${NUMBER.format(shown)} of ${NUMBER.format(scope.ranked)} matches in the desk’s newest ${NUMBER.format(scope.newestStories)} stories: ${narrow}`;
  }
  if (scope?.newestMatches) {
    return `The best ${NUMBER.format(shown)} of the desk’s newest ${NUMBER.format(scope.newestMatches)} matches: ${narrow}`;
  }
  if (scope && scope.ranked > shown) return `The best ${NUMBER.format(shown)} of ${NUMBER.format(scope.ranked)} matches on the desk`;
  return `${NUMBER.format(shown)} on the desk`;
}
