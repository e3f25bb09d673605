/**
 * Debounced background writer for derived caches (the summary and search indexes). Autosave runs
 * every second while someone types; rewriting a multi-MB index each time would make a save cost
 * grow with the size of the library. Instead changes mark the cache dirty and one write happens
 * after a quiet period (or after `maxWaitMs` of continuous changes). If the app dies before
 * that, the cache is merely stale, and staleness is detected and repaired at the next open.
 */
export class WriteBehind {
  private dirty = false;
  private timer: NodeJS.Timeout | null = null;
  private firstDirtyAt = 0;
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly write: () => Promise<void>,
    private readonly quietMs: number,
    private readonly maxWaitMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  markDirty(): void {
    if (this.closed) return;
    const now = Date.now();
    if (!this.dirty) this.firstDirtyAt = now;
    this.dirty = true;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.quietMs, this.firstDirtyAt + this.maxWaitMs - now));
    this.timer = setTimeout(() => void this.flush().catch(this.onError), wait);
    // A pending cache write must never keep the process (or a test run) alive.
    this.timer.unref();
  }

  get isDirty(): boolean {
    return this.dirty;
  }

  /** Writes now if dirty; concurrent calls share one write, and a change during a write triggers another. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.running) await this.running;
    if (!this.dirty) return;
    this.dirty = false;
    this.running = this.write().catch((error: unknown) => {
      this.dirty = true;
      throw error;
    });
    try {
      await this.running;
    } finally {
      this.running = null;
    }
  }

  /** Final flush; later markDirty calls are ignored. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }
}
