// Stand-in for the Electron preload in browser tests: the same buildBridge the preload uses, with
// a Playwright binding in place of ipcRenderer.invoke. Bundled to one script by bridge-script.ts.
import { buildBridge } from '../../../shared/ipc/bridge';

type Invoke = (channel: string, request: unknown) => Promise<unknown>;
const invoke = (window as unknown as { __newsdeskInvoke: Invoke }).__newsdeskInvoke;

Object.defineProperty(window, 'newsdesk', {
  value: buildBridge((channel, request) => invoke(channel, request)),
  writable: false,
  configurable: false,
  enumerable: true,
});
