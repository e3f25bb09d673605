import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../../shared/ipc/contract';
import type { CallerFrame, Dispatch } from './dispatcher';

/**
 * Who sent an invoke. `senderFrame` is null when the frame navigated away or was destroyed before
 * the message arrived; such a call is then treated as coming from nowhere (and refused).
 */
export function callerOf(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): CallerFrame {
  const frame = event.senderFrame;
  return {
    url: frame?.url ?? '',
    isMainFrame: frame !== null && frame !== undefined && frame === event.sender.mainFrame,
    senderId: event.sender.id,
  };
}

/**
 * One ipcMain.handle per contract channel, each going through the dispatcher (frame check, payload
 * validation, Result wrapping). Nothing else is ever registered, so the renderer's surface is
 * exactly the contract. Returns a function that removes the handlers again.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, dispatch: Dispatch): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) => dispatch(channel, payload, callerOf(event)));
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}
