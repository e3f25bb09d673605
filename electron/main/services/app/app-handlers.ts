import type { appChannels } from '../../../../shared/ipc/app-contract';
import type { QuarantinedFile } from '../../../../shared/model/library';
import type { Settings } from '../../../../shared/model/settings';
import type { Handlers } from '../../ipc/dispatcher';
import type { BoardStore } from '../feeds/board-store';
import { checkFeedsChange } from '../feeds/feeds-handlers';
import type { LibraryAccess } from '../library/library-access';
import type { SettingsService } from '../settings/settings-service';

export type AppHandlers = Pick<Handlers, keyof typeof appChannels>;

export interface AppHandlerServices {
  version: string;
  libraryDir: string;
  /** Read at every call: a lock lost while open makes the library read-only from then on. */
  access: Pick<LibraryAccess, 'readOnly'>;
  settings: SettingsService;
  board: Pick<BoardStore, 'get'>;
  /** Every store that sets unreadable files aside, in the order the app names them. */
  quarantines: readonly { quarantined(): QuarantinedFile[] }[];
  /** Opens an https URL in the OS browser. */
  openExternal: (url: string) => Promise<void>;
  /** Called after settings were saved (the shell applies theme and spelling). */
  onSettingsChanged?: (settings: Settings) => void;
}

/** The app's own channels (version, data folder, what was set aside, links out) and settings:*. */
export function createAppHandlers(services: AppHandlerServices): AppHandlers {
  const { access, settings, board } = services;
  return {
    'app:info': () => ({
      version: services.version,
      dataDir: services.libraryDir,
      quarantined: services.quarantines.flatMap((store) => store.quarantined()),
      readOnly: access.readOnly,
    }),
    'app:openExternal': async ({ url }) => {
      await services.openExternal(url);
      return null;
    },
    'settings:get': () => settings.get(),
    'settings:update': (patch) => {
      // A feed that still holds items cannot be dropped or narrowed: the board would be orphaned.
      checkFeedsChange(board.get(), settings.get().feeds, patch);
      const next = settings.update(patch);
      services.onSettingsChanged?.(next);
      return next;
    },
  };
}
