import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildBridge } from '../../../shared/ipc/bridge';
import type { EventName } from '../../../shared/ipc/channels';
import type { DeskStatus } from '../../../shared/model/desk';
import { deskStatusStore } from '../../../renderer/src/features/desk/desk-status';

// The window's one copy of the desk status: asked once, then kept by main's events. Driven here
// through the real bridge (buildBridge, as the preload builds it) over a scripted main.

const signedOut: DeskStatus = { state: 'signed-out', serverUrl: 'https://desk.example.org', user: null, desk: null, unsyncedStories: 0, message: null };
const connected: DeskStatus = {
  state: 'connected',
  serverUrl: 'https://desk.example.org',
  user: { id: 'u1', name: 'Ana López', email: 'ana@example.org', role: 'editor' },
  desk: { id: 'metro', name: 'Metro desk' },
  unsyncedStories: 0,
  message: null,
};

let listeners: Map<EventName, Set<(payload: unknown) => void>>;
let answerStatus: ((status: DeskStatus) => void) | null;
let statusCalls: number;
const focusListeners = new Set<() => void>();

function send(event: EventName, payload: unknown) {
  for (const listener of listeners.get(event) ?? []) listener(payload);
}

beforeEach(() => {
  listeners = new Map();
  answerStatus = null;
  statusCalls = 0;
  const bridge = buildBridge(
    (channel) => {
      if (channel !== 'desk:status') return Promise.resolve({ ok: false, error: { code: 'internal', message: 'not scripted' } });
      statusCalls += 1;
      return new Promise((resolve) => {
        answerStatus = (status) => resolve({ ok: true, value: status });
      });
    },
    (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  );
  Object.assign(globalThis, {
    window: {
      newsdesk: bridge,
      addEventListener: (type: string, listener: () => void) => type === 'focus' && focusListeners.add(listener),
      removeEventListener: (type: string, listener: () => void) => type === 'focus' && focusListeners.delete(listener),
    },
  });
});

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'window');
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the desk status store', () => {
  it('asks main once, then follows its events; an older answer never replaces a newer event', async () => {
    const stop = deskStatusStore.subscribe(() => undefined);
    expect(statusCalls).toBe(1);
    send('desk:statusChanged', connected);
    answerStatus?.(signedOut); // the answer to the first ask, overtaken by the event
    await tick();
    expect(deskStatusStore.status()).toEqual(connected);
    stop();
  });

  it('ignores a malformed event, and clears presence on signing out', async () => {
    const stop = deskStatusStore.subscribe(() => undefined);
    answerStatus?.(connected);
    await tick();
    send('desk:statusChanged', { state: 'levitating' });
    expect(deskStatusStore.status()).toEqual(connected);

    send('desk:presence', { stories: [{ id: 'abcdefgh1', people: [{ name: 'Ben Ode', color: '#2f7d4f', field: null }] }, { id: 'abcdefgh2', people: [] }] });
    expect([...deskStatusStore.presence().keys()]).toEqual(['abcdefgh1']);
    send('desk:statusChanged', signedOut);
    expect(deskStatusStore.presence().size).toBe(0);
    stop();
  });

  it('reads again when the window gains focus (an event may have been missed), and stops listening when nobody shows it', async () => {
    const stop = deskStatusStore.subscribe(() => undefined);
    answerStatus?.(signedOut);
    await tick();
    for (const onFocus of [...focusListeners]) onFocus();
    expect(statusCalls).toBe(2);
    answerStatus?.(connected);
    await tick();
    expect(deskStatusStore.status()).toEqual(connected);
    stop();
    expect(focusListeners.size).toBe(0);
    expect([...listeners.values()].every((set) => set.size === 0)).toBe(true);
  });
});
