import Conf from 'conf';
import { createServices, type ServiceOptions, type Services } from '../../electron/main/services/compose';
import type { KeyValueStore } from '../../electron/main/services/settings/settings-service';
import { createTestSecretBox } from '../fakes/secret-box';

/**
 * The app's real services on `dataDir`, as tests and benchmarks open them: settings in the folder
 * (so opening it again is a restart of the app), the test secret box, and system dialogs that
 * answer nothing unless `overrides` says otherwise.
 */
export function openTestServices(dataDir: string, overrides: Partial<ServiceOptions> = {}): Promise<Services> {
  return createServices({
    dataDir,
    version: '0.0.0-test',
    settingsStore: new Conf({ cwd: dataDir, configName: 'settings', projectName: 'newsdesk' }),
    openExternal: async () => {},
    chooseFiles: async () => [],
    chooseSavePath: async () => null,
    secretBox: createTestSecretBox(),
    ...overrides,
  });
}

/** Settings kept in memory, copied in and out as a store on disk would. */
export function memorySettingsStore(): KeyValueStore {
  const values = new Map<string, unknown>();
  return { get: (key) => structuredClone(values.get(key)), set: (key, value) => void values.set(key, structuredClone(value)) };
}
