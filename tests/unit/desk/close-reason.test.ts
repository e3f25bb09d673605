import { describe, expect, it } from 'vitest';
import { closeReason } from '../../../server/message-guard';

describe('websocket close reasons', () => {
  it('keeps a short reason as it is', () => {
    expect(closeReason('Malformed update refused.')).toBe('Malformed update refused.');
  });

  it('cuts a long reason to the 123 bytes a close frame carries, never inside a character', () => {
    const long = `Board update refused: the entry “${'é'.repeat(80)}” is not valid.`;
    const cut = closeReason(long);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(123);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
  });
});
