import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from '../../shared/ipc/bridge';

// The preload's only job: expose the contract's channels as window.newsdesk, nothing else.
contextBridge.exposeInMainWorld(
  'newsdesk',
  buildBridge((channel, request) => ipcRenderer.invoke(channel, request)),
);
