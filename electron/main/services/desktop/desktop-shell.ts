import type { MenuState } from '../../../../shared/model/desktop';

/**
 * What the services ask of the desktop shell (menus, windows, the recent list). The app passes the
 * Electron implementation from the composition root; tests and the browser harness pass
 * `headlessDesktop` or their own recorder. Each call names the window it came from by its
 * webContents id (0 when there is none).
 */
export interface DesktopShell {
  /** The window's article (when it was opened for one) and whether dark colours are in use. */
  windowContext(senderId: number): { articleId: string | null; dark: boolean };
  menuState(senderId: number, state: MenuState): void;
  openArticleWindow(articleId: string): Promise<void>;
  articleOpened(articleId: string, headline: string): void;
}

/** No windows, no menus: what the services run with outside the app. */
export const headlessDesktop: DesktopShell = {
  windowContext: () => ({ articleId: null, dark: false }),
  menuState: () => undefined,
  openArticleWindow: async () => undefined,
  articleOpened: () => undefined,
};
