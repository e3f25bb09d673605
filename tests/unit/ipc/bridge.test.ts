import { describe, expect, it } from 'vitest';
import { buildBridge } from '../../../shared/ipc/bridge';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../../shared/ipc/channels';
import { CHANNELS, contract } from '../../../shared/ipc/contract';
import { appEvents } from '../../../shared/ipc/events';

describe('bridge built from the contract', () => {
  it('uses a channel list equal to the contract table', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual(Object.keys(contract).sort());
  });

  it('uses an event list equal to the events table', () => {
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(appEvents).sort());
  });

  it('exposes exactly one function per contract channel and `on` for events, nothing else, frozen', () => {
    const bridge = buildBridge(async () => null);
    expect(Object.keys(bridge).sort()).toEqual([...Object.keys(contract), 'on'].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    for (const channel of CHANNELS) expect(typeof bridge[channel]).toBe('function');
  });

  it('forwards the channel name and request to invoke', async () => {
    const calls: unknown[][] = [];
    const bridge = buildBridge(async (channel, request) => {
      calls.push([channel, request]);
      return { ok: true, value: null };
    });
    await bridge['drafts:get']({ id: 'abcdefgh-1' });
    await bridge['app:info']({});
    expect(calls).toEqual([['drafts:get', { id: 'abcdefgh-1' }], ['app:info', {}]]);
  });

  it('listens only to the listed events, hands over only the payload, and stops listening', () => {
    const subscribed: string[] = [];
    const listeners = new Map<string, (payload: unknown) => void>();
    const bridge = buildBridge(
      async () => null,
      (event, listener) => {
        subscribed.push(event);
        listeners.set(event, listener);
        return () => listeners.delete(event);
      },
    );
    const seen: unknown[] = [];
    const stop = bridge.on('menu:command', (payload) => seen.push(payload));
    listeners.get('menu:command')?.({ command: 'article:new' });
    expect(seen).toEqual([{ command: 'article:new' }]);
    stop();
    expect(listeners.has('menu:command')).toBe(false);
    // Another IPC message name, or a listener that is not a function, is refused outright.
    expect(() => bridge.on('drafts:save' as never, () => undefined)).toThrow(/no event/);
    expect(() => bridge.on('menu:command', 'x' as never)).toThrow(/no event/);
    expect(subscribed).toEqual(['menu:command']);
  });
});
