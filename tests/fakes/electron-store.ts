import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as FakeElectron from './electron';

/**
 * electron-store 11 for tests (`vi.mock('electron-store', () => import('…/fakes/electron-store'))`):
 * the package itself is not processed by vitest, so it would load the real electron binary. Like
 * the real one, the first construction in a process registers `ipcMain.on('electron-store-get-data')`
 * (its answer to renderers that use electron-store), the file is <userData>/<name>.json and a file
 * that is not valid JSON throws (conf's behaviour). Values live in memory.
 */

/**
 * The fake `electron` loaded last. vitest caches a mock factory's module across vi.resetModules(),
 * so importing 'electron' here would keep the first test's fake; the fake module registers itself
 * instead (tests/fakes/electron.ts).
 */
function electron(): typeof FakeElectron {
  const current = (globalThis as { [key: symbol]: unknown })[Symbol.for('newsdesk.fakeElectron')];
  if (!current) throw new Error('The fake electron-store needs the fake electron module loaded first.');
  return current as typeof FakeElectron;
}

export default class FakeElectronStore {
  private readonly data = new Map<string, unknown>();
  constructor({ name = 'config' }: { name?: string } = {}) {
    const { app, ipcMain, electronStore } = electron();
    const appData = { defaultCwd: app.getPath('userData'), appVersion: app.getVersion() };
    // Once per process, as electron-store's initDataListener does.
    if (!electronStore.listening) {
      ipcMain.on('electron-store-get-data', (event: { returnValue?: unknown }) => {
        event.returnValue = appData;
      });
      electronStore.listening = true;
    }
    const file = join(appData.defaultCwd, `${name}.json`);
    if (existsSync(file)) {
      const saved: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (saved && typeof saved === 'object') for (const [key, value] of Object.entries(saved)) this.data.set(key, value);
    }
    electronStore.opened.push({ name, data: this.data });
  }
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
