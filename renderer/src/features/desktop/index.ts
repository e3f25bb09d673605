// The desktop feature's public entry: what other features and the app root may use. Everything
// else in this folder is private to it (the renderer's layering lint enforces that).
export { deskForCommand } from './command-desks';
export type { Desk } from './command-desks';
export { PreferencesHost } from './PreferencesHost';
export { applyTheme, systemPrefersDark } from './theme';
export { AppearanceContext, useAppearance } from './useAppearance';
export { useDraftingDeskMenu } from './useDraftingDeskMenu';
