import type { StoryOpened } from '../../../shared/model/desk';
import type { Result } from '../../../shared/ipc/result';
import type { AppEventPayload } from '../../../shared/ipc/events';
import { call, onAppEvent } from './newsdesk';

/** Which document of main an editor is attached to, and as which editor session. */
export interface StoryDocAddress {
  id: string;
  part: string;
  session: string;
}

export type StoryChangeEvent = AppEventPayload<'story:updated'>;

/**
 * What a story's editor needs from main to share its document: the story:* channels and events.
 * An interface, so the provider is unit-tested with a transport that fails the way IPC does.
 */
export interface StoryTransport {
  open(address: StoryDocAddress): Promise<Result<StoryOpened>>;
  update(address: StoryDocAddress, update: string): Promise<Result<null>>;
  awareness(address: StoryDocAddress, update: string): Promise<Result<null>>;
  close(address: StoryDocAddress): Promise<Result<null>>;
  /** Every document change main announces (all stories; the listener picks its own). */
  onUpdated(listener: (change: StoryChangeEvent) => void): () => void;
  onAwareness(listener: (change: StoryChangeEvent) => void): () => void;
  /** The name of the person signed in to a desk, which presence shows instead of "window 2"; null when none. */
  deskUserName?(): Promise<string | null>;
}

/** Listeners of onStoryChanged, told of this window's own changes (main sends it no echo of them). */
const ownChangeListeners = new Set<(id: string) => void>();

export const ipcStoryTransport: StoryTransport = {
  open: (address) => call('story:open', address),
  update: async (address, update) => {
    const result = await call('story:update', { ...address, update });
    if (result.ok) for (const listener of ownChangeListeners) listener(address.id);
    return result;
  },
  awareness: (address, update) => call('story:awareness', { ...address, update }),
  close: (address) => call('story:close', address),
  onUpdated: (listener) => onAppEvent('story:updated', listener),
  onAwareness: (listener) => onAppEvent('story:awarenessChanged', listener),
  deskUserName: async () => {
    const status = await call('desk:status', {});
    return status.ok ? (status.value.user?.name ?? null) : null;
  },
};

/**
 * A story's document changed, wherever the change was made: in another window or at the desk (main
 * announces it), or in this window's editor once main accepted it (main does not send a window back
 * its own changes). For what is read again after the text changed, not for the change itself.
 */
export function onStoryChanged(listener: (id: string) => void): () => void {
  ownChangeListeners.add(listener);
  const stopAnnounced = onAppEvent('story:updated', (change) => listener(change.id));
  return () => {
    ownChangeListeners.delete(listener);
    stopAnnounced();
  };
}
