import { Awareness, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { messageOf } from '../../../../shared/model/errors';
import type { StoryChangeEvent, StoryDocAddress, StoryTransport } from '../../api/story-docs';
import { fromBase64, toBase64 } from './base64';
import { applyRemotePresence, PresenceSender } from './presence-sender';

/** The origin of changes that came from main: they are applied, never sent back. */
export const FROM_MAIN = Symbol('from-main');

/** Pauses between attempts to hand main changes it refused or never got; the last one repeats. */
const RETRY_DELAYS_MS = [1000, 2000, 5000, 10_000];

/** What the status bar needs to know: whether every local change has reached main's document. */
export interface SendState {
  /** Changes made here that main has not accepted yet (kept, and tried again). */
  unsent: boolean;
  /** Why the last attempt failed, as a sentence; null while nothing failed. */
  message: string | null;
}

type Listener = (...args: never[]) => void;

/**
 * How long a local change (and the cursor's move) waits before it is sent: the encoding and the call
 * then run after the keystroke's frame, not between the key and its frame, and keys typed in that
 * time go as one call. Short enough that nothing typed waits noticeably; a page hidden, blurred or
 * closed sends at once (sendNow, disconnect).
 */
export const SEND_DELAY_MS = 50;

/**
 * A Yjs provider for @lexical/yjs over the story:* channels: the document lives in main, and this
 * window's copy follows it. Local changes go to main one batch at a time (each batch merges what
 * was typed while the previous one was on its way, so fast typing costs one call per batch, not per
 * keystroke); changes main announces are applied unless they are this editor's own echo.
 *
 * It has the shape of @lexical/yjs's Provider; the awareness is y-protocols' own, whose states are
 * typed looser than Lexical's UserState, hence the cast where Lexical receives it (story-link.ts).
 */
export class IpcStoryProvider {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly sendListeners = new Set<(state: SendState) => void>();
  private stops: (() => void)[] = [];
  private connected = false;
  private opened = false;
  private synced = false;
  private told = false;
  private pending: Uint8Array[] = [];
  private sending = false;
  private readonly presence: PresenceSender;
  private failures = 0;
  /** A send waiting for SEND_DELAY_MS to pass; presence goes with it when `awarenessDue`. */
  private sendTimer: ReturnType<typeof setTimeout> | undefined;
  private awarenessDue = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private lastError: string | null = null;

  /**
   * The story and part, and this connection's session: a new one each time it connects, so a
   * 'story:close' of the previous connection reaching main after the next 'story:open' never
   * detaches the new one.
   */
  address: StoryDocAddress;

  constructor(
    private readonly transport: StoryTransport,
    address: Omit<StoryDocAddress, 'session'>,
    private readonly newSession: () => string,
    doc: Y.Doc = new Y.Doc(),
  ) {
    this.address = { ...address, session: newSession() };
    this.doc = doc;
    this.awareness = new Awareness(doc);
    this.presence = new PresenceSender(this.awareness, (update) => this.transport.awareness(this.address, update), () => this.opened);
    doc.on('update', this.onLocalUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  get sendState(): SendState {
    return { unsent: this.pending.length > 0 || this.sending, message: this.lastError };
  }

  onSendState(listener: (state: SendState) => void): () => void {
    this.sendListeners.add(listener);
    return () => this.sendListeners.delete(listener);
  }

  /** Whether main told this editor to write the article file's body into the empty document. */
  get bootstrapped(): boolean {
    return this.told;
  }

  /** True once main's state was applied and the body holds text (or this editor is told to write it). */
  get isSynced(): boolean {
    return this.synced;
  }

  on(type: string, listener: Listener): void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
  }

  off(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener);
  }

  /**
   * Synchronous on purpose: Lexical disconnects a provider whose connect() returned a promise only
   * once that promise settles, which would land after a quick reconnect and undo it.
   */
  connect(): void {
    if (this.connected) return;
    this.connected = true;
    void this.open();
  }

  private async open(): Promise<void> {
    this.emit('status', { status: 'connecting' });
    // Listening before asking: a change announced while the answer is on its way is applied twice
    // at worst, which Yjs ignores.
    this.stops = [this.transport.onUpdated(this.onRemoteUpdate), this.transport.onAwareness(this.onRemoteAwareness)];
    const address = this.address;
    const answer = await this.transport.open(address);
    if (!this.connected || address !== this.address) return;
    if (!answer.ok) {
      this.fail(answer.error.message);
      this.emit('status', { status: 'disconnected' });
      return;
    }
    this.apply(answer.value.state);
    // What this copy holds and main's does not (typed while reconnecting, or main let the document
    // go meanwhile) is handed over like any local change.
    try {
      const missing = Y.encodeStateAsUpdate(this.doc, Y.encodeStateVectorFromUpdate(fromBase64(answer.value.state)));
      if (Y.decodeUpdate(missing).structs.length > 0 || Y.decodeUpdate(missing).ds.clients.size > 0) this.pending.push(missing);
    } catch {
      // main's state could not be read (reported by apply): nothing to compare with.
    }
    this.opened = true;
    this.told = answer.value.bootstrap;
    this.emit('status', { status: 'connected' });
    // The one editor told to bootstrap writes the article file's body; every other one waits
    // until that body arrived, so it never inserts the text a second time.
    if (answer.value.bootstrap || !this.bodyIsEmpty()) this.markSynced();
    this.broadcastAwareness();
    void this.flush();
  }

  disconnect(): void {
    if (!this.connected) return;
    this.connected = false;
    this.opened = false;
    this.synced = false;
    for (const stop of this.stops) stop();
    this.stops = [];
    clearTimeout(this.retryTimer);
    clearTimeout(this.sendTimer);
    this.sendTimer = undefined;
    this.awarenessDue = false;
    // Others drop this editor's cursor now rather than after awareness' 30-second timeout.
    removeAwarenessStates(this.awareness, [this.doc.clientID], 'local');
    const unsent = this.takePending();
    const address = this.address;
    this.address = { ...address, session: this.newSession() };
    // What was typed last is still handed over before letting go of the document. Both are sent at
    // once (main takes a window's calls in order), so they leave even when the page is going away.
    if (unsent) void this.transport.update(address, toBase64(unsent));
    void this.transport.close(address);
    this.emit('status', { status: 'disconnected' });
  }

  /** Stops for good (the editor is gone): timers and listeners of the document and awareness. */
  destroy(): void {
    this.disconnect();
    this.doc.off('update', this.onLocalUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
  }

  private bodyIsEmpty(): boolean {
    return this.doc.get('root', Y.XmlText).length === 0;
  }

  private markSynced(): void {
    if (this.synced) return;
    this.synced = true;
    this.emit('sync', true);
  }

  private emit(type: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(type) ?? []) (listener as (...values: unknown[]) => void)(...args);
  }

  private apply(base64: string): void {
    try {
      Y.applyUpdate(this.doc, fromBase64(base64), FROM_MAIN);
    } catch (error) {
      // A damaged change is ignored whole; main's document is the reference and is not touched.
      console.warn(`Ignored a change to the story that could not be read: ${messageOf(error)}`);
    }
  }

  private isMine(change: StoryChangeEvent): boolean {
    return change.id !== this.address.id || change.part !== this.address.part || change.from === this.address.session;
  }

  private readonly onRemoteUpdate = (change: StoryChangeEvent): void => {
    if (!this.connected || this.isMine(change)) return;
    this.apply(change.update);
    if (this.opened && !this.synced && !this.bodyIsEmpty()) this.markSynced();
  };

  private readonly onRemoteAwareness = (change: StoryChangeEvent): void => {
    if (!this.connected || this.isMine(change)) return;
    if (applyRemotePresence(this.awareness, change.update, FROM_MAIN) === 'newcomer') this.broadcastAwareness();
  };

  private readonly onLocalUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === FROM_MAIN) return;
    this.pending.push(update);
    this.scheduleSend();
  };

  private scheduleSend(): void {
    if (this.sendTimer !== undefined) return;
    this.sendTimer = setTimeout(() => this.sendNow(), SEND_DELAY_MS);
  }

  /**
   * Sends what waits for SEND_DELAY_MS at once: when the window is blurred or hidden, the person may
   * be about to read the story in another window.
   */
  sendNow(): void {
    clearTimeout(this.sendTimer);
    this.sendTimer = undefined;
    if (this.awarenessDue) {
      this.awarenessDue = false;
      if (this.opened) this.presence.send();
    }
    if (!this.sending) void this.flush();
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === FROM_MAIN || !this.opened) return;
    if (![...added, ...updated, ...removed].includes(this.doc.clientID)) return;
    this.awarenessDue = true;
    this.scheduleSend();
  };

  private broadcastAwareness(): void {
    if (!this.opened || this.awareness.getLocalState() === null) return;
    this.presence.send();
  }

  private takePending(): Uint8Array | null {
    if (this.pending.length === 0) return null;
    const merged = this.pending.length === 1 ? this.pending[0]! : Y.mergeUpdates(this.pending);
    this.pending = [];
    return merged;
  }

  /** Hands main what is pending; a refused batch is kept (merged with what follows) and tried again. */
  private async flush(): Promise<void> {
    if (this.sending || !this.opened) return;
    const batch = this.takePending();
    if (!batch) return;
    this.sending = true;
    const wasUnsent = this.lastError !== null;
    let answer;
    try {
      answer = await this.transport.update(this.address, toBase64(batch));
    } catch (error) {
      answer = { ok: false as const, error: { message: messageOf(error) } };
    }
    this.sending = false;
    if (!answer.ok) {
      this.pending.unshift(batch);
      this.fail(answer.error.message);
      return;
    }
    this.failures = 0;
    this.lastError = null;
    if (this.pending.length > 0) {
      void this.flush();
    } else if (wasUnsent) {
      this.notify();
    }
  }

  private fail(message: string): void {
    this.lastError = message;
    this.notify();
    const delay = RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length - 1)]!;
    this.failures += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (!this.connected) return;
      if (this.opened) void this.flush();
      else {
        // Main never answered the opening: ask again.
        this.connected = false;
        for (const stop of this.stops) stop();
        void this.connect();
      }
    }, delay);
  }

  private notify(): void {
    const state = this.sendState;
    for (const listener of this.sendListeners) listener(state);
  }
}
