import type { OutboxView } from '../../../../shared/ipc/publishing-contract';
import type { Result } from '../../../../shared/ipc/result';

/**
 * The outbox as one window sees it, kept current without polling: it is read once at the start,
 * again each time main says it changed ('outbox:changed'), and again whenever the window may have
 * missed that (it gained focus or became visible again), so a window that was not listening still
 * converges. Plain TypeScript, no React: the hook around it only wires the sources.
 */
export interface OutboxFeedSources {
  read(): Promise<Result<OutboxView>>;
  /** Main says the outbox changed; returns the function that stops listening. */
  onChanged(listener: () => void): () => void;
  /** The window may have missed changes (focus, visible again); returns the function that stops listening. */
  onResync(listener: () => void): () => void;
}

export interface OutboxFeedSink {
  view(next: OutboxView): void;
  /** Why the outbox could not be read; the last view stays on screen. */
  error(message: string): void;
}

export interface OutboxFeed {
  /** Reads now; a read already under way is followed by one more, so the newest state is always read. */
  refresh(): Promise<void>;
  /** Taken before an action whose answer is the whole outbox, and passed to `offer` with it. */
  ticket(): number;
  /** An answer holding the whole outbox; dropped when a read asked for later was applied already. */
  offer(view: OutboxView, ticket: number): void;
  stop(): void;
}

export function startOutboxFeed(sources: OutboxFeedSources, sink: OutboxFeedSink): OutboxFeed {
  let asked = 0;
  let applied = 0;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;

  const offer = (view: OutboxView, ticket: number): void => {
    if (stopped || ticket < applied) return; // an older answer arriving late
    applied = ticket;
    sink.view(view);
  };
  const readOnce = async (): Promise<void> => {
    const ticket = ++asked;
    const result = await sources.read();
    if (stopped) return;
    if (result.ok) offer(result.value, ticket);
    else sink.error(result.error.message);
  };
  // One read at a time: changes signalled while one is under way cost a single read after it.
  const refresh = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await readOnce();
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
    return running;
  };

  const stops = [sources.onChanged(() => void refresh()), sources.onResync(() => void refresh())];
  void refresh();
  return {
    refresh,
    ticket: () => ++asked,
    offer,
    stop() {
      stopped = true;
      for (const stop of stops) stop();
    },
  };
}
