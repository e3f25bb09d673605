import type { App } from 'electron';

/**
 * The Windows AppUserModelID. Windows shows a notification only for an app whose ID matches a
 * Start-menu shortcut, and electron-builder's NSIS installer gives that shortcut the builder's
 * `appId` (build/electron-builder.yml; a test keeps the two equal). Without the call, the process
 * carries Electron's own default ID and no toast ever appears.
 */
export const APP_USER_MODEL_ID = 'org.newsdesk.app';

/** Sets the ID on Windows, before any window or notification exists; other systems have no such ID. */
export function applyAppUserModelId(app: Pick<App, 'setAppUserModelId'>, platform: NodeJS.Platform): void {
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
}
