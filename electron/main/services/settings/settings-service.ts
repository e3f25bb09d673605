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

export function createSettingsService(store: KeyValueStore): SettingsService {
  // A settings file edited by hand or written by an older version may hold bad values: keep each
  // valid field, fall back to the default for the rest, never refuse to start.
  const read = (): Settings => {
    const raw = store.get(KEY);
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    if (raw && typeof raw === 'object') {
      for (const [key, value] of Object.entries(raw)) {
        const field = Settings.shape[key as keyof Settings];
        if (field?.safeParse(value).success) merged[key] = value;
      }
    }
    return Settings.parse(merged);
  };
  return {
    get: read,
    update(patch) {
      const next = Settings.parse({ ...read(), ...patch });
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
