import { describe, expect, it } from 'vitest';
import { slugify } from '../../../shared/rules/slug';

describe('slugify', () => {
  it('lower-cases, folds accents, drops apostrophes and joins words with single hyphens', () => {
    expect(slugify('Council Votes on Budget')).toBe('council-votes-on-budget');
    expect(slugify('Café in São Paulo reopens')).toBe('cafe-in-sao-paulo-reopens');
    expect(slugify("Mayor's ‘final’ word: it’s over!")).toBe('mayors-final-word-its-over');
    expect(slugify('  --Spaces   &  symbols--  ')).toBe('spaces-symbols');
    expect(slugify('')).toBe('');
    expect(slugify('¿¡!?')).toBe('');
  });

  it('caps at 80 characters, cutting at a word boundary when one is near', () => {
    const long = 'word '.repeat(40);
    const slug = slugify(long);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug).toMatch(/^(word-)*word$/);
    const noSpaces = 'x'.repeat(120);
    expect(slugify(noSpaces)).toBe('x'.repeat(80));
  });
});
