/**
 * Work an editor update asks for but a keystroke need not wait for (toolbar state, table tools):
 * however many updates ask before it runs, it runs once, when the browser is idle after the frame
 * that shows the keystroke. The timeout bounds the wait while someone types without pause.
 */
export interface IdleTask {
  /** Asks for a run; a run already asked for covers this one. */
  schedule(): void;
  /** Drops a run asked for and not yet started (on unmount). */
  cancel(): void;
}

export function createIdleTask(run: () => void, timeoutMs: number): IdleTask {
  let pending: number | undefined;
  const fire = () => {
    pending = undefined;
    run();
  };
  return {
    schedule() {
      pending ??= requestIdleCallback(fire, { timeout: timeoutMs });
    },
    cancel() {
      if (pending !== undefined) cancelIdleCallback(pending);
      pending = undefined;
    },
  };
}
