import { ioFailure } from '../fs/io-errors';
import { DEFAULT_SETTINGS, Settings, type SettingsPatch } from '../../../../shared/model/settings';

/**
 * The part of electron-store (and of `conf`, which it is built on) that settings need. The app
 * passes an electron-store; tests and the browser harness pass a `conf` store on a temp folder.
 */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface SettingsService {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
}

const KEY = 'settings';

/**
 * The stored value, or undefined when the store cannot give one: conf re-reads its file on every
 * get and throws if it has since become unreadable (not JSON, not UTF-8), which must mean
 * "defaults", not a failed start.
 */
function readRaw(store: KeyValueStore): unknown {
  try {
    return store.get(KEY);
  } catch {
    return undefined;
  }
}

export function createSettingsService(store: KeyValueStore): SettingsService {
  // A settings file edited by hand or written by an older version may hold bad values: keep each
  // valid field, fall back to the default for the rest, never refuse to start.
  const read = (): Settings => {
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    const raw = readRaw(store);
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
      for (const [key, value] of Object.entries(raw)) {
        // Own keys only: a key such as "constructor" or "__proto__" must not find something on
        // the shape object's prototype (a function, not a schema) and throw on every read.
        if (!Object.hasOwn(Settings.shape, key)) continue;
        const field = Settings.shape[key as keyof Settings];
        if (field.safeParse(value).success) merged[key] = value;
      }
    }
    return Settings.parse(merged);
  };
  return {
    get: read,
    update(patch) {
      const current = read();
      // Limits change one at a time: the ones a patch leaves out keep the desk's values.
      const limits = patch.limits ? { ...current.limits, ...patch.limits } : current.limits;
      const next = Settings.parse({ ...current, ...patch, limits });
      try {
        store.set(KEY, next);
      } catch (error) {
        // The store writes its file atomically, so a refused write leaves the old settings in force.
        throw ioFailure('The settings could not be saved, so nothing was changed', error);
      }
      return next;
    },
  };
}
