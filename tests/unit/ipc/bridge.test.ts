import { describe, expect, it } from 'vitest';
import { buildBridge } from '../../../shared/ipc/bridge';
import { CHANNEL_NAMES } from '../../../shared/ipc/channels';
import { CHANNELS, contract } from '../../../shared/ipc/contract';

describe('bridge built from the contract', () => {
  it('uses a channel list equal to the contract table', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual(Object.keys(contract).sort());
  });

  it('exposes exactly one function per contract channel and nothing else, frozen', () => {
    const bridge = buildBridge(async () => null);
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(contract).sort());
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
});
