import type { NativeTheme } from 'electron';
import type { DesktopSettings } from '../../../shared/model/settings';
import { sendAppEvent, type EventTarget } from './app-events';

/**
 * Light or dark: the OS decides unless the editor chose one in Preferences. Electron's
 * nativeTheme.themeSource does both at once (prefers-color-scheme in every page, native menus and
 * dialogs); main only passes the setting on and tells the windows when the result changes.
 */

/** A window's colour before its page paints, matching the app's light and dark backgrounds. */
export function backgroundColor(dark: boolean): string {
  return dark ? '#1f1f1f' : '#ffffff';
}

type ThemeSource = Pick<NativeTheme, 'themeSource' | 'shouldUseDarkColors'>;

export function applyThemeSetting(nativeTheme: ThemeSource, theme: DesktopSettings['theme']): void {
  if (nativeTheme.themeSource !== theme) nativeTheme.themeSource = theme;
}

export interface ThemedWindow {
  isDestroyed(): boolean;
  setBackgroundColor(color: string): void;
  webContents: EventTarget;
}

/**
 * Sends `theme:changed` {dark} to every window whenever the colours in use change (the OS switched,
 * or the setting did), and repaints their background so a resize never flashes the other colour.
 * Returns a function that stops watching.
 */
export function watchTheme(
  nativeTheme: ThemeSource & Pick<NativeTheme, 'on' | 'removeListener'>,
  windows: () => readonly ThemedWindow[],
): () => void {
  let lastDark = nativeTheme.shouldUseDarkColors;
  const onUpdated = (): void => {
    const dark = nativeTheme.shouldUseDarkColors;
    // 'updated' also fires for high-contrast and inverted-colour changes; those change nothing here.
    if (dark === lastDark) return;
    lastDark = dark;
    for (const win of windows()) {
      if (win.isDestroyed() || win.webContents.isDestroyed()) continue;
      win.setBackgroundColor(backgroundColor(dark));
      sendAppEvent(win.webContents, 'theme:changed', { dark });
    }
  };
  nativeTheme.on('updated', onUpdated);
  return () => nativeTheme.removeListener('updated', onUpdated);
}
