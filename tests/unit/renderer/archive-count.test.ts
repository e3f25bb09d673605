import { describe, expect, it } from 'vitest';
import { archiveCountLine } from '../../../renderer/src/features/desk/archive-count';

describe('the archive search count line', () => {
  it('says how many were found when every match was ranked', () => {
    expect(archiveCountLine(0, { ranked: 0 })).toBe('Nothing on the desk matches.');
    expect(archiveCountLine(3, { ranked: 3 })).toBe('3 on the desk');
    expect(archiveCountLine(50, { ranked: 312 })).toBe('The best 50 of 312 matches on the desk');
    // An older desk server says nothing of what it ranked.
    expect(archiveCountLine(7, undefined)).toBe('7 on the desk');
  });

  it('says when only the newest stories or matches were ranked, and how to find older ones', () => {
    expect(archiveCountLine(50, { ranked: 1890, newestStories: 2000 })).toBe(
      'The best 50 of 1,890 matches in the desk’s newest 2,000 stories: older ones are not searched for words this common; add words to find them.');
    expect(archiveCountLine(50, { ranked: 1000, newestMatches: 1000 })).toBe(
      'The best 50 of the desk’s newest 1,000 matches: older ones are not searched for words this common; add words to find them.');
  });
});
