import { join } from 'node:path';
import type { Handlers } from '../ipc/dispatcher';
import { openDraftStore } from './drafts/draft-store';
import type { DraftStore } from './drafts/types';
import { createSettingsService, type KeyValueStore, type SettingsService } from './settings/settings-service';

export interface ServiceOptions {
  /** The app's data folder (userData in the app, a temp folder in tests). */
  dataDir: string;
  version: string;
  settingsStore: KeyValueStore;
  /** Opens an https URL in the OS browser (shell.openExternal in the app). */
  openExternal: (url: string) => Promise<void>;
}

export interface Services {
  handlers: Handlers;
  drafts: DraftStore;
  settings: SettingsService;
  close(): Promise<void>;
}

/**
 * Composition of the main-process services and the handler for every contract channel. Plain Node:
 * the Electron shell and the browser test harness both call this, so tests run the real services.
 */
export async function createServices(options: ServiceOptions): Promise<Services> {
  const libraryDir = join(options.dataDir, 'library');
  const drafts = await openDraftStore(libraryDir);
  const settings = createSettingsService(options.settingsStore);

  const handlers: Handlers = {
    'app:info': () => ({ version: options.version, dataDir: libraryDir, quarantined: drafts.quarantined() }),
    'app:openExternal': async ({ url }) => {
      await options.openExternal(url);
      return null;
    },
    'settings:get': () => settings.get(),
    'settings:update': (patch) => settings.update(patch),
    'drafts:list': (query) => drafts.list(query),
    'drafts:get': ({ id }) => drafts.get(id),
    'drafts:create': ({ section }) => drafts.create({ section: section ?? settings.get().sections[0] }),
    'drafts:save': ({ article, reason }) => drafts.save(article, reason),
    'drafts:duplicate': ({ id }) => drafts.duplicate(id),
    'drafts:trash': async ({ id }) => {
      await drafts.trash(id);
      return null;
    },
    'drafts:listTrash': () => drafts.listTrash(),
    'drafts:restoreFromTrash': ({ id }) => drafts.restoreFromTrash(id),
    'drafts:revisions': ({ id }) => drafts.revisions(id),
    'drafts:getRevision': ({ id, revisionId }) => drafts.getRevision(id, revisionId),
    'drafts:restoreRevision': ({ id, revisionId }) => drafts.restoreRevision(id, revisionId),
  };

  return { handlers, drafts, settings, close: () => drafts.close() };
}
