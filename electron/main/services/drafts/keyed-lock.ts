/**
 * Runs tasks one at a time per key (an article id), in call order. Two autosaves of the same draft
 * must not interleave their read-modify-write of the file, summary and revisions; saves of
 * different drafts still run in parallel.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    // Chain on settle, not on success: one failed save must not block every later save of that draft.
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      // Drop the entry once idle so the map does not grow with every article ever touched.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Resolves when every task queued so far has settled (used by close()). */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
