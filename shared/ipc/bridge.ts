import { CHANNEL_NAMES, EVENT_NAMES, type EventName } from './channels';
import type { Channel, RequestOf, ResponseOf } from './contract';
import type { AppEvent } from './events';
import type { Result } from './result';

/** Listens to one event from main; returns the function that stops listening. */
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

/**
 * What `window.newsdesk` is: one async function per channel of the contract, and `on` for the
 * events main sends (events.ts), nothing else. Event payloads arrive unchecked: the renderer
 * validates them against events.ts before use.
 */
export type NewsdeskBridge = { readonly [C in Channel]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>> } & {
  readonly on: (event: AppEvent, listener: (payload: unknown) => void) => () => void;
};

export type Invoke = (channel: Channel, request: unknown) => Promise<unknown>;

const ignore: Subscribe = () => () => undefined;

/**
 * Builds the bridge from the contract. The Electron preload passes ipcRenderer.invoke and
 * ipcRenderer.on; the test harness passes a Playwright binding and its own event source. Both
 * therefore expose exactly the same surface.
 */
export function buildBridge(invoke: Invoke, subscribe: Subscribe = ignore): NewsdeskBridge {
  const bridge: Record<string, unknown> = {};
  for (const channel of CHANNEL_NAMES) {
    bridge[channel] = (request: unknown) => invoke(channel, request === undefined ? {} : request);
  }
  bridge.on = (event: unknown, listener: unknown): (() => void) => {
    // Only the listed events, and only a function: a page cannot listen to other IPC traffic.
    if (typeof listener !== 'function' || !(EVENT_NAMES as readonly unknown[]).includes(event)) {
      throw new TypeError(`Newsdesk has no event "${String(event).slice(0, 60)}".`);
    }
    return subscribe(event as EventName, (payload) => (listener as (payload: unknown) => void)(payload));
  };
  return Object.freeze(bridge) as unknown as NewsdeskBridge;
}
