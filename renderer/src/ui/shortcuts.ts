import { IS_APPLE } from '@lexical/utils';

/** How shortcuts are written in tooltips on this platform: "⌘S" on macOS, "Ctrl+S" elsewhere. */
export const MOD = IS_APPLE ? '⌘' : 'Ctrl+';
export const ALT = IS_APPLE ? '⌥' : 'Alt+';
export const SHIFT = IS_APPLE ? '⇧' : 'Shift+';
