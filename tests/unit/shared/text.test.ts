import { describe, expect, it } from 'vitest';
import { bodyStats, countWords, formatReadTime, plainTextOf, readTimeMinutes } from '../../../shared/rules/text';
import { bodyOf } from '../drafts/helpers';

describe('countWords', () => {
  it('counts runs of letters and digits, keeping inner apostrophes, hyphens and dots together', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('   \n\t ')).toBe(0);
    expect(countWords('The mayor said no.')).toBe(4);
    expect(countWords("It's a well-known U.S. rule")).toBe(5);
    expect(countWords('3.5 per cent — up from 2.1')).toBe(6);
    expect(countWords('Zürich, São Paulo and Łódź')).toBe(5);
    expect(countWords('“Quoted” (aside) -- dash')).toBe(3);
  });
});

describe('readTimeMinutes', () => {
  it('is words / 230 rounded up, never less than one minute', () => {
    expect(readTimeMinutes(0)).toBe(1);
    expect(readTimeMinutes(1)).toBe(1);
    expect(readTimeMinutes(230)).toBe(1);
    expect(readTimeMinutes(231)).toBe(2);
    expect(readTimeMinutes(460)).toBe(2);
    expect(readTimeMinutes(461)).toBe(3);
    expect(formatReadTime(2300)).toBe('10 min read');
  });
});

describe('plainTextOf', () => {
  it('joins blocks with newlines and keeps line breaks', () => {
    const doc = bodyOf('First paragraph.', 'Second one.');
    expect(plainTextOf(doc)).toBe('First paragraph.\nSecond one.');
    const withBreak = {
      root: {
        type: 'root' as const,
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'Line one' },
              { type: 'linebreak' },
              { type: 'text', text: 'line two' },
            ],
          },
          { type: 'heading', children: [{ type: 'text', text: 'Head' }] },
        ],
      },
    };
    expect(plainTextOf(withBreak)).toBe('Line one\nline two\nHead');
    expect(bodyStats(doc)).toEqual({ words: 4, minutes: 1, label: '1 min read' });
  });
});
