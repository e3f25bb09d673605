import { CHANNEL_NAMES } from './channels';
import type { Channel, RequestOf, ResponseOf } from './contract';
import type { Result } from './result';

/** What `window.newsdesk` is: one async function per channel of the contract, nothing else. */
export type NewsdeskBridge = { readonly [C in Channel]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>> };

export type Invoke = (channel: Channel, request: unknown) => Promise<unknown>;

/**
 * Builds the bridge from the contract. The Electron preload passes ipcRenderer.invoke; the test
 * harness passes a Playwright binding. Both therefore expose exactly the same surface.
 */
export function buildBridge(invoke: Invoke): NewsdeskBridge {
  const bridge: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const channel of CHANNEL_NAMES) {
    bridge[channel] = (request: unknown) => invoke(channel, request === undefined ? {} : request);
  }
  return Object.freeze(bridge) as unknown as NewsdeskBridge;
}
