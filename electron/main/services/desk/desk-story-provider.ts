import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * The Hocuspocus provider of one shared story, without the offline replay. As it comes, the
 * provider hands every document change to its socket, and a socket that is not open queues it: a
 * desktop that typed 3,000 keys offline sends 3,000 update messages on reconnect (plus a cursor move
 * each), which the desk applies, stores and broadcasts one by one — seconds before both sides are in
 * step. Yet the sync the provider starts on every (re)connect already carries all of it: the desk
 * answers our state vector with its own, and our reply (sync step 2) is one merged update of every
 * change the desk lacks. So while the socket is not open a change is only counted as unsynced, never
 * queued; the count is reset and acknowledged by that sync, as for any connection.
 *
 * Presence works the same way: a stale cursor position is worth nothing once the socket is back.
 * The sync sends this desktop's own state; the states its windows passed on while offline are sent
 * right after it, so the desk sees who is in the story at once instead of at their next cursor move.
 */
export class DeskStoryProvider extends HocuspocusProvider {
  override documentUpdateHandler(update: Uint8Array, origin: unknown): void {
    if (origin === this || this.socketIsOpen()) {
      super.documentUpdateHandler(update, origin);
      return;
    }
    this.incrementUnsyncedChanges();
  }

  override awarenessUpdateHandler(changes: AwarenessChanges, origin: unknown): void {
    if (this.socketIsOpen()) super.awarenessUpdateHandler(changes, origin);
  }

  override startSync(): void {
    super.startSync();
    const awareness = this.awareness;
    if (!awareness) return;
    // On a (re)connect the only states besides ours are those applied here since: the windows'.
    const others = [...awareness.getStates().keys()].filter((client) => client !== this.document.clientID);
    if (others.length > 0) super.awarenessUpdateHandler({ added: [], updated: others, removed: [] }, null);
  }

  /** Whether a message handed to the socket now goes out at once (otherwise the socket queues it). */
  private socketIsOpen(): boolean {
    return this.configuration.websocketProvider.webSocket?.readyState === WebSocket.OPEN;
  }
}
