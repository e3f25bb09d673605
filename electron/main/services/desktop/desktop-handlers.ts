import type { desktopChannels } from '../../../../shared/ipc/desktop-contract';
import type { Handlers, ShellChannel } from '../../ipc/dispatcher';
import type { DraftStore } from '../drafts/types';
import type { DesktopShell } from './desktop-shell';

/** The desktop channels the services answer; the window's save-before-close answer is the shell's own. */
export type DesktopHandlers = Pick<Handlers, Exclude<keyof typeof desktopChannels, ShellChannel>>;

export interface DesktopHandlerServices {
  desktop: DesktopShell;
  drafts: Pick<DraftStore, 'get'>;
}

/** Menus, windows and the recent list: each call names its window by the sender's webContents id (0 when unknown). */
export function createDesktopHandlers({ desktop, drafts }: DesktopHandlerServices): DesktopHandlers {
  return {
    'app:windowContext': (_request, caller) => desktop.windowContext(caller?.senderId ?? 0),
    'app:menuState': (state, caller) => {
      desktop.menuState(caller?.senderId ?? 0, state);
      return null;
    },
    'app:openArticleWindow': async ({ articleId }) => {
      // Refused here rather than opening a window on an error page.
      await drafts.get(articleId);
      await desktop.openArticleWindow(articleId);
      return null;
    },
    'app:articleOpened': ({ articleId, headline }) => {
      desktop.articleOpened(articleId, headline);
      return null;
    },
  };
}
