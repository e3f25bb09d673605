/**
 * Stands in for electron-store in tests that start the whole main process: the package is not
 * processed by vitest, so it would load the real electron (a binary that is not installed). Keeps
 * each store's values in memory, as electron-store's get/set would on disk.
 */
export default class MemoryStore {
  private readonly data = new Map<string, unknown>();
  constructor(_options: { name?: string } = {}) {}
  get(key: string): unknown {
    return structuredClone(this.data.get(key));
  }
  set(key: string, value: unknown): void {
    this.data.set(key, structuredClone(value));
  }
  has(key: string): boolean {
    return this.data.has(key);
  }
  delete(key: string): void {
    this.data.delete(key);
  }
}
