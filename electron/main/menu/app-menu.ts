import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu, built only from Electron's standard roles for now: they bring the
 * platform's own labels, shortcuts and behaviour (undo/redo, copy/paste, zoom, full screen) for
 * free. Newsdesk-specific commands will be added to the File menu later.
 */
export function buildAppMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  // On macOS the first menu is the app menu (About, Hide, Quit…); elsewhere Quit lives in File.
  if (isMac) template.push({ role: 'appMenu' });
  template.push(
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    // macOS adds its own search field to the Help menu and has About in the app menu.
    { role: 'help', submenu: isMac ? [] : [{ role: 'about' }] },
  );
  return template;
}
