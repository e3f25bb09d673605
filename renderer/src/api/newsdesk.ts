import type { NewsdeskBridge } from '../../../shared/ipc/bridge';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { appEvents, type AppEvent, type AppEventPayload } from '../../../shared/ipc/events';
import type { AppError, Result } from '../../../shared/ipc/result';
import { messageOf } from '../../../shared/model/errors';

declare global {
  interface Window {
    newsdesk: NewsdeskBridge;
  }
}

/**
 * The only module that touches window.newsdesk (lint enforces it), so tests and future transports
 * have one seam and every call gets the same handling of a missing bridge or a rejected promise.
 */
export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
  const bridge = window.newsdesk as NewsdeskBridge | undefined;
  if (!bridge) {
    return { ok: false, error: { code: 'internal', message: 'Newsdesk is not connected to its storage (the bridge is missing).' } };
  }
  try {
    // The mapped type loses the link between C and its function; the contract guarantees it.
    const fn = bridge[channel] as unknown as (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
    return await fn(request);
  } catch (error) {
    // IPC itself failed (e.g. main is shutting down): still a Result with a readable message.
    const detail = messageOf(error);
    return { ok: false, error: { code: 'internal', message: `Newsdesk could not reach its storage: ${detail}` } };
  }
}

/** An AppError thrown by `request`; `message` is already a sentence for the user. */
export class RequestError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'RequestError';
  }
}

/** Like `call`, but returns the value or throws a RequestError with the readable message. */
export async function request<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await call(channel, payload);
  if (!result.ok) throw new RequestError(result.error);
  return result.value;
}

/** The readable message of anything caught around a request. */
export { messageOf };

/**
 * Listens to an event main sends this window (a menu command, an article to open, the theme).
 * Payloads are checked against shared/ipc/events.ts first: a malformed one is dropped, never acted
 * on. Returns the function that stops listening; a bridge without events (an older preload) gives
 * a no-op, so the app still works without the desktop shell.
 */
export function onAppEvent<E extends AppEvent>(event: E, listener: (payload: AppEventPayload<E>) => void): () => void {
  const bridge = window.newsdesk as Partial<NewsdeskBridge> | undefined;
  if (typeof bridge?.on !== 'function') return () => undefined;
  const schema = appEvents[event];
  try {
    return bridge.on(event, (payload) => {
      const parsed = schema.safeParse(payload);
      if (parsed.success) listener(parsed.data as AppEventPayload<E>);
      else console.warn(`Ignored a malformed "${event}" event from the app.`);
    });
  } catch {
    // The bridge does not know this event (an older main): nothing will arrive.
    return () => undefined;
  }
}
