import type { MenuItemConstructorOptions } from 'electron';

/**
 * What Electron fills in for a role item (its label and shortcut on each platform), copied from
 * Electron's lib/browser/api/menu-item-roles.ts. The template leaves these to Electron, so a test
 * checking shortcuts for clashes, or a picture of the menu, needs them spelt out.
 */
type Role = NonNullable<MenuItemConstructorOptions['role']>;

export function roleDefaults(role: Role, platform: NodeJS.Platform, appName = 'Newsdesk'): { label: string; accelerator?: string } {
  const mac = platform === 'darwin';
  const win = platform === 'win32';
  const table: Partial<Record<Role, { label: string; accelerator?: string }>> = {
    about: { label: platform === 'linux' ? 'About' : `About ${appName}` },
    close: { label: mac ? 'Close Window' : 'Close', accelerator: 'CommandOrControl+W' },
    copy: { label: 'Copy', accelerator: 'CommandOrControl+C' },
    cut: { label: 'Cut', accelerator: 'CommandOrControl+X' },
    delete: { label: 'Delete' },
    forceReload: { label: 'Force Reload', accelerator: 'Shift+CmdOrCtrl+R' },
    hide: { label: `Hide ${appName}`, accelerator: 'Command+H' },
    hideOthers: { label: 'Hide Others', accelerator: 'Command+Alt+H' },
    minimize: { label: 'Minimize', accelerator: 'CommandOrControl+M' },
    paste: { label: 'Paste', accelerator: 'CommandOrControl+V' },
    pasteAndMatchStyle: { label: 'Paste and Match Style', accelerator: mac ? 'Cmd+Option+Shift+V' : 'Shift+CommandOrControl+V' },
    quit: { label: mac ? `Quit ${appName}` : win ? 'Exit' : 'Quit', ...(win ? {} : { accelerator: 'CommandOrControl+Q' }) },
    redo: { label: 'Redo', accelerator: win ? 'Control+Y' : 'Shift+CommandOrControl+Z' },
    reload: { label: 'Reload', accelerator: 'CmdOrCtrl+R' },
    resetZoom: { label: 'Actual Size', accelerator: 'CommandOrControl+0' },
    selectAll: { label: 'Select All', accelerator: 'CommandOrControl+A' },
    services: { label: 'Services' },
    toggleDevTools: { label: 'Toggle Developer Tools', accelerator: mac ? 'Alt+Command+I' : 'Ctrl+Shift+I' },
    togglefullscreen: { label: 'Toggle Full Screen', accelerator: mac ? 'Control+Command+F' : 'F11' },
    undo: { label: 'Undo', accelerator: 'CommandOrControl+Z' },
    unhide: { label: 'Show All' },
    zoom: { label: 'Zoom' },
    front: { label: 'Bring All to Front' },
    zoomIn: { label: 'Zoom In', accelerator: 'CommandOrControl+Plus' },
    zoomOut: { label: 'Zoom Out', accelerator: 'CommandOrControl+-' },
    help: { label: 'Help' },
    windowMenu: { label: 'Window' },
    appMenu: { label: appName },
  };
  return table[role] ?? { label: role };
}

/** The default submenu Electron gives a role menu left without one (macOS Window menu). */
export function roleSubmenu(role: Role, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  if (role !== 'windowMenu') return [];
  return platform === 'darwin'
    ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
    : [{ role: 'minimize' }, { role: 'zoom' }, { role: 'close' }];
}

/** One shortcut written one way: "CmdOrCtrl+Shift+N" and "Shift+CommandOrControl+N" are the same key. */
export function normalizeAccelerator(accelerator: string, platform: NodeJS.Platform): string {
  const mac = platform === 'darwin';
  const parts = accelerator.split('+').map((part) => part.trim());
  // "CommandOrControl+Plus" splits into ["CommandOrControl", "Plus"]; a literal "+" key does not occur here.
  const key = parts.pop()!.toLowerCase();
  const modifiers = new Set(
    parts.map((part) => {
      const lower = part.toLowerCase();
      if (lower === 'cmdorctrl' || lower === 'commandorcontrol') return mac ? 'cmd' : 'ctrl';
      if (lower === 'command' || lower === 'cmd') return 'cmd';
      if (lower === 'control' || lower === 'ctrl') return 'ctrl';
      if (lower === 'option' || lower === 'alt') return 'alt';
      return lower;
    }),
  );
  const aliases: Record<string, string> = { return: 'enter', '=': 'plus-or-equals' };
  return [...['ctrl', 'cmd', 'alt', 'shift'].filter((m) => modifiers.has(m)), aliases[key] ?? key].join('+');
}

/** How a platform prints a shortcut in its menus: "⇧⌘N" on macOS, "Ctrl+Shift+N" elsewhere. */
export function displayAccelerator(accelerator: string, platform: NodeJS.Platform): string {
  const normalized = normalizeAccelerator(accelerator, platform).split('+');
  const rawKey = accelerator.split('+').pop()!;
  const keyNames: Record<string, string> = { plus: '+', enter: platform === 'darwin' ? '↩' : 'Enter', 'plus-or-equals': '=', '-': '-', ',': ',' };
  const key = keyNames[normalized.at(-1)!] ?? (rawKey.length === 1 ? rawKey.toUpperCase() : rawKey);
  const modifiers = normalized.slice(0, -1);
  if (platform === 'darwin') {
    const symbols: Record<string, string> = { ctrl: '⌃', alt: '⌥', shift: '⇧', cmd: '⌘' };
    return ['ctrl', 'alt', 'shift', 'cmd'].filter((m) => modifiers.includes(m)).map((m) => symbols[m]).join('') + key;
  }
  const names: Record<string, string> = { ctrl: 'Ctrl', alt: 'Alt', shift: 'Shift', cmd: 'Super' };
  return [...modifiers.map((m) => names[m]), key].join('+');
}
