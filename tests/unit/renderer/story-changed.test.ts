import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildBridge } from '../../../shared/ipc/bridge';
import type { EventName } from '../../../shared/ipc/channels';
import { ipcStoryTransport, onStoryChanged } from '../../../renderer/src/api/story-docs';

// What is read again after a story's text changed (the desk workflow, the photo request) hears of
// every change: the ones main announces, and this window's own, which main no longer sends back to
// it. Driven through the real bridge (buildBridge, as the preload builds it) over a scripted main.

let listeners: Map<EventName, Set<(payload: unknown) => void>>;
let refuseUpdates: boolean;

function send(event: EventName, payload: unknown) {
  for (const listener of listeners.get(event) ?? []) listener(payload);
}

beforeEach(() => {
  listeners = new Map();
  refuseUpdates = false;
  const bridge = buildBridge(
    (channel) => {
      if (channel === 'story:update' && !refuseUpdates) return Promise.resolve({ ok: true, value: null });
      return Promise.resolve({ ok: false, error: { code: 'io', message: 'The disk is full.' } });
    },
    (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  );
  Object.assign(globalThis, { window: { newsdesk: bridge } });
});

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'window');
});

const address = { id: 'story-0001', part: 'body', session: 'window-a-0001' };

describe('a story changed', () => {
  it("is heard of this window's own change once main accepted it, and of main's announcements", async () => {
    const heard: string[] = [];
    const stop = onStoryChanged((id) => heard.push(id));
    await ipcStoryTransport.update(address, 'AAA=');
    send('story:updated', { id: 'story-0002', part: 'body', from: 'window-b-0001', update: 'AAA=' });
    expect(heard).toEqual(['story-0001', 'story-0002']);

    stop();
    await ipcStoryTransport.update(address, 'AAA=');
    send('story:updated', { id: 'story-0002', part: 'body', from: 'window-b-0001', update: 'AAA=' });
    expect(heard).toEqual(['story-0001', 'story-0002']);
  });

  it('is not heard of a change main refused', async () => {
    const heard: string[] = [];
    const stop = onStoryChanged((id) => heard.push(id));
    refuseUpdates = true;
    await ipcStoryTransport.update(address, 'AAA=');
    expect(heard).toEqual([]);
    stop();
  });
});
