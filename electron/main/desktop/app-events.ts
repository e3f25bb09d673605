import type { AppEvent, AppEventPayload } from '../../../shared/ipc/events';

/** The part of a webContents that receives events from main. */
export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/**
 * Sends one of the contract's events (shared/ipc/events.ts) to a window's page, typed by event
 * name; the preload forwards exactly these names. A page that is gone is skipped.
 */
export function sendAppEvent<E extends AppEvent>(target: EventTarget, event: E, payload: AppEventPayload<E>): void {
  if (target.isDestroyed()) return;
  target.send(event, payload);
}
