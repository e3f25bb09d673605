/**
 * Tells a listener that something changed, at most once per `gapMs`, and always once more after
 * the last change. The outbox changes many times a second while a photo uploads (every progress
 * step); the windows only need to hear "read me again" often enough for a smooth progress bar,
 * and must never miss the final state.
 */
export interface ChangeSignal {
  /** Something changed; the listener hears of it soon. */
  notify(): void;
  /** No more signals after this; a change not yet told is told now, so the last state is never missed. */
  stop(): void;
}

export function createChangeSignal(listener: () => void, gapMs: number): ChangeSignal {
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const tell = (): void => {
    dirty = false;
    try {
      listener();
    } catch {
      // A listener that fails (a window gone mid-send) must not break the outbox's own work.
    }
  };
  const flush = (): void => {
    timer = null;
    if (!dirty || stopped) return;
    // The next signal waits out the gap, so a burst of changes costs one read per gap.
    timer = setTimeout(flush, gapMs);
    tell();
  };
  return {
    notify() {
      if (stopped) return;
      dirty = true;
      // The first change of a quiet period goes out after the current task: changes made together
      // (a job replaced and its target marked unreachable) are one signal.
      timer ??= setTimeout(flush, 0);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (dirty) tell();
    },
  };
}
