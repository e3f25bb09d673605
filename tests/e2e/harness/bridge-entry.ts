// Stand-in for the Electron preload in browser tests: the same buildBridge the preload uses, with
// a Playwright binding in place of ipcRenderer.invoke, and events delivered by the harness (its
// emit() calls __newsdeskEmit, as main's webContents.send reaches ipcRenderer.on). Bundled to one
// script by bridge-script.ts.
import { buildBridge } from '../../../shared/ipc/bridge';

type Invoke = (channel: string, request: unknown) => Promise<string>;
const invoke = (window as unknown as { __newsdeskInvoke: Invoke }).__newsdeskInvoke;
const listeners = new Map<string, Set<(payload: unknown) => void>>();

Object.defineProperty(window, '__newsdeskEmit', {
  value: (event: string, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  },
  writable: false,
  configurable: false,
});

Object.defineProperty(window, 'newsdesk', {
  // The harness sends each answer as a JSON string (see launch.ts); parse it back to the Result.
  value: buildBridge(
    async (channel, request) => JSON.parse(await invoke(channel, request)) as unknown,
    (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  ),
  writable: false,
  configurable: false,
  enumerable: true,
});
