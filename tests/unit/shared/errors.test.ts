import { describe, expect, it } from 'vitest';
import { messageOf } from '../../../shared/model/errors';

describe('messageOf', () => {
  it('gives the message of an Error', () => {
    expect(messageOf(new Error('disk full'))).toBe('disk full');
  });
  it('gives thrown strings and numbers as they are', () => {
    expect(messageOf('ECONNRESET')).toBe('ECONNRESET');
    expect(messageOf(42)).toBe('42');
  });
  it('never gives an empty text, [object Object] or undefined', () => {
    for (const thrown of [new Error(''), '', '  ', undefined, null, { code: 1 }]) {
      expect(messageOf(thrown)).toBe('Something went wrong.');
    }
  });
});
