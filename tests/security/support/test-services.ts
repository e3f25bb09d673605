import Conf from 'conf';
import { createServices, type Services } from '../../../electron/main/services/compose';
import { createTestSecretBox } from '../../fakes/secret-box';

/**
 * The app's real services on `dataDir`, with the system dialogs answered by the test: the save
 * dialog answers with `savePath` of the name it suggests (null: closed), the open dialog nothing, and no browser is opened.
 */
export function openTestServices(dataDir: string, options: { savePath?: (suggestedName: string) => string | null } = {}): Promise<Services> {
  return createServices({
    dataDir,
    version: '0.0.0-security',
    settingsStore: new Conf({ cwd: dataDir, configName: 'settings', projectName: 'newsdesk' }),
    openExternal: async () => {},
    chooseFiles: async () => [],
    chooseSavePath: async (suggestedName) => options.savePath?.(suggestedName) ?? null,
    secretBox: createTestSecretBox(),
  });
}
