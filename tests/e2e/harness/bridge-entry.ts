// Stand-in for the Electron preload in browser tests: the same buildBridge the preload uses, with
// a Playwright binding in place of ipcRenderer.invoke. Bundled to one script by bridge-script.ts.
import { buildBridge } from '../../../shared/ipc/bridge';

type Invoke = (channel: string, request: unknown) => Promise<string>;
const invoke = (window as unknown as { __newsdeskInvoke: Invoke }).__newsdeskInvoke;

Object.defineProperty(window, 'newsdesk', {
  // The harness sends each answer as a JSON string (see launch.ts); parse it back to the Result.
  value: buildBridge(async (channel, request) => JSON.parse(await invoke(channel, request)) as unknown),
  writable: false,
  configurable: false,
  enumerable: true,
});
