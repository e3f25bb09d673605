import { describe, expect, it } from 'vitest';
import { boundsOf, DEFAULT_TEXTS, limitText, parseLimit, patchOf, problemsOf, textsOf } from '../../../renderer/src/features/desktop/limits-form';
import { DEFAULT_LIMITS, Limits } from '../../../shared/model/settings';

const MB = 1024 * 1024;

describe('the Limits form', () => {
  it('shows sizes in megabytes and lengths in characters', () => {
    expect(DEFAULT_TEXTS).toEqual({ storyMaxBytes: '16', captionMaxChars: '10000', photoRecordMaxBytes: '8', importMaxBytes: '300' });
    expect(limitText('storyMaxBytes', 256 * 1024)).toBe('0.25');
  });

  it('reads typed megabytes as bytes and characters as they are', () => {
    expect(parseLimit('storyMaxBytes', ' 0.5 ')).toEqual({ ok: true, value: MB / 2 });
    expect(parseLimit('importMaxBytes', '1,024')).toEqual({ ok: true, value: 1024 * MB });
    expect(parseLimit('captionMaxChars', '200')).toEqual({ ok: true, value: 200 });
  });

  it('takes its range from the settings schema, both ends allowed', () => {
    expect(boundsOf('storyMaxBytes')).toEqual({ min: 256 * 1024, max: 512 * MB });
    expect(parseLimit('storyMaxBytes', '0.25')).toEqual({ ok: true, value: 256 * 1024 });
    expect(parseLimit('storyMaxBytes', '512')).toEqual({ ok: true, value: 512 * MB });
    expect(parseLimit('captionMaxChars', '10000')).toEqual({ ok: true, value: 10_000 });
  });

  it('refuses a value out of range with a sentence naming the range', () => {
    expect(parseLimit('storyMaxBytes', '0.2')).toEqual({ ok: false, message: 'This limit can be between 0.25 MB and 512 MB.' });
    expect(parseLimit('storyMaxBytes', '513')).toEqual({ ok: false, message: 'This limit can be between 0.25 MB and 512 MB.' });
    expect(parseLimit('captionMaxChars', '199')).toEqual({ ok: false, message: 'This limit can be between 200 characters and 10,000 characters.' });
    expect(parseLimit('importMaxBytes', '4096')).toEqual({ ok: false, message: 'This limit can be between 1 MB and 2048 MB.' });
  });

  it('refuses what is not a plain number instead of reading it as one', () => {
    for (const text of ['', '  ', 'abc', '-5', '1e3', '0x10', '5.', 'Infinity']) {
      expect(parseLimit('storyMaxBytes', text)).toMatchObject({ ok: false, message: 'Type a number of megabytes, between 0.25 MB and 512 MB.' });
    }
    expect(parseLimit('captionMaxChars', '250.5')).toEqual({ ok: false, message: 'Type a whole number of characters, between 200 characters and 10,000 characters.' });
  });

  it('gives no patch while any field is refused, so nothing is saved', () => {
    const texts = { ...DEFAULT_TEXTS, captionMaxChars: '50' };
    expect(problemsOf(texts)).toEqual({ captionMaxChars: 'This limit can be between 200 characters and 10,000 characters.' });
    expect(patchOf(texts, DEFAULT_LIMITS)).toBeNull();
  });

  it('saves only the fields changed, so a value set in the file that the form rounds stays exact', () => {
    const saved: Limits = { ...DEFAULT_LIMITS, storyMaxBytes: 300_000 };
    const texts = { ...textsOf(saved), captionMaxChars: '500' };
    expect(texts.storyMaxBytes).toBe('0.29');
    expect(patchOf(texts, saved)).toEqual({ captionMaxChars: 500 });
    expect(patchOf(textsOf(saved), saved)).toEqual({});
  });

  it('every value the form accepts is one the settings schema accepts', () => {
    const patch = patchOf({ storyMaxBytes: '0.25', captionMaxChars: '200', photoRecordMaxBytes: '64', importMaxBytes: '2048' }, DEFAULT_LIMITS);
    expect(Limits.safeParse({ ...DEFAULT_LIMITS, ...patch }).success).toBe(true);
  });
});
