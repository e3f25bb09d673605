import { describe, expect, it, vi } from 'vitest';
import { MESSAGE_LIMITS, createDispatcher, readable, type Handlers } from '../../../electron/main/ipc/dispatcher';
import { CHANNELS } from '../../../shared/ipc/contract';

/**
 * Regressions found by the IPC fuzz (tests/security/ipc-fuzz.test.ts): a validation error used to
 * quote an unknown key whole (a 1 MB key came back as a 1 MB message), and app:openExternal let a
 * trailing NUL through to the OS because URL parsing ignores it.
 */

const APP = { url: 'app://newsdesk/index.html', isMainFrame: true };
const LONGEST_MESSAGE = MESSAGE_LIMITS.message + 100;

function dispatcherWith(overrides: Partial<Handlers>) {
  const unused = () => {
    throw new Error('not used in this test');
  };
  const handlers = Object.fromEntries(CHANNELS.map((c) => [c, overrides[c] ?? unused])) as unknown as Handlers;
  return createDispatcher(handlers, { trustedOrigins: ['app://newsdesk'] });
}

function messageOf(result: Awaited<ReturnType<ReturnType<typeof dispatcherWith>>>): string {
  if (result.ok) throw new Error('expected a refusal');
  return result.error.message;
}

describe('dispatcher answers to hostile input stay short and readable', () => {
  const dispatch = dispatcherWith({});

  it('does not echo a megabyte key it does not know', async () => {
    const hugeKey = 'k'.repeat(1024 * 1024);
    const result = await dispatch('app:info', { [hugeKey]: 1 }, APP);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const message = messageOf(result);
    expect(message.length).toBeLessThanOrEqual(LONGEST_MESSAGE);
    expect(message).toMatch(/^The request "app:info" was malformed: Unrecognized key: "k+…\.$/);
  });

  it('keeps the message short for ten thousand unknown keys', async () => {
    const flood = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`key${i}`, i]));
    const message = messageOf(await dispatch('settings:update', flood, APP));
    expect(message.length).toBeLessThanOrEqual(LONGEST_MESSAGE);
    expect(message).toContain('Unrecognized keys: "key0", "key1"');
  });

  it('shows control, direction and lone surrogate characters from the request as placeholders', async () => {
    const message = messageOf(await dispatch('app:info', { 'a\u0000b\u202ec\ud800': 1 }, APP));
    expect(message).toContain('"a?b?c\ufffd"');
    const unknown = messageOf(await dispatch('drafts:\u001b[31mget\udfff', {}, APP));
    expect(unknown).toBe('Unknown request "drafts:?[31mget\ufffd".');
  });

  it('clips the message of an unexpected failure', async () => {
    const failing = dispatcherWith({
      'drafts:listTrash': () => {
        throw new Error(`disk on fire: ${'x'.repeat(100_000)}`);
      },
    });
    const result = await failing('drafts:listTrash', {}, APP);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(messageOf(result).length).toBeLessThanOrEqual(LONGEST_MESSAGE);
    expect(messageOf(result)).toContain('disk on fire');
  });

  it('refuses an external address with a NUL or other control character, and opens clean ones', async () => {
    const openExternal = vi.fn(() => null);
    const opening = dispatcherWith({ 'app:openExternal': openExternal });
    for (const url of ['https://www.example.com/story\u0000', 'https://www.example.com/\u0085', `https://example.com/${'a'.repeat(2000)}`]) {
      expect(await opening('app:openExternal', { url }, APP)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(openExternal).not.toHaveBeenCalled();
    expect(await opening('app:openExternal', { url: 'https://www.example.com/a?b=c%20d#e' }, APP)).toEqual({ ok: true, value: null });
    expect(openExternal).toHaveBeenCalledWith({ url: 'https://www.example.com/a?b=c%20d#e' }, APP);
  });
});

describe('readable', () => {
  it('clips with an ellipsis and never leaves half a surrogate pair', () => {
    expect(readable('abcdef', 4)).toBe('abc…');
    expect(readable('abc', 4)).toBe('abc');
    // "a" then 😀 (two code units): clipping after the first half would leave a lone surrogate.
    expect(readable('a😀😀', 3)).toBe('a\ufffd…');
    expect(readable('a😀', 10)).toBe('a😀');
  });
});
