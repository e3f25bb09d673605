import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildBridge } from '../../shared/ipc/bridge';

// The preload's only job: expose the contract's channels and events as window.newsdesk, nothing else.
contextBridge.exposeInMainWorld(
  'newsdesk',
  buildBridge(
    (channel, request) => ipcRenderer.invoke(channel, request),
    (event, listener) => {
      // The IPC event object (with its sender) never reaches the page: only the payload does.
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(event, forward);
      return () => {
        ipcRenderer.removeListener(event, forward);
      };
    },
  ),
);
